/**
 * Fuzz decruft's reading and cleaning: fast-check's arbitrary strings and
 * values, and real articles from the evaluation sets mutated byte by byte and
 * record by record, fed through the same reader, runner and writer the CLI
 * uses. Every case must finish without an exception, account for every record
 * (in = kept + dropped + duplicates + rejected) and write valid UTF-8 JSON.
 *
 *   tsc -p tsconfig.bench.json && node build/bench/fuzz.js [--cases 20000] [--seed 1] [--eval ../shared/eval] [--only N]
 *
 * The test suite (tests/fuzz.test.ts) runs a fixed number of cases; run this
 * longer on demand. Failures are printed with the seed and case number, and
 * the bytes of each failing case are written to build/fuzz-failures/.
 */
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Readable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {gzipSync} from 'node:zlib'
import fc from 'fast-check'
import {loadPipeline} from '../src/pipeline/index.js'
import {Summary} from '../src/report/summary.js'
import {inlineExecutor} from '../src/stream/executor.js'
import {toOutputRecord, toRejectRecord} from '../src/stream/output-record.js'
import {readInputs} from '../src/stream/read-inputs.js'
import {runPipeline} from '../src/stream/runner.js'
import type {InputFormat} from '../src/stream/types.js'

/** Options for {@link fuzz}. */
export interface FuzzOptions {
  cases: number
  seed: number
  /** Folder of the evaluation sets (`<set>/*.jsonl`); real articles are taken from there when it exists. */
  evalDir?: string
  /** Where failing cases are saved. */
  failuresDir?: string
  /** Progress lines. */
  log?: (line: string) => void
  /** Run only this case (to replay a failure). */
  only?: number
}

/** What a fuzz run saw. */
export interface FuzzReport {
  cases: number
  records: number
  kept: number
  dropped: number
  duplicates: number
  rejected: number
  /** Real articles available for mutation. */
  seeds: number
  failures: string[]
  /** Every case in JSONL form, joined: a corpus for one CLI run over all of them. */
  jsonl: Buffer
}

interface FuzzCase {
  format: InputFormat | 'auto'
  gzip: boolean
  bytes: Buffer
}

const FALLBACK_ARTICLES = [
  'Council approves new bridge budget\n\nThe city council voted on Tuesday to approve the budget for the new bridge across the river, after a long debate.\n\nThe mayor said work would start in the spring.\n\nRelated articles\n\nSign up for our newsletter\n\nWe use cookies to improve your experience.',
  'STORM HITS COAST\n\nA storm hit the coast overnight, cutting power to thousands of homes.\n\nSTORM HITS COAST\n\n[#item_full_content]\n\nShare on Facebook\n\nThe weather service said more rain was expected.'
]

/** Up to `limit` article texts from the first megabytes of each evaluation set file. */
export function loadArticles(evalDir: string | undefined, limit = 400): string[] {
  const out: string[] = []
  if (!evalDir || !existsSync(evalDir)) return FALLBACK_ARTICLES
  for (const set of readdirSync(evalDir).sort()) {
    const folder = path.join(evalDir, set)
    let names: string[]
    try {
      names = readdirSync(folder).filter((n) => n.endsWith('.jsonl'))
    } catch {
      continue
    }
    for (const name of names.sort()) {
      const fd = openSync(path.join(folder, name), 'r')
      const buffer = Buffer.alloc(3 * 1024 * 1024)
      const n = readSync(fd, buffer, 0, buffer.length, 0)
      closeSync(fd)
      const lines = buffer.subarray(0, n).toString('utf8').split('\n').slice(0, -1)
      for (const line of lines) {
        try {
          const record = JSON.parse(line) as Record<string, unknown>
          const text = record.text ?? record.content ?? record.html
          if (typeof text === 'string' && text.length > 200) out.push(text.slice(0, 20_000))
        } catch {
          // not a record: skip
        }
        if (out.length >= limit) return out
      }
    }
  }
  return out.length > 0 ? out : FALLBACK_ARTICLES
}

