import {workerData} from 'node:worker_threads'
import {threadState, type WorkConfig} from './work-config.js'
import {processItem, type WorkItem, type WorkResult} from './process.js'

// Built once per thread from the run's settings.
const {cleaner, options} = threadState(workerData as WorkConfig)

/** Piscina task: clean a batch of records. */
export default function cleanBatch(batch: WorkItem[]): WorkResult[] {
  return batch.map((item) => processItem(cleaner, item, options))
}
