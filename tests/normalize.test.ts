import {describe, expect, it} from 'vitest'
import normalize, {INERT, normalizeText} from '../src/plugins/normalize.js'
import {runPlugin} from './helpers/run-plugin.js'

describe('normalize', () => {
  it('decodes leftover entities, drops invisible and control characters, fixes spaces', () => {
    const input = 'Tom&nbsp;&amp; Jerry\u200b said\u00a0hi\u0007 to co\u00adoperation   now'
    const {value, changes} = normalizeText(input)
    expect(value).toBe('Tom & Jerry said hi to cooperation now')
    expect(changes).toEqual(expect.arrayContaining(['entities', 'invisible', 'control', 'nbsp', 'whitespace']))
  })

  it('composes to NFC', () => {
    expect(normalizeText('Cafe\u0301').value).toBe('Café')
  })

  it('keeps curly quotes unless asked to straighten them', () => {
    expect(normalizeText('“It’s fine,” she said.').value).toBe('“It’s fine,” she said.')
    expect(normalizeText('“It’s fine,” she said.', {straighten: true}).value).toBe('"It\'s fine," she said.')
  })

  it('reports each changed paragraph with a normalize rule id and its position', () => {
    const {text, messages} = runPlugin(normalize, 'Clean line.\n\nFish &amp; chips.')
    expect(text).toBe('Clean line.\n\nFish & chips.')
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ruleId: 'normalize/entities', line: 3, column: 1})
  })

  it('unwraps hard-wrapped lines without reporting them', () => {
    const wrapped =
      'The committee met on Tuesday to consider the proposal, which would\nextend the program for another five years and add funding for staff.'
    const {text, messages} = runPlugin(normalize, wrapped)
    expect(text).not.toContain('\n')
    expect(messages).toHaveLength(0)
  })

  it('the characters taken as inert are changed by no step, alone or in pairs', () => {
    // The steps of normalizeText, without its fast paths.
    const steps = (s: string) =>
      s
        .replace(/[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, '')
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
        .replace(/[\u00A0\u2007\u202F]/g, ' ')
        .normalize('NFC')
        .replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ')
        .replace(/[ \t\f\v\u1680\u2000-\u200A\u205F\u3000]{2,}|\t|[\u1680\u2000-\u200A\u205F\u3000]/g, ' ')
    const inert: string[] = []
    for (let c = 0; c < INERT.length; c++) if (INERT[c]) inert.push(String.fromCharCode(c))
    const changed: string[] = []
    for (const a of inert) {
      if (a === '&' || steps(a) !== a || /\p{M}/u.test(a)) changed.push(a)
      // NFC composition is the only step that joins neighbours (a double space is checked apart).
      for (const b of inert) if ((a + b).normalize('NFC') !== a + b) changed.push(a + b)
    }
    expect(changed).toEqual([])
    expect(normalizeText('Ça coûte 5 € — «vraiment» ‘cher’…').changes).toEqual([])
    expect(normalizeText('Café  au lait').changes).toEqual(['whitespace'])
  })
})
