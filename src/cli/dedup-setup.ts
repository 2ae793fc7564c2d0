import {Option} from 'commander'
import {DedupIndex, type KeepPolicy} from '../corpus/dedup.js'
import type {Pipeline} from '../pipeline/index.js'
import {DedupStage} from '../stream/dedup-stage.js'
import {fileSpool} from '../stream/spool.js'
import {fileSink} from '../stream/sink.js'
import type {Spool} from '../stream/runner.js'
import type {SignerOptions} from '../stream/signer.js'
import {CliError} from './errors.js'

/** Dedup flags shared by `clean` and `check`. */
export interface DedupFlags {
  dedup?: 'off' | 'drop' | 'annotate'
  keep?: KeepPolicy
  clusters?: string
  index?: string
}

/** The dedup options every command that cleans offers. */
export function dedupOptions(): Option[] {
  return [
    new Option('--dedup <mode>', 'corpus dedup: drop duplicates, annotate them, or off (default: the pipeline’s, else drop)').choices([
      'off',
      'drop',
      'annotate'
    ]),
    new Option('--keep <policy>', 'which copy of a story is kept (default: first)').choices(['first', 'longest', 'earliest']),
    new Option('--clusters <file>', 'write one JSON line per cluster of copies: representative, members, similarities'),
    new Option('--index <dir>', 'dedup against the index saved in DIR by earlier runs, then save it there')
  ]
}

/** What a run needs for dedup, and what to do once it is over. */
export interface DedupSetup {
  mode: 'off' | 'drop' | 'annotate'
  stage?: DedupStage
  signer?: SignerOptions
  spool?: Spool
  /** Write the clusters file and save the index (only after a complete run). */
  finish(complete: boolean): Promise<void>
}

/** Build the dedup stage from the pipeline's `dedup:` section and the flags. */
export async function setupDedup(flags: DedupFlags, pipeline: Pipeline, forceMode?: 'annotate'): Promise<DedupSetup> {
  const settings = pipeline.dedup ?? {}
  const mode = forceMode ?? flags.dedup ?? settings.mode ?? 'drop'
  if (mode === 'off') return {mode, finish: async () => {}}
  const options = {
    keep: flags.keep ?? settings.keep ?? 'first',
    threshold: settings.threshold,
    shingleSize: settings.shingleSize,
    containment: settings.containment,
    permutations: settings.numPerm,
    bands: settings.bands
  }
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  let index: DedupIndex
  try {
    index = flags.index ? await DedupIndex.open(flags.index, defined) : new DedupIndex(defined)
  } catch (error) {
    throw new CliError(`--index ${flags.index}: ${(error as Error).message}`)
  }
  const stage = new DedupStage(index)
  const spool = stage.deferred ? await fileSpool() : undefined
  return {
    mode,
    stage,
    spool,
    signer: stage.signer,
    async finish(complete) {
      await (spool as {dispose?: () => Promise<void>} | undefined)?.dispose?.()
      if (!complete) return
      if (flags.clusters) {
        const sink = await fileSink(flags.clusters)
        for (const cluster of index.clusters({minSize: 2})) await sink.write(JSON.stringify(cluster) + '\n')
        await sink.close(true)
      }
      if (flags.index) await index.save(flags.index)
    }
  }
}
