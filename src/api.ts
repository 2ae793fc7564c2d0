import {Readable} from 'node:stream'
import type {ArticleRecord} from './article/index.js'
import {createCleaner, type CleanedArticle, type Cleaner, type CleanerOptions} from './pipeline/index.js'
import {DedupIndex, type DedupOptions} from './corpus/dedup.js'
import {DedupStage} from './stream/dedup-stage.js'
import {createExecutor} from './stream/executor.js'
import {fileSpool} from './stream/spool.js'
import {runPipeline, type CorpusStage, type RunResult} from './stream/runner.js'
import {readInputs} from './stream/read-inputs.js'
import type {InputItem} from './stream/types.js'

const cache = new Map<string, Cleaner>()

/**
 * Clean one article: a string of scraped text, or a record
 * (`{id?, url?, title?, text, ...}`). Returns the clean body, the title and
 * every removal as a message.
 */
export function clean(input: string | ArticleRecord, options: CleanerOptions = {}): CleanedArticle {
  const record = typeof input === 'string' ? {text: input} : input
  const key = typeof options.pipeline === 'object' || options.stepOptions ? undefined : JSON.stringify(options)
  let cleaner = key ? cache.get(key) : undefined
  if (!cleaner) {
    cleaner = createCleaner(options)
    if (key) cache.set(key, cleaner)
  }
  return cleaner.cleanRecord(record)
}

/** Options for {@link cleanStream}. */
export interface CleanStreamOptions extends CleanerOptions {
  /**
   * Worker threads for per-article work; 1 cleans on the calling thread.
   * @default 1
   */
  concurrency?: number
  /**
   * Corpus dedup: an index to fill (say, one loaded with `DedupIndex.open`),
   * or options for a new one. Duplicates come out with `status: 'duplicate'`
   * and a `dedup` annotation; nothing is dropped from the stream.
   * @default undefined (no corpus dedup)
   */
  dedup?: DedupIndex | DedupOptions
  /** More corpus stages, run in input order after cleaning (and after dedup). */
  stages?: CorpusStage[]
  /** Stop reading when aborted. */
  signal?: AbortSignal
}

/**
 * Clean a stream of articles: an async iterable of records (or strings), or a
 * Node readable of JSONL / JSON array / text bytes. Yields one result per
 * input, in input order: articles (kept, dropped, duplicate) and rejects.
 */
export async function* cleanStream(
  source: AsyncIterable<ArticleRecord | string> | Iterable<ArticleRecord | string> | Readable,
  options: CleanStreamOptions = {}
): AsyncGenerator<RunResult> {
  const {concurrency, dedup, stages, signal, ...cleaner} = options
  const index = dedup === undefined ? undefined : dedup instanceof DedupIndex ? dedup : new DedupIndex(dedup)
  const dedupStage = index ? new DedupStage(index) : undefined
  const spool = dedupStage?.deferred ? await fileSpool() : undefined
  const executor = createExecutor({cleaner, signer: dedupStage?.signer}, concurrency ?? 1)
  try {
    const all = dedupStage ? [dedupStage, ...(stages ?? [])] : stages
    yield* runPipeline(toItems(source), {executor, stages: all, signal, spool})
  } finally {
    await executor.close()
    await spool?.dispose()
  }
}

async function* toItems(
  source: AsyncIterable<ArticleRecord | string> | Iterable<ArticleRecord | string> | Readable
): AsyncGenerator<InputItem | ArticleRecord> {
  if (source instanceof Readable && !source.readableObjectMode) {
    yield* readInputs(['-'], {stdin: source})
    return
  }
  const iterator = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]?.() ?? toAsync(source as Iterable<unknown>)
  const first = await iterator.next()
  if (first.done) return
  const rest = {[Symbol.asyncIterator]: () => iterator}
  if (first.value instanceof Uint8Array) {
    // An object-mode stream of byte chunks (Readable.from([buffer])): read it as bytes.
    yield* readInputs(['-'], {stdin: Readable.from(prepend(first.value, rest))})
    return
  }
  let line = 0
  for await (const value of prepend(first.value, rest) as AsyncIterable<ArticleRecord | string>) {
    line++
    if (typeof value === 'string') yield {kind: 'record', record: {text: value}, source: {file: '<api>', line}}
    else if (value && typeof value === 'object' && !Array.isArray(value)) yield {kind: 'record', record: value, source: {file: '<api>', line}}
    else yield {kind: 'reject', source: {file: '<api>', line}, error: `expected a record or a string, got ${value === null ? 'null' : typeof value}`}
  }
}

async function* prepend<T>(head: T, rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield head
  yield* rest
}

function toAsync<T>(iterable: Iterable<T>): AsyncIterator<T> {
  const inner = iterable[Symbol.iterator]()
  return {next: async () => inner.next()}
}