/** One record line of a case: a mutated real article, an arbitrary text, or arbitrary bytes. */
function lineArb(articles: string[]): fc.Arbitrary<Buffer> {
  const article = fc.nat({max: articles.length - 1}).map((i) => articles[i])
  const anyText = fc.string({unit: fc.oneof(fc.integer({min: 0, max: 0xffff}).map((c) => String.fromCharCode(c)), fc.constantFrom('\n', '\n\n', ' ', '\r', '\u0000')), maxLength: 400})
  const fieldValue = fc.oneof(fc.jsonValue({maxDepth: 4}), anyText)
  const record = fc
    .record({
      id: fc.oneof(fc.string({maxLength: 12}), fc.integer(), fc.constant(undefined)),
      title: fc.option(anyText, {nil: undefined}),
      text: fc.oneof({weight: 5, arbitrary: article}, {weight: 3, arbitrary: anyText}, {weight: 1, arbitrary: fieldValue}),
      extra: fc.option(fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'decruft', 'url', 'body', 'a'), fieldValue), {nil: undefined})
    })
    .map(({extra, ...rest}) => {
      // JSON text built by hand so "__proto__" stays a plain key.
      const own = JSON.stringify(rest)
      const more = extra ? Object.entries(extra).map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join('') : ''
      return Buffer.from(own.slice(0, -1) + more + '}', 'utf8')
    })
  const mutated = fc.tuple(record, fc.array(fc.tuple(fc.nat(), fc.nat({max: 255}), fc.constantFrom('flip', 'insert', 'delete', 'cut', 'surrogate', 'deep')), {maxLength: 4})).map(([bytes, edits]) => {
    let b = bytes
    for (const [at, value, kind] of edits) {
      const i = b.length === 0 ? 0 : at % b.length
      if (kind === 'flip') b = Buffer.concat([b.subarray(0, i), Buffer.from([value]), b.subarray(i + 1)])
      else if (kind === 'insert') b = Buffer.concat([b.subarray(0, i), Buffer.from([value, (value * 7) & 255]), b.subarray(i)])
      else if (kind === 'delete') b = Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + 1 + (value % 16)))])
      else if (kind === 'cut') b = b.subarray(0, i)
      else if (kind === 'surrogate') b = Buffer.from(b.toString('latin1').replace(/ /, ' \\ud83d\\udc00 \\udfff '), 'latin1')
      else b = Buffer.from(`{"id":"deep","text":"x","n":${'['.repeat(200 + value * 4)}${']'.repeat(200 + value * 4)}}`)
    }
    return b
  })
  const bytes = fc.uint8Array({maxLength: 200}).map((a) => Buffer.from(a))
  return fc.oneof({weight: 4, arbitrary: record}, {weight: 4, arbitrary: mutated}, {weight: 1, arbitrary: bytes})
}

function caseArb(articles: string[]): fc.Arbitrary<FuzzCase> {
  const ends = fc.constantFrom('\n', '\r\n', '\r', '\n\n')
  return fc
    .record({
      lines: fc.array(fc.tuple(lineArb(articles), ends), {minLength: 0, maxLength: 6}),
      format: fc.constantFrom<FuzzCase['format']>('jsonl', 'jsonl', 'auto', 'json', 'text'),
      bom: fc.boolean(),
      gzip: fc.boolean(),
      truncate: fc.option(fc.nat(), {nil: undefined})
    })
    .map(({lines, format, bom, gzip, truncate}) => {
      let body: Buffer
      if (format === 'json') body = Buffer.concat([Buffer.from('['), ...lines.flatMap(([line], i) => (i === 0 ? [line] : [Buffer.from(','), line])), Buffer.from(']')])
      else body = Buffer.concat(lines.flatMap(([line, end]) => [line, Buffer.from(end)]))
      if (bom) body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body])
      let bytes = gzip ? gzipSync(body) : body
      if (truncate !== undefined && bytes.length > 0) bytes = bytes.subarray(0, truncate % bytes.length)
      return {format, gzip, bytes}
    })
}

