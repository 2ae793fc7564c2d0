import {rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {Readable} from 'node:stream'
import {decodeHTML} from 'entities'
import fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {clean, cleanStream} from '../src/api.js'
import {loadPipeline, validatePipeline} from '../src/pipeline/index.js'
import type {RunResult} from '../src/stream/runner.js'
import {toOutputRecord} from '../src/stream/output-record.js'
import {decruft, jsonLines, ROOT, scratch} from './helpers/run.js'

// Invariants of cleaning, as fast-check properties. Seeds are fixed so a
// failure reproduces; counterexamples are shrunk by fast-check.
const SEED = 20_260_701
let dir: string
beforeAll(() => {
  dir = scratch('properties')
})
afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
})

// --- Arbitraries: scraped-looking text built from words, chrome lines, odd characters.

const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüéñçßøłœ'.split(''))
const wordArb = fc.string({unit: letters, minLength: 1, maxLength: 9})
const capital = (w: string) => w[0].toUpperCase() + w.slice(1)
const sentenceArb = fc.array(wordArb, {minLength: 3, maxLength: 18}).map((ws) => capital(ws.join(' ')) + '.')
const proseArb = fc.array(sentenceArb, {minLength: 1, maxLength: 4}).map((s) => s.join(' '))
const chromeArb = fc.constantFrom(
  'Related articles',
  'You may also be interested in',
  'Never Miss A Story',
  'Sign up for our newsletter',
  'We use cookies to improve your experience. Accept all cookies',
  'Share on Facebook',
  'Advertisement',
  '[#item_full_content]',
  '{{ad_slot}}',
  'COUNCIL VOTES TO CLOSE THE OLD BRIDGE AFTER LONG DEBATE',
  'Cookie policy'
)
const oddArb = fc.constantFrom('\u00a0', '\u00ad', '\u200b', '&amp;', '&nbsp;', '“', '”', '\t', '  ', 'e\u0301', '\u0000', '\ufeff', '*', '_', '#', '[', ']')
const blockArb = fc.oneof(
  {weight: 6, arbitrary: proseArb},
  {weight: 2, arbitrary: chromeArb},
  {weight: 1, arbitrary: fc.tuple(proseArb, oddArb, proseArb).map(([a, o, b]) => a + o + b)}
)
/** A body: blocks (some repeated) joined by blank lines or single newlines. */
const bodyArb = fc
  .array(blockArb, {minLength: 1, maxLength: 14})
  .chain((blocks) =>
    fc.tuple(fc.constant(blocks), fc.array(fc.nat({max: blocks.length - 1}), {maxLength: 3}), fc.array(fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n\n\n'), {minLength: blocks.length, maxLength: blocks.length}))
  )
  .map(([blocks, repeats, seps]) => {
    const all = [...blocks, ...repeats.map((i) => blocks[i])]
    return all.map((b, i) => (i === 0 ? b : seps[i % seps.length] + b)).join('')
  })
const recordArb = fc.record({title: fc.option(sentenceArb, {nil: undefined}), text: bodyArb}, {requiredKeys: ['text']})
/** Any string at all, lone surrogates included. */
const anyStringArb = fc.string({unit: fc.oneof(fc.constantFrom('\n', '\n\n', ' ', '.'), fc.integer({min: 0, max: 0xffff}).map((c) => String.fromCharCode(c)), fc.constantFrom('\u{1f600}', 'é', 'ß')), maxLength: 300})

// --- Helpers

/** Letters and digits of a text, decomposed, entities decoded: what "text" means for never-adds. */
function letterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const ch of decodeHTML(text).normalize('NFKD').toLowerCase()) {
    if (!/[\p{L}\p{N}]/u.test(ch)) continue
    counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  return counts
}

function isSubMultiset(small: Map<string, number>, big: Map<string, number>): string | undefined {
  for (const [ch, n] of small) if ((big.get(ch) ?? 0) < n) return `${JSON.stringify(ch)} ×${n} (input has ${big.get(ch) ?? 0})`
  return undefined
}

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? []

async function collect(source: AsyncIterable<RunResult>): Promise<RunResult[]> {
  const out: RunResult[] = []
  for await (const result of source) out.push(result)
  return out
}

function wellFormedDeep(value: unknown): boolean {
  if (typeof value === 'string') return value.isWellFormed()
  if (Array.isArray(value)) return value.every(wellFormedDeep)
  if (value && typeof value === 'object') return Object.entries(value).every(([k, v]) => k.isWellFormed() && wellFormedDeep(v))
  return true
}

const news = loadPipeline('news')
const {source: _source, ...newsFile} = news
/** The default pipeline with only the steps named. */
const only = (names: string[]) =>
  validatePipeline({...newsFile, steps: news.steps.filter((s) => names.includes(s.name)).map((s) => ({[s.name]: s.options}))}, `news: ${names.join(', ')}`)

function expectIdempotent(pipeline: ReturnType<typeof loadPipeline>, seed: number) {
  fc.assert(
    fc.property(recordArb, (record) => {
      const once = clean(record, {pipeline})
      const twice = clean({title: once.title, text: once.text}, {pipeline})
      expect(twice.text).toBe(once.text)
      expect(twice.title).toBe(once.title)
      expect(twice.status).toBe(once.status)
    }),
    {seed, numRuns: 200}
  )
}

describe('properties of cleaning', () => {
  // A single pass of strip-boilerplate (tail decisions) or classify-blocks
  // (verdicts in context) is not a fixed point: the cleaner cleans its own
  // output again until nothing changes, and these check that it does.
  for (const step of ['normalize', 'strip-site-chrome', 'strip-boilerplate', 'classify-blocks', 'dedupe-paragraphs']) {
    it(`is idempotent, step by step: ${step} (cleaning the clean text and title again changes nothing)`, () => {
      const pipeline = only([step])
      expect(pipeline.steps.map((s) => s.name)).toEqual([step])
      expectIdempotent(pipeline, SEED)
    })
  }

  it('is idempotent with the whole default pipeline', () => {
    expectIdempotent(news, SEED)
  })

  it('is idempotent through the CLI: cleaning the output JSONL again changes no text or title (and does with --max-passes 1)', () => {
    const records = fc.sample(recordArb, {seed: SEED + 8, numRuns: 300}).map((r, i) => ({id: `i${i}`, ...r}))
    const input = path.join(dir, 'idempotent.jsonl')
    writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n') + '\n')
    const changed = (passes: string[]) => {
      const first = decruft(['clean', input, '-j', '1', '--include-dropped', ...passes])
      expect(first.code).toBe(0)
      const output = path.join(dir, `once${passes.length}.jsonl`)
      writeFileSync(output, first.stdout)
      const second = decruft(['clean', output, '-j', '1', '--include-dropped', ...passes])
      expect(second.code).toBe(0)
      const a = jsonLines(first.stdout)
      const b = jsonLines(second.stdout)
      expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id))
      return a.filter((r, i) => r.decruft.status === 'kept' && (b[i].text !== r.text || b[i].title !== r.title)).length
    }
    expect(changed([])).toBe(0)
    expect(changed(['--max-passes', '1'])).toBeGreaterThan(0)
  })

  it('places every removal in the original text, later passes included: its words are the words there', () => {
    let later = 0
    fc.assert(
      fc.property(recordArb, (record) => {
        const result = clean(record)
        const original = String(result.file.value)
        for (const m of result.messages) {
          if (m.category === 'normalize') continue
          expect(m.offset, m.ruleId).toBeTypeOf('number')
          const there = new Set(words(decodeHTML(original.slice(m.offset, m.endOffset)).replace(/[\u00ad\u200b\ufeff\u0000]/g, '').normalize('NFC')))
          for (const w of words(m.actual ?? '')) expect(there.has(w), `${m.ruleId} at ${m.offset}: ${w}`).toBe(true)
        }
        later += result.messages.length - clean(record, {maxPasses: 1}).messages.length
      }),
      {seed: SEED + 7, numRuns: 300}
    )
    // The property must have met removals made by later passes.
    expect(later).toBeGreaterThan(0)
  })

  it('never adds text: every letter and digit of the output is in the input, and every output word is an input word', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const result = clean(record)
        const input = `${record.title ?? ''}\n${record.text}`
        const output = `${result.title ?? ''}\n${result.text}`
        expect(isSubMultiset(letterCounts(output), letterCounts(input))).toBeUndefined()
        // Words: compare after the same decoding normalize applies (entities, soft hyphens, zero-width joiners).
        const inputWords = new Set(words(decodeHTML(input).replace(/[\u00ad\u200b\ufeff\u0000]/g, '').normalize('NFC')))
        for (const w of words(output)) expect(inputWords.has(w), w).toBe(true)
      }),
      {seed: SEED + 1, numRuns: 300}
    )
  })

  it('never adds text, on arbitrary strings (any code unit, lone surrogates included)', () => {
    fc.assert(
      fc.property(anyStringArb, (text) => {
        const result = clean(text)
        const added = isSubMultiset(letterCounts(`${result.title ?? ''}${result.text}`), letterCounts(text))
        expect(added).toBeUndefined()
      }),
      {seed: SEED + 2, numRuns: 400}
    )
  })

  it('writes valid UTF-8 JSON for any input bytes read as JSONL: well-formed strings, round trip exact', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({id: fc.string({maxLength: 8}), text: anyStringArb, title: fc.option(anyStringArb, {nil: undefined})}), {minLength: 1, maxLength: 6}), async (records) => {
        // JSON.stringify escapes lone surrogates as \udXXX: exactly the hostile input a scraper sends.
        const bytes = Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n', 'utf8')
        const results = await collect(cleanStream(Readable.from([bytes]), {pipeline: 'news'}))
        expect(results).toHaveLength(records.length)
        for (const result of results) {
          if (result.kind !== 'article') continue
          const line = JSON.stringify(toOutputRecord(result))
          expect(line).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i)
          expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line)
          const parsed = JSON.parse(line)
          expect(wellFormedDeep(parsed)).toBe(true)
          expect(parsed.decruft.status).toBe(result.status)
        }
      }),
      {seed: SEED + 3, numRuns: 150}
    )
  })

  it('takes nothing from outside its own record: every output word of a record is a word of that record', async () => {
    // Each record draws its words from its own tagged vocabulary, so a word leaking
    // from another record (shared state in a plugin, a mixed-up batch) is caught.
    const taggedRecords = fc.array(fc.tuple(bodyArb, fc.option(sentenceArb, {nil: undefined})), {minLength: 2, maxLength: 8}).map((list) =>
      list.map(([text, title], i) => {
        const tag = (s: string) => s.replace(/[\p{L}]+/gu, (w) => `${w}q${'x'.repeat(i)}z`)
        return {id: `rec-${i}`, text: tag(text), title: title === undefined ? undefined : tag(title)}
      })
    )
    await fc.assert(
      fc.asyncProperty(taggedRecords, async (records) => {
        const results = await collect(cleanStream(records, {pipeline: 'news'}))
        expect(results.map((r) => (r.kind === 'article' ? r.id : r.kind))).toEqual(records.map((r) => r.id))
        results.forEach((result, i) => {
          if (result.kind !== 'article') return
          const own = new Set(words(decodeHTML(`${records[i].title ?? ''}\n${records[i].text}`).replace(/[\u00ad\u200b\ufeff\u0000]/g, '').normalize('NFC')))
          for (const w of words(`${result.title ?? ''}\n${result.text}`)) expect(own.has(w), `${result.id}: ${w}`).toBe(true)
        })
      }),
      {seed: SEED + 4, numRuns: 100}
    )
  })

  it('does not depend on concurrency: 1 thread and 3 give the same results (API)', {timeout: 300_000}, async () => {
    // Worker threads load the built module (dist/), as users run it.
    const built = (await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href)) as typeof import('../src/index.js')
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, {minLength: 20, maxLength: 150}), async (records) => {
        const withIds = records.map((r, i) => ({id: `c${i}`, ...r}))
        const one = await collect(built.cleanStream(withIds, {concurrency: 1}))
        const three = await collect(built.cleanStream(withIds, {concurrency: 3}))
        expect(three).toEqual(one)
      }),
      {seed: SEED + 5, numRuns: 3}
    )
  })

  it('does not depend on concurrency: `-j 1` and `-j 4` write byte-identical output (CLI)', () => {
    fc.assert(
      fc.property(fc.array(recordArb, {minLength: 100, maxLength: 400}), (records) => {
        const file = path.join(dir, 'concurrency.jsonl')
        writeFileSync(file, records.map((r, i) => JSON.stringify({id: `k${i}`, ...r})).join('\n') + '\n')
        const one = decruft(['clean', file, '-j', '1', '--include-dropped', '--messages'])
        const four = decruft(['clean', file, '-j', '4', '--include-dropped', '--messages'])
        expect(one.code).toBe(0)
        expect(four.code).toBe(0)
        expect(four.stdout).toBe(one.stdout)
        expect(four.stderr).toBe(one.stderr)
      }),
      {seed: SEED + 6, numRuns: 3}
    )
  })
})
