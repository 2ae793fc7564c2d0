import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import stripBoilerplate from '../src/plugins/strip-boilerplate.js'
import {isTeaser, type TeaserOptions} from '../src/rules/teaser.js'
import {runPlugin} from './helpers/run-plugin.js'

const prose = (n: number) =>
  Array.from({length: n}, (_, i) => `Paragraph ${i + 1} of the story explains what officials said on Monday about the budget and what comes next.`)

describe('strip-boilerplate', () => {
  it('removes a cookie notice but keeps a sentence that mentions cookies', () => {
    const keep = 'The regulator said the company uses cookies to track readers across sites without asking them first.'
    const input = [keep, 'We use cookies to improve your experience on our site.'].join('\n\n')
    const {text, messages} = runPlugin(stripBoilerplate, input)
    expect(text).toBe(keep)
    expect(messages.map((m) => m.ruleId)).toEqual(['cookie/notice'])
  })

  it('removes everything after a terminating heading in the tail, reporting each block', () => {
    const body = prose(4)
    const tail = ['Related articles', 'Another story entirely', 'And one more headline here']
    const {text, messages} = runPlugin(stripBoilerplate, [...body, ...tail].join('\n\n'))
    expect(text).toBe(body.join('\n\n'))
    expect(messages).toHaveLength(3)
    expect(messages.every((m) => m.ruleId === 'related/terminating-heading')).toBe(true)
    expect(messages[1].cause?.line).toBe(messages[0].line)
  })

  it('does not treat a terminator early in the article as the tail', () => {
    const body = prose(4)
    const input = ['Related', ...body].join('\n\n')
    const {text} = runPlugin(stripBoilerplate, input, {teasers: false})
    expect(text).toContain(body[3])
  })

  it('removes ALL-CAPS teaser headlines inside the body, not quoted acronyms', () => {
    const body = prose(2)
    const acronym = '“NATO WILL RESPOND,” the minister said, and the USA agreed with the EU on Tuesday.'
    const teaser = 'PRESIDENT SAYS TALKS WILL RESUME NEXT WEEK IN GENEVA'
    const input = [body[0], teaser, acronym, body[1]].join('\n\n')
    const {text, messages} = runPlugin(stripBoilerplate, input)
    expect(text).toBe([body[0], acronym, body[1]].join('\n\n'))
    expect(messages.map((m) => m.ruleId)).toEqual(['teaser/all-caps-headline'])
  })

  it('removes CMS placeholders but keeps brackets inside prose', () => {
    const sentence = 'He said [the president’s] leadership was critical to the deal.'
    const input = [sentence, '[#item_full_content]', '{{ article.body }}', '%%AUTHOR%%'].join('\n\n')
    const {text, messages} = runPlugin(stripBoilerplate, input)
    expect(text).toBe(sentence)
    expect(messages.map((m) => m.ruleId)).toEqual(['placeholder/cms-token', 'placeholder/cms-token', 'placeholder/cms-token'])
  })

  it('can disable a category and take extra user rules', () => {
    const input = ['Share on Facebook', 'Sponsored by ACME widgets'].join('\n\n')
    const {text, messages} = runPlugin(stripBoilerplate, input, {
      disable: ['share'],
      rules: [{id: 'ad/sponsored-by', category: 'ad', kind: 'block', pattern: '^sponsored by\\b', reason: 'sponsor line'}]
    })
    expect(text).toBe('Share on Facebook')
    expect(messages.map((m) => m.ruleId)).toEqual(['ad/sponsored-by'])
  })

  it('reports the removed text as `actual` and the source `decruft`', () => {
    const {messages, file} = runPlugin(stripBoilerplate, 'Body text of the story goes here today.\n\nAdvertisement')
    expect(messages[0].actual).toBe('Advertisement')
    expect(file.messages[0].source).toBe('decruft')
  })
})

describe('isTeaser', () => {
  /** The definition, written plainly: the fast version must agree with it everywhere. */
  const plainTeaser = (text: string, options: TeaserOptions = {}) => {
    const {minWords = 4, minLetters = 20, minUpperShare = 0.9} = options
    if (text.length > 300 || /^["“‘'«„]/u.test(text)) return false
    if (text.split(/\s+/u).length < minWords) return false
    let upper = 0
    let cased = 0
    for (const char of text) {
      const isUpper = char !== char.toLowerCase()
      const isLower = char !== char.toUpperCase()
      if (isUpper) upper++
      if (isUpper || isLower) cased++
    }
    return cased >= minLetters && upper / cased >= minUpperShare
  }

  it('agrees with the plain definition on generated text', () => {
    const pieces = fc.constantFrom('PRESIDENT', 'SAYS', 'talks', 'ÉTÉ', 'ǅ', 'ß', '𐐀', '𐐨', '\ud800', 'ǈ', '42', ' ', '\u00a0', '\u3000', '\t', '“', '"', 'Ω', 'i̇', 'İ', 'ſ', 'x')
    const text = fc.oneof(fc.array(pieces, {maxLength: 40}).map((p) => p.join('')), fc.string({unit: 'binary', maxLength: 60}))
    const options = fc.record({minWords: fc.integer({min: 0, max: 6}), minLetters: fc.integer({min: 0, max: 25}), minUpperShare: fc.constantFrom(0, 0.5, 0.8, 0.9, 1)}, {requiredKeys: []})
    fc.assert(
      fc.property(text, options, (t, o) => {
        expect(isTeaser(t, o)).toBe(plainTeaser(t, o))
      }),
      {numRuns: 5000, seed: 3}
    )
  })
})
