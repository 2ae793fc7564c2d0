import {describe, expect, it} from 'vitest'
import dedupeParagraphs from '../src/plugins/dedupe-paragraphs.js'
import {runPlugin} from './helpers/run-plugin.js'

const a =
  'Witkoff, Kushner and Gruenbaum also met with Putin earlier this month in Moscow shortly after the World Economic Forum in Davos, Switzerland.'
const aNear = a.replace('also met', 'met')
const b =
  'Witkoff, Kushner and Gruenbaum flew to Abu Dhabi on Sunday for talks with Ukrainian officials about prisoner exchanges and energy.'

describe('dedupe-paragraphs', () => {
  it('removes an exact repeat and points at the first occurrence', () => {
    const {text, messages} = runPlugin(dedupeParagraphs, [a, b, a].join('\n\n'))
    expect(text).toBe([a, b].join('\n\n'))
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ruleId: 'duplicate/exact-paragraph', line: 5})
    expect(messages[0].cause?.line).toBe(1)
  })

  it('removes a near repeat with one word changed', () => {
    const {text, messages} = runPlugin(dedupeParagraphs, [a, b, aNear].join('\n\n'))
    expect(text).toBe([a, b].join('\n\n'))
    expect(messages[0].ruleId).toBe('duplicate/near-paragraph')
  })

  it('keeps two different paragraphs that share a long name', () => {
    const {text, messages} = runPlugin(dedupeParagraphs, [a, b].join('\n\n'))
    expect(text).toBe([a, b].join('\n\n'))
    expect(messages).toHaveLength(0)
  })

  it('keeps short repeated lines such as a refrain', () => {
    const {messages} = runPlugin(dedupeParagraphs, ['Yes.', a, 'Yes.'].join('\n\n'))
    expect(messages).toHaveLength(0)
  })

  it('only removes exact repeats when near matching is off', () => {
    const {messages} = runPlugin(dedupeParagraphs, [a, aNear, a].join('\n\n'), {near: false})
    expect(messages.map((m) => m.ruleId)).toEqual(['duplicate/exact-paragraph'])
  })
})
