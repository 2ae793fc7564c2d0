import {workerData} from 'node:worker_threads'
import {createCleaner} from '../pipeline/index.js'
import type {WorkConfig} from './executor.js'
import {processItem, type WorkItem, type WorkResult} from './process.js'
import {makeSigner} from './signer.js'

// Built once per thread from the run's settings.
const config = workerData as WorkConfig
const cleaner = createCleaner(config.cleaner)
const sign = config.signer ? makeSigner(config.signer) : undefined

/** Piscina task: clean a batch of records. */
export default function cleanBatch(batch: WorkItem[]): WorkResult[] {
  return batch.map((item) => processItem(cleaner, item, sign))
}
