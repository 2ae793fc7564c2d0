import {availableParallelism} from 'node:os'
import {loadPipeline, type Pipeline} from '../pipeline/index.js'
import {Summary} from '../report/summary.js'
import {createExecutor, type Executor} from '../stream/executor.js'
import {readInputs} from '../stream/read-inputs.js'
import {runPipeline, type CorpusStage, type Spool} from '../stream/runner.js'
import {toRejectRecord} from '../stream/output-record.js'
import {fileSink, type Sink} from '../stream/sink.js'
import type {InputFormat} from '../stream/types.js'
import type {SignerOptions} from '../stream/signer.js'
import type {ArticleOutput, RejectOutput, ResultShape, WorkItem, WorkResult} from '../stream/process.js'
import {CliError, EXIT} from './errors.js'
import {Progress} from './progress.js'

/** Settings shared by `clean` and `check`. */
export interface RunSettings {
  inputs: string[]
  format: InputFormat | 'auto'
  textField?: string
  pipeline: string
  maxLineBytes?: number
  maxPasses?: number
  concurrency?: number
  rejects?: string
  strict?: boolean
  stepOptions?: Record<string, Record<string, unknown>>
  stages?: CorpusStage[]
  spool?: Spool
  /** Called with every bad record, after it is written to `rejects`. */
  onReject?: (reject: RejectOutput) => void
  /** Whether signatures for dedup are computed. */
  signer?: SignerOptions
  /** What results carry back from the cleaning threads. */
  shape?: ResultShape
}

/** What a run hands each finished article to. */
export type ResultHandler = (article: ArticleOutput) => Promise<void>

const MAX_PRINTED_ERRORS = 20

/** Load the pipeline, or fail as a usage error naming the file. */
export function pipelineOrExit(name: string): Pipeline {
  try {
    return loadPipeline(name)
  } catch (error) {
    throw new CliError((error as Error).message)
  }
}

/**
 * Run the pipeline over the inputs, passing each result in order to `handle`.
 * Prints bad records to stderr (the first few), writes them to `--rejects`,
 * stops reading at the first under `--strict`, and stops reading on
 * SIGINT/SIGTERM. Articles already read are always finished and passed on, so
 * every record read is accounted for: the summary's counts add up whatever
 * stops the run (a broken pipe aside, which ends it at once).
 */
