import {availableParallelism} from 'node:os'
import {Piscina} from 'piscina'
import {processItem, type WorkItem, type WorkResult} from './process.js'
import {threadState, type WorkConfig} from './work-config.js'

export type {WorkConfig} from './work-config.js'

/** Runs batches of per-article work. */
export interface Executor {
  run(batch: WorkItem[]): Promise<WorkResult[]>
  close(): Promise<void>
}

/** Process batches on the calling thread. */
export function inlineExecutor(config: WorkConfig): Executor {
  const {cleaner, options} = threadState(config)
  return {
    run: async (batch) => batch.map((item) => processItem(cleaner, item, options)),
    close: async () => {}
  }
}

/** The default number of worker threads: one per available core. */
export function defaultConcurrency(): number {
  return availableParallelism()
}

/**
 * Young generation of each worker thread, in MB (old generation is left to V8:
 * one article may be large). Bounded so that peak RSS stays low, but not so
 * tightly that scavenges dominate: at 8 MB a worker scavenged ~230 times per
 * 20 MB of input (each survivor copied again and again), at 32 MB ~65 times,
 * for ~30 MB more peak RSS.
 */
const WORKER_YOUNG_GENERATION_MB = 32

/**
 * Batches handed to each worker at once: the next one is already in the
 * worker's port when it finishes one, so it never waits for the main thread
 * (busy reading, writing, or not scheduled on a 2-core machine) to send more.
 */
const TASKS_PER_WORKER = 2

/** Process batches on a pool of `threads` worker threads. */
export function poolExecutor(config: WorkConfig, threads: number): Executor {
  const pool = new Piscina({
    filename: new URL('./worker-entry.cjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData: config,
    concurrentTasksPerWorker: TASKS_PER_WORKER,
    // A bounded young generation per thread: each worker's semi-spaces would
    // otherwise grow as large as V8 likes, and peak RSS with them.
    resourceLimits: {maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB}
  })
  // With batches queued at each worker, one may still answer after the pool
  // is destroyed (a closed output pipe, a signal): piscina reports that as an
  // 'error' event, which would crash the process. Before closing, an error
  // event fails the next batch instead.
  let closing = false
  let failure: Error | undefined
  pool.on('error', (error: Error) => {
    if (!closing) failure ??= error
  })
  return {
    run: (batch) => (failure ? Promise.reject(failure) : (pool.run(batch) as Promise<WorkResult[]>)),
    close: () => {
      closing = true
      return pool.destroy()
    }
  }
}

/** Inline for one thread, a worker pool for more. */
export function createExecutor(config: WorkConfig, concurrency: number): Executor {
  return concurrency <= 1 ? inlineExecutor(config) : poolExecutor(config, concurrency)
}
