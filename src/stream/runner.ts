import type {ArticleRecord} from '../article/index.js'
import type {Executor} from './executor.js'
import type {ArticleOutput, RejectOutput, WorkItem, WorkResult} from './process.js'
import type {InputItem} from './types.js'

/** A corpus-level stage that sees every kept article in input order (dedup). */
export interface CorpusStage {
  /** Decide about one article; may set `status` to `duplicate` and `dedup`. */
  add(article: ArticleOutput): void
  /**
   * When set, decisions are final only after the whole input (e.g. keep the
   * longest copy): the runner spools results and calls `settle` on each in a
   * second pass.
   */
  deferred?: boolean
  settle?(article: ArticleOutput): void
}

/** Options for {@link runPipeline}. */
export interface RunPipelineOptions {
  executor: Executor
  /**
   * Most records per batch handed to the executor.
   * @default 128
   */
  batchSize?: number
  /**
   * A batch is also handed over once its records' string fields hold this
   * many characters. Every batch costs a round trip between threads (two
   * messages, each waking a thread), which on a small VM costs more than
   * copying the batch; but a batch is copied into a worker's heap in one
   * piece and its results live there until it is done, so peak memory grows
   * with the batch: on the 100 MB bench corpus with 2 workers, 64K
   * characters (~20 news articles) peaked at 289 MiB like 32K (286), 128K
   * at 362.
   * @default 65536
   */
  batchChars?: number
  /**
   * Batches in flight at once; bounds memory whatever the input size.
   * @default 8
   */
  maxBatchesInFlight?: number
  /**
   * Milliseconds a partial batch waits for more input before it is handed
   * over anyway, so articles from a slow source are not held back.
   * @default 50
   */
  maxBatchDelay?: number
  /** Corpus stages, run in order on the calling thread. */
  stages?: CorpusStage[]
  /** Stop reading when aborted; articles already read are finished. */
  signal?: AbortSignal
  /** Second-pass storage for deferred stages. */
  spool?: Spool
}

/** Temporary storage for a deferred stage's second pass. */
export interface Spool {
  write(result: WorkResult): Promise<void>
  drain(): AsyncIterable<WorkResult>
}

/** A finished record: an article (kept, dropped or duplicate) or a reject. */
export type RunResult = ({kind: 'article'} & ArticleOutput) | ({kind: 'reject'} & RejectOutput)

/**
 * Clean a stream of input items: batches go to the executor (inline or a
 * worker pool), results come back in input order, corpus stages see them in
 * that order, and every input item yields exactly one result.
 */
export async function* runPipeline(items: AsyncIterable<InputItem | ArticleRecord>, options: RunPipelineOptions): AsyncGenerator<RunResult> {
  const stages = options.stages ?? []
  const deferred = stages.some((stage) => stage.deferred)
  if (deferred && !options.spool) throw new Error('a deferred corpus stage needs a spool')
  const ordered = orderedResults(items, options)
  if (!deferred) {
    for await (const result of ordered) {
      if (result.kind === 'article') for (const stage of stages) stage.add(result)
      yield result
    }
    return
  }
  const spool = options.spool!
  for await (const result of ordered) {
    if (result.kind === 'article') for (const stage of stages) stage.add(result)
    await spool.write(result)
  }
  for await (const result of spool.drain()) {
    if (result.kind === 'article') for (const stage of stages) stage.settle?.(result)
    yield result
  }
}