export async function runClean(settings: RunSettings, pipeline: Pipeline, handle: ResultHandler): Promise<{summary: Summary; code: number}> {
  const summary = new Summary()
  const progress = new Progress()
  const stop = new AbortController()
  let signalCode = 0
  const onSignal = (signal: NodeJS.Signals) => {
    signalCode = signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated
    stop.abort()
    // A read from a terminal or an idle pipe may never return: end it.
    if (settings.inputs.includes('-')) process.stdin.destroy()
  }
  // Once: a second Ctrl-C kills the process the usual way.
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const concurrency = settings.concurrency ?? availableParallelism()
  const executor = isolating(
    createExecutor(
      {
        cleaner: {pipeline, textField: settings.textField, stepOptions: settings.stepOptions, maxPasses: settings.maxPasses},
        signer: settings.signer,
        shape: settings.shape
      },
      concurrency
    )
  )
  let rejects: Sink | undefined
  let printed = 0
  let read = 0
  let code: number = EXIT.ok
  const warn = (file: string, line: number, message: string) => {
    if (printed++ < MAX_PRINTED_ERRORS) process.stderr.write(`decruft: ${where(file, line)}${message}\n`)
  }
  const items = async function* () {
    // JSONL lines are parsed by the thread that cleans them.
    const reading = readInputs(settings.inputs, {format: settings.format, maxLineBytes: settings.maxLineBytes, deferParse: true})
    // Counted as handed to the runner, which finishes every item it takes.
    for await (const item of untilAborted(reading, stop.signal)) {
      read++
      yield item
    }
  }
  try {
    rejects = settings.rejects ? await fileSink(settings.rejects) : undefined
    for await (const result of runPipeline(items(), {
      executor,
      stages: settings.stages,
      spool: settings.spool
    })) {
      summary.add(result)
      progress.tick(result.kind === 'article' ? result.charsIn : 0)
      if (result.kind === 'reject') {
        warn(result.source.file, result.source.line, result.error)
        await rejects?.write(JSON.stringify(toRejectRecord(result)) + '\n')
        settings.onReject?.(result)
        if (settings.strict && code === EXIT.ok) {
          // Stop reading; what is already read is finished, so counts still add up.
          code = EXIT.usage
          stop.abort()
        }
        continue
      }
      if (result.note) warn(result.source.file, result.source.line, `warning: ${result.note}`)
      await handle(result)
    }
  } finally {
    progress.done()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await executor.close()
    // Rejects are complete unless a signal cut the run short (under --strict they hold the record that stopped it).
    await rejects?.close(signalCode === 0)
  }
  if (printed > MAX_PRINTED_ERRORS) {
    process.stderr.write(`decruft: ${printed - MAX_PRINTED_ERRORS} more bad records or warnings${settings.rejects ? ` (bad records all in ${settings.rejects})` : ''}\n`)
  }
  if (read !== summary.counts.in || !summary.balanced()) {
    // Never lose a record silently: this is a bug, and the run must not look successful.
    process.stderr.write(`decruft: internal error: ${read} records read, ${summary.counts.in} accounted for; output left incomplete\n`)
    code = EXIT.internal
  }
  if (signalCode) {
    summary.counts.interrupted = true
    code = signalCode
  }
  return {summary, code}
}

/** `file:line: ` for a record, `file: ` for a whole file (line 0). */
function where(file: string, line: number): string {
  return line > 0 ? `${file}:${line}: ` : `${file}: `
}

/** Yield from `source` until `signal` aborts, without waiting for a read that may never end. */
async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]()
  let finished = false
  try {
    while (!signal.aborted) {
      const next = await nextOrAbort(iterator, signal)
      if (next === 'aborted') return
      if (next.done) {
        finished = true
        return
      }
      yield next.value
    }
  } finally {
    // Close the readers in the background (a pending read finishes first).
    if (!finished) void iterator.return?.(undefined)?.catch(() => {})
  }
}

/**
 * The iterator's next item, or 'aborted' when the signal fires first. The
 * abort listener is removed every time: racing each read against one shared
 * pending promise would keep every item read reachable from it (a leak that
 * grows with the input).
 */
function nextOrAbort<T>(iterator: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T> | 'aborted'> {
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve('aborted')
    signal.addEventListener('abort', onAbort, {once: true})
    iterator.next().then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      }
    )
  })
}

/**
 * An executor that never loses a batch: when one fails (a worker died, a
 * record could not be passed to a thread), its records are retried one by
 * one and those that still fail become rejects. After `close`, abandoned
 * batches resolve empty instead of rejecting unobserved.
 */
function isolating(inner: Executor): Executor {
  let closed = false
  const failed = (item: WorkItem, error: unknown): WorkResult => ({
    kind: 'reject',
    seq: item.seq,
    source: item.source,
    error: `could not be processed: ${((error as Error)?.message ?? String(error)).slice(0, 200)}`,
    raw: 'line' in item ? item.line : rawOf(item.record)
  })
  return {
    async run(batch) {
      try {
        return await inner.run(batch)
      } catch (error) {
        if (closed) return []
        if (batch.length === 1) return [failed(batch[0], error)]
        const one = await Promise.all(batch.map((item) => inner.run([item]).catch((e: unknown) => (closed ? [] : [failed(item, e)]))))
        return one.flat()
      }
    },
    async close() {
      closed = true
      await inner.close()
    }
  }
}

function rawOf(record: unknown): string | undefined {
  try {
    return JSON.stringify(record)
  } catch {
    return undefined
  }
}
