import {availableParallelism} from 'node:os'
import {loadPipeline, type Pipeline} from '../pipeline/index.js'
import {Summary} from '../report/summary.js'
import {createExecutor} from '../stream/executor.js'
import {readInputs} from '../stream/read-inputs.js'
import {runPipeline, type CorpusStage, type Spool} from '../stream/runner.js'
import {toRejectRecord} from '../stream/output-record.js'
import {fileSink, type Sink} from '../stream/sink.js'
import type {InputFormat} from '../stream/types.js'
import type {SignerOptions} from '../stream/signer.js'
import type {ArticleOutput} from '../stream/process.js'
import {CliError, EXIT} from './errors.js'
import {Progress} from './progress.js'

/** Settings shared by `clean` and `check`. */
export interface RunSettings {
  inputs: string[]
  format: InputFormat | 'auto'
  textField?: string
  pipeline: string
  maxLineBytes?: number
  concurrency?: number
  rejects?: string
  strict?: boolean
  stepOptions?: Record<string, Record<string, unknown>>
  stages?: CorpusStage[]
  spool?: Spool
  /** Whether signatures for dedup are computed. */
  signer?: SignerOptions
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
 * stops at the first under `--strict`, and stops reading on SIGINT/SIGTERM.
 */
export async function runClean(settings: RunSettings, pipeline: Pipeline, handle: ResultHandler): Promise<{summary: Summary; code: number}> {
  const summary = new Summary()
  const progress = new Progress()
  const abort = new AbortController()
  let signalCode = 0
  const onSignal = (signal: NodeJS.Signals) => {
    signalCode = signal === 'SIGINT' ? 130 : 143
    abort.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const concurrency = settings.concurrency ?? availableParallelism()
  const executor = createExecutor(
    {
      cleaner: {pipeline, textField: settings.textField, stepOptions: settings.stepOptions},
      signer: settings.signer
    },
    concurrency
  )
  let rejects: Sink | undefined
  let printed = 0
  let code: number = EXIT.ok
  try {
    rejects = settings.rejects ? await fileSink(settings.rejects) : undefined
    const items = readInputs(settings.inputs, {format: settings.format, maxLineBytes: settings.maxLineBytes})
    for await (const result of runPipeline(items, {executor, stages: settings.stages, spool: settings.spool, signal: abort.signal})) {
      summary.add(result)
      progress.tick(result.kind === 'article' ? result.charsIn : 0)
      if (result.kind === 'reject') {
        if (printed++ < MAX_PRINTED_ERRORS) process.stderr.write(`decruft: ${result.source.file}:${result.source.line}: ${result.error}\n`)
        await rejects?.write(JSON.stringify(toRejectRecord(result)) + '\n')
        if (settings.strict) {
          code = EXIT.usage
          abort.abort()
          break
        }
        continue
      }
      await handle(result)
    }
  } finally {
    progress.done()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await executor.close()
    const complete = code === EXIT.ok && signalCode === 0
    await rejects?.close(complete || !settings.strict)
  }
  if (printed > MAX_PRINTED_ERRORS) {
    process.stderr.write(`decruft: ${printed - MAX_PRINTED_ERRORS} more bad records${settings.rejects ? ` (all in ${settings.rejects})` : ''}\n`)
  }
  if (signalCode) {
    summary.counts.interrupted = true
    code = signalCode
  }
  return {summary, code}
}
