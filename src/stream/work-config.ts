import {createCleaner, type Cleaner, type CleanerOptions} from '../pipeline/index.js'
import type {ProcessOptions, ResultShape} from './process.js'
import {makeSigner, type SignerOptions} from './signer.js'

/** Settings every thread needs to clean articles: plain data only. */
export interface WorkConfig {
  cleaner: CleanerOptions
  /** Dedup signature settings; undefined when dedup is off. */
  signer?: SignerOptions
  /** What results carry back. @default {} (everything, no serialized head) */
  shape?: ResultShape
  /** Nesting bound for JSONL lines parsed by the cleaning thread. @default 256 */
  maxDepth?: number
}

/** The per-thread state {@link processItem} needs, built once from the run's settings. */
export function threadState(config: WorkConfig): {cleaner: Cleaner; options: ProcessOptions} {
  return {
    cleaner: createCleaner(config.cleaner),
    options: {sign: config.signer ? makeSigner(config.signer) : undefined, shape: config.shape, maxDepth: config.maxDepth}
  }
}

