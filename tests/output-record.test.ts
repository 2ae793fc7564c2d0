import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {ArticleOutput} from '../src/stream/process.js'
import {outputHead, toOutputLine, toOutputRecord} from '../src/stream/output-record.js'

// The JSONL writer splices a head serialized on the cleaning thread with the
// `decruft` field decided later; the line must be the record, serialized.
const keyArb = fc.oneof(fc.string({maxLength: 8}), fc.constantFrom('__proto__', 'constructor', 'decruft', 'text', 'title', 'id'))
const valueArb = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string(), {maxLength: 3}), fc.dictionary(fc.string({maxLength: 4}), fc.string(), {maxKeys: 3}))
const articleArb = fc
  .record({
    record: fc.dictionary(keyArb, valueArb, {maxKeys: 8}),
    title: fc.option(fc.string(), {nil: undefined}),
    text: fc.string(),
    status: fc.constantFrom('kept', 'dropped', 'duplicate'),
    removed: fc.dictionary(fc.constantFrom('share', 'related', 'content', 'duplicate'), fc.nat({max: 9}), {maxKeys: 3}),
    dedup: fc.option(fc.record({cluster: fc.string(), duplicateOf: fc.option(fc.string(), {nil: undefined}), similarity: fc.option(fc.double({min: 0, max: 1, noNaN: true}), {nil: undefined})}), {nil: undefined})
  })
  .map(
    (a): ArticleOutput => ({
      seq: 0,
      id: 'a',
      source: {file: 'f', line: 1},
      messages: [],
      charsIn: 0,
      charsRemoved: 0,
      ...a,
      status: a.status as ArticleOutput['status']
    })
  )

describe('output records', () => {
  it('the spliced line is the serialized record, with or without a head from another thread', () => {
    fc.assert(
      fc.property(articleArb, fc.boolean(), (article, messages) => {
        const expected = JSON.stringify(toOutputRecord(article, {messages}))
        expect(toOutputLine(article, {messages})).toBe(expected)
        expect(toOutputLine({...article, head: outputHead(article)}, {messages})).toBe(expected)
        const parsed = JSON.parse(expected) as Record<string, unknown>
        expect(Object.keys(parsed).at(-1)).toBe('decruft')
      }),
      {seed: 7, numRuns: 300}
    )
  })

  it('keeps __proto__ a plain field and never pollutes Object.prototype', () => {
    const record = JSON.parse('{"__proto__": {"polluted": 1}, "text": "x", "decruft": 5}') as Record<string, unknown>
    const line = toOutputLine({seq: 0, id: 'a', source: {file: 'f', line: 1}, record, text: 'x', status: 'kept', messages: [], removed: {}, charsIn: 1, charsRemoved: 0})
    expect(line.startsWith('{"__proto__":{"polluted":1},"text":"x","decruft":{')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
