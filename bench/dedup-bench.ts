/**
 * Dedup throughput and memory on a generated corpus, against plain exact
 * hashing, in one run so the cost of near-duplicate detection is a ratio.
 *
 *   node build/bench/dedup-bench.js [--docs 500000] [--seed 1]
 *
 * The corpus: synthetic news articles (4-12 paragraphs of ~30 words from a
 * 20,000-word vocabulary); ~12% of documents copy an earlier story (exact
 * copies, wire reprints, teasers). Texts are generated in batches outside the
 * timed sections. Bytes per document are the heap + array-buffer growth after
 * a full GC, divided by the documents indexed.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {pathToFileURL} from 'node:url'
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {computeSignature, DedupIndex, type DedupOptions} from '../src/corpus/dedup.js'
import {hash64Hex, normalizeBody} from '../src/similarity/index.js'
import {article, reprint, rng, teaser, vocabulary} from './lib/dedup-synth.js'

export interface DedupBenchOptions {
  /** Documents to generate. @default 500000 */
  docs?: number
  /** Corpus seed. @default 1 */
  seed?: number
  /** Dedup index options. @default the index defaults */
  dedup?: DedupOptions
  /** Print the report. @default true */
  print?: boolean
}

export interface DedupBenchResult {
  docs: number
  baseline: {docsPerSecond: number; bytesPerDoc: number; duplicates: number}
  dedup: {docsPerSecond: number; bytesPerDoc: number; indexBytesPerDoc: number; duplicates: number; planted: number; found: number; wrong: number}
  /** Baseline docs/s divided by dedup docs/s: how many times slower full dedup is. */
  slowdown: number
}

const BATCH = 10_000

/** The corpus, generated batch by batch: text plus which story it copies (for the report only). */
function* corpus(docs: number, seed: number): Generator<Array<{id: string; text: string; story: number}>> {
  const vocab = vocabulary(20_000, seed)
  const storyText = (story: number) => article(rng(seed * 7919 + story), vocab, 4 + (story % 9))
  const pick = rng(seed)
  let stories = 0
  for (let start = 0; start < docs; start += BATCH) {
    const batch = []
    for (let i = start; i < Math.min(docs, start + BATCH); i++) {
      const roll = pick()
      if (stories < 10 || roll >= 0.12) {
        batch.push({id: `doc-${i}`, text: storyText(stories).join('\n\n'), story: stories++})
        continue
      }
      // Copies of recent stories mostly, as a daily scrape has them.
      const story = Math.max(0, stories - 1 - Math.floor(pick() * Math.min(stories, 5000)))
      const paragraphs = storyText(story)
      const text = roll < 0.04 ? paragraphs : roll < 0.08 ? reprint(pick, paragraphs) : teaser(paragraphs, 0.4 + pick() * 0.4)
      batch.push({id: `doc-${i}`, text: text.join('\n\n'), story})
    }
    yield batch
  }
}

function collector(): () => void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  return () => {
    gc()
    gc()
  }
}

/** Plain exact hashing of the normalized body into a Set: the baseline. */
function exactPass(docs: number, seed: number) {
  const seen = new Set<string>()
  let duplicates = 0
  let ms = 0
  for (const batch of corpus(docs, seed)) {
    const t = performance.now()
    for (const doc of batch) {
      const hash = hash64Hex(normalizeBody(doc.text))
      if (seen.has(hash)) duplicates++
      else seen.add(hash)
    }
    ms += performance.now() - t
  }
  return {seen, duplicates, ms}
}

/** Signatures and the DedupIndex; checks each duplicate against the story it was made from. */
function dedupPass(docs: number, seed: number, options?: DedupOptions) {
  const index = new DedupIndex(options)
  const storyOfDoc = new Int32Array(docs)
  let ms = 0
  let duplicates = 0
  let found = 0
  let wrong = 0
  let seq = 0
  for (const batch of corpus(docs, seed)) {
    const first = seq
    for (const doc of batch) storyOfDoc[seq++] = doc.story
    const t = performance.now()
    const decisions = batch.map((doc, i) => index.add(first + i, doc.id, computeSignature(doc.text, index.options), {length: doc.text.length}))
    ms += performance.now() - t
    for (const [i, d] of decisions.entries()) {
      if (d.duplicateOf === undefined) continue
      duplicates++
      if (storyOfDoc[Number(d.duplicateOf.slice(4))] === batch[i].story) found++
      else wrong++
    }
  }
  return {index, storyOfDoc, ms, duplicates, found, wrong}
}

const used = () => {
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

export async function main(options: DedupBenchOptions = {}): Promise<DedupBenchResult> {
  const docs = options.docs ?? 500_000
  const seed = options.seed ?? 1
  const print = options.print ?? true
  const gc = collector()
  const log = (line: string) => print && console.log(line)
  log(`\ndedup bench: ${docs.toLocaleString('en')} generated articles (seed ${seed})`)

  // Each pass runs in its own function so that, when it returns, no batch of
  // texts is still reachable: the heap growth left is what the pass keeps.
  gc()
  let before = used()
  const baseline = exactPass(docs, seed)
  gc()
  const baselineBytes = (used() - before) / docs
  baseline.seen.clear()

  gc()
  before = used()
  const full = dedupPass(docs, seed, options.dedup)
  gc()
  const dedupBytes = (used() - before - full.storyOfDoc.byteLength) / docs
  const {index, duplicates, found, wrong} = full
  const baselineMs = baseline.ms
  const baselineDuplicates = baseline.duplicates
  const dedupMs = full.ms
  let planted = 0
  for (let i = 0, s = -1; i < docs; i++) {
    if (full.storyOfDoc[i] > s) s = full.storyOfDoc[i]
    else planted++
  }

  const baselineRate = docs / (baselineMs / 1000)
  const dedupRate = docs / (dedupMs / 1000)
  const result: DedupBenchResult = {
    docs,
    baseline: {docsPerSecond: baselineRate, bytesPerDoc: baselineBytes, duplicates: baselineDuplicates},
    dedup: {docsPerSecond: dedupRate, bytesPerDoc: dedupBytes, indexBytesPerDoc: index.byteSize() / docs, duplicates, planted, found, wrong},
    slowdown: baselineRate / dedupRate
  }
  const n = (x: number) => Math.round(x).toLocaleString('en')
  log(`                      docs/s     bytes/doc   duplicates`)
  log(`exact hash (baseline) ${n(baselineRate).padStart(9)} ${n(baselineBytes).padStart(10)}   ${n(baselineDuplicates)}`)
  log(`DedupIndex            ${n(dedupRate).padStart(9)} ${n(dedupBytes).padStart(10)}   ${n(duplicates)} of ${n(planted)} planted copies (${n(wrong)} wrong)`)
  log(`near-dup detection costs ${result.slowdown.toFixed(1)}× the time of exact hashing; index arrays ${n(result.dedup.indexBytesPerDoc)} bytes/doc (ids "doc-N" included)`)
  return result
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const {values} = parseArgs({options: {docs: {type: 'string', default: '500000'}, seed: {type: 'string', default: '1'}, options: {type: 'string', default: '{}'}}})
  main({docs: Number(values.docs), seed: Number(values.seed), dedup: JSON.parse(values.options) as DedupOptions}).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