async function* orderedResults(items: AsyncIterable<InputItem | ArticleRecord>, options: RunPipelineOptions): AsyncGenerator<WorkResult> {
  const batchSize = options.batchSize ?? 128
  const batchChars = options.batchChars ?? 65_536
  const maxInFlight = Math.max(1, options.maxBatchesInFlight ?? 8)
  const maxDelay = options.maxBatchDelay ?? 50
  const pending: Promise<WorkResult[]>[] = []
  // Batches whose results are in, so they can be passed on without waiting for a full window.
  const settled = new WeakSet<Promise<WorkResult[]>>()
  let batch: WorkItem[] = []
  let chars = 0
  let rejects: WorkResult[] = []
  let seq = 0

  // Rejects found while reading travel with the batch they were read in, so order holds.
  const submit = () => {
    const work = batch
    const early = rejects
    batch = []
    chars = 0
    rejects = []
    const done = work.length > 0 ? options.executor.run(work) : Promise.resolve([])
    const merged = done.then((results) => merge(early, results))
    merged.then(
      () => settled.add(merged),
      () => {}
    )
    pending.push(merged)
  }

  const iterator = items[Symbol.asyncIterator]()
  let next: Promise<IteratorResult<InputItem | ArticleRecord>> | undefined
  // A partial batch waits at most this long for more input: a slow source
  // (a pipe fed now and then) still sees its articles come out.
  let flush: {at: Promise<typeof FLUSH>; timer: NodeJS.Timeout} | undefined
  const stopFlush = () => {
    if (flush) clearTimeout(flush.timer)
    flush = undefined
  }
  try {
    for (;;) {
      if (options.signal?.aborted) break
      next ??= iterator.next()
      const waits: Promise<unknown>[] = [next]
      if (batch.length + rejects.length > 0) {
        flush ??= flushAfter(maxDelay)
        waits.push(flush.at)
      }
      if (pending.length > 0 && !settled.has(pending[0])) waits.push(pending[0].then(() => HEAD))
      const first = waits.length === 1 ? await next : await Promise.race(waits)
      if (first === FLUSH) {
        flush = undefined
        submit()
      }
      if (first === FLUSH || first === HEAD) {
        while (pending.length > 0 && settled.has(pending[0])) yield* await pending.shift()!
        continue
      }
      next = undefined
      const step = first as IteratorResult<InputItem | ArticleRecord>
      if (step.done) break
      const item = toInputItem(step.value, seq)
      if (item.kind === 'reject') rejects.push({kind: 'reject', seq: seq++, source: item.source, error: item.error, raw: item.raw})
      else if (item.kind === 'line') {
        batch.push({seq: seq++, line: item.text, source: item.source})
        chars += item.text.length
      } else {
        batch.push({seq: seq++, record: item.record, source: item.source, note: item.note})
        chars += stringChars(item.record)
      }
      if (batch.length + rejects.length >= batchSize || chars >= batchChars) {
        stopFlush()
        submit()
        while (pending.length >= maxInFlight || (pending.length > 0 && settled.has(pending[0]))) yield* await pending.shift()!
      }
    }
  } finally {
    stopFlush()
    // Stopped early: close the source; a read still under way (stdin) is not waited for.
    if (next) void iterator.return?.()?.catch(() => {})
    else await iterator.return?.()
  }
  if (batch.length + rejects.length > 0) submit()
  while (pending.length > 0) yield* await pending.shift()!
}

const FLUSH = Symbol('flush')
const HEAD = Symbol('head')

function flushAfter(ms: number): {at: Promise<typeof FLUSH>; timer: NodeJS.Timeout} {
  let timer!: NodeJS.Timeout
  const at = new Promise<typeof FLUSH>((resolve) => {
    timer = setTimeout(() => resolve(FLUSH), ms)
  })
  return {at, timer}
}

/** Characters in a record's top-level string fields: the bulk of what a batch carries. */
function stringChars(record: ArticleRecord): number {
  let n = 0
  for (const key in record) {
    const value = record[key]
    if (typeof value === 'string') n += value.length
  }
  return n
}

function merge(a: WorkResult[], b: WorkResult[]): WorkResult[] {
  if (a.length === 0) return b
  return [...a, ...b].sort((x, y) => x.seq - y.seq)
}

function toInputItem(raw: InputItem | ArticleRecord, seq: number): InputItem {
  if (isInputItem(raw)) return raw
  return {kind: 'record', record: raw, source: {file: '<api>', line: seq + 1}}
}

function isInputItem(value: InputItem | ArticleRecord): value is InputItem {
  const kind = (value as InputItem).kind
  return (kind === 'record' || kind === 'line' || kind === 'reject') && typeof (value as InputItem).source === 'object'
}