/** The first problem found with one case's run, if any. */
async function runCase(c: FuzzCase, pipeline: ReturnType<typeof loadPipeline>, report: FuzzReport): Promise<string | undefined> {
  const summary = new Summary()
  let read = 0
  const items = async function* () {
    // Gzip is read by sniffing (stdin has no file name): always `auto` then.
    for await (const item of readInputs(['-'], {stdin: Readable.from([c.bytes]), format: c.gzip ? 'auto' : c.format, maxLineBytes: 1 << 20})) {
      read++
      yield item
    }
  }
  const executor = inlineExecutor({cleaner: {pipeline}})
  try {
    for await (const result of runPipeline(items(), {executor, batchSize: 3, maxBatchesInFlight: 2})) {
      summary.add(result)
      const line = JSON.stringify(result.kind === 'article' ? toOutputRecord(result, {messages: true}) : toRejectRecord(result))
      if (Buffer.from(line, 'utf8').toString('utf8') !== line) return 'output is not valid UTF-8'
      if (!wellFormed(JSON.parse(line))) return `lone surrogate written for ${result.source.file}:${result.source.line}`
    }
  } catch (error) {
    return `threw: ${(error as Error)?.stack ?? error}`
  } finally {
    await executor.close()
  }
  const s = summary.counts
  if (!summary.balanced()) return `counts do not add up: ${JSON.stringify(s)}`
  if (s.in !== read) return `${read} items read but ${s.in} accounted for`
  if (s.in === 0 && c.bytes.length > 0 && c.format !== 'json') return 'non-empty input produced no record and no reject'
  report.records += s.in
  report.kept += s.kept
  report.dropped += summary.droppedTotal
  report.duplicates += s.duplicates
  report.rejected += s.rejected
  return undefined
}

function wellFormed(value: unknown): boolean {
  const ok = (s: string) => (s as unknown as {isWellFormed(): boolean}).isWellFormed()
  if (typeof value === 'string') return ok(value)
  if (Array.isArray(value)) return value.every(wellFormed)
  if (value && typeof value === 'object') return Object.entries(value).every(([k, v]) => ok(k) && wellFormed(v))
  return true
}

/** Run `cases` fuzz cases from `seed`; never throws for a failing case, lists it. */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const articles = loadArticles(options.evalDir)
  const pipeline = loadPipeline('news')
  const report: FuzzReport = {cases: 0, records: 0, kept: 0, dropped: 0, duplicates: 0, rejected: 0, seeds: articles.length, failures: [], jsonl: Buffer.alloc(0)}
  const cases = fc.sample(caseArb(articles), {seed: options.seed, numRuns: options.cases})
  const jsonl: Buffer[] = []
  for (const [index, c] of cases.entries()) {
    if (options.only !== undefined && index !== options.only) continue
    if (process.env.DECRUFT_FUZZ_DUMP) writeFileSync(process.env.DECRUFT_FUZZ_DUMP, JSON.stringify({format: c.format, gzip: c.gzip, bytes: c.bytes.toString('base64')}))
    const problem = await runCase(c, pipeline, report)
    report.cases++
    if (!c.gzip && c.format !== 'json' && c.format !== 'text') jsonl.push(c.bytes, Buffer.from('\n'))
    if (problem) {
      report.failures.push(`seed ${options.seed} case ${index} (${c.format}${c.gzip ? ', gzip' : ''}): ${problem}`)
      if (options.failuresDir) {
        mkdirSync(options.failuresDir, {recursive: true})
        writeFileSync(path.join(options.failuresDir, `seed-${options.seed}-case-${index}.bin`), c.bytes)
      }
    }
    if (options.log && (index + 1) % 1000 === 0) options.log(`${index + 1} cases, ${report.records} records, ${report.failures.length} failures`)
  }
  report.jsonl = Buffer.concat(jsonl)
  return report
}

// Run from the command line.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const {values} = parseArgs({
    options: {
      cases: {type: 'string', default: '20000'},
      seed: {type: 'string', default: String(Date.now() % 1_000_000)},
      eval: {type: 'string', default: process.env.DECRUFT_EVAL_DATA ?? '../shared/eval'},
      out: {type: 'string', default: 'build/fuzz-failures'},
      only: {type: 'string'}
    }
  })
  const report = await fuzz({
    cases: Number(values.cases),
    seed: Number(values.seed),
    evalDir: values.eval,
    failuresDir: values.out,
    only: values.only === undefined ? undefined : Number(values.only),
    log: (line) => process.stderr.write(line + '\n')
  })
  const {jsonl: _, failures, ...counts} = report
  process.stdout.write(JSON.stringify({seed: Number(values.seed), ...counts, failures: failures.length}) + '\n')
  for (const failure of failures) process.stdout.write(failure + '\n')
  process.exitCode = failures.length > 0 ? 1 : 0
}
