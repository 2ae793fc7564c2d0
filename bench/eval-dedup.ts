/**
 * Score corpus dedup on ../shared/eval/dedup-dev/corpus.jsonl: pairwise
 * precision and recall over all pairs of records, and the Adjusted Rand
 * Index, for the raw page text and for the default cleanup.
 *
 *   node build/bench/eval-dedup.js [--data ../shared/eval] [--only raw|clean] [--misses N] [--options '{"threshold":0.7}']
 *
 * Only the scorer reads the `cluster` label; the index sees ids and text.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {pathToFileURL} from 'node:url'
import {computeSignature, DedupIndex, type DedupOptions} from '../src/corpus/dedup.js'
import {scoreClusters, type ClusterScore} from './lib/dedup-score.js'

interface DevRecord {
  id: string
  cluster: string
  text: string
  title?: string
}

/** Turns a record into the body that gets deduplicated. */
export type BodyOf = (record: {id: string; text: string; title?: string}) => string | Promise<string>

export interface EvalDedupOptions {
  /** Folder holding `dedup-dev/corpus.jsonl`. @default process.env.DECRUFT_EVAL_DATA ?? '../shared/eval' */
  data?: string
  /** Dedup index options. @default the index defaults */
  dedup?: DedupOptions
  /** Which rows to print. @default ['raw', 'clean'] */
  only?: Array<'raw' | 'clean'>
  /** Print up to this many missed and wrong pairs per row. @default 0 */
  misses?: number
}

/** Dedup every record in order; returns each record's cluster (representative id). */
export async function clusterRecords(records: readonly DevRecord[], bodyOf: BodyOf, options: DedupOptions = {}): Promise<string[]> {
  const index = new DedupIndex(options)
  for (let seq = 0; seq < records.length; seq++) {
    const record = records[seq]
    const body = await bodyOf({id: record.id, text: record.text, title: record.title})
    index.add(seq, record.id, computeSignature(body, index.options), {length: body.length})
  }
  index.finalize()
  return records.map((_, seq) => index.decision(seq).cluster)
}

/** The default cleanup of src/index.ts, or undefined when it cannot be loaded. */
async function defaultCleaner(): Promise<BodyOf | undefined> {
  type Clean = (r: Record<string, unknown>, o?: Record<string, unknown>) => {text: string; status?: string}
  let clean: Clean | undefined
  try {
    clean = ((await import('../src/index.js')) as {clean?: Clean}).clean
  } catch (error) {
    console.error(`eval-dedup: no cleaner (${(error as Error).message})`)
  }
  if (typeof clean !== 'function') return undefined
  let options: Record<string, unknown> | undefined
  try {
    clean({text: 'probe'})
  } catch (error) {
    // From build/, the shipped pipelines folder is not where the library
    // looks for it: name the default pipeline file by path instead.
    if ((error as Error).name !== 'PipelineError') throw error
    options = {pipeline: path.resolve('pipelines/news.yaml')}
  }
  const run = clean
  return (record) => {
    const out = run({...record}, options)
    return out.status === 'dropped' ? '' : out.text
  }
}

export async function readDevSet(data: string): Promise<DevRecord[]> {
  const text = await readFile(path.join(data, 'dedup-dev', 'corpus.jsonl'), 'utf8')
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as DevRecord)
}

/** Print the score rows; returns them by row name. */
export async function main(options: EvalDedupOptions = {}): Promise<Record<string, ClusterScore>> {
  const data = options.data ?? process.env.DECRUFT_EVAL_DATA ?? '../shared/eval'
  const records = await readDevSet(data)
  const gold = records.map((r) => r.cluster)
  const rows: Array<[string, BodyOf | undefined]> = []
  const only = options.only ?? ['raw', 'clean']
  if (only.includes('raw')) rows.push(['raw text', (r) => r.text])
  if (only.includes('clean')) rows.push(['default cleanup', await defaultCleaner()])
  const out: Record<string, ClusterScore> = {}
  console.log(`\ndedup-dev: ${records.length} records, ${new Set(gold).size} stories`)
  console.log('input             pairwise P  pairwise R     F1     ARI   pairs (pred/gold/both)')
  for (const [name, bodyOf] of rows) {
    if (!bodyOf) {
      console.log(`${name.padEnd(17)} (not available)`)
      continue
    }
    const predicted = await clusterRecords(records, bodyOf, options.dedup)
    const s = scoreClusters(predicted, gold)
    out[name] = s
    const f = (x: number) => x.toFixed(4).padStart(10)
    console.log(`${name.padEnd(17)}${f(s.precision)}  ${f(s.recall)} ${f(s.f1)} ${f(s.ari)}   ${s.predictedPairs}/${s.goldPairs}/${s.truePairs}`)
    if (options.misses) printMisses(records, predicted, options.misses)
  }
  return out
}

function printMisses(records: readonly DevRecord[], predicted: readonly string[], limit: number): void {
  const variant = (id: string) => id.slice(id.lastIndexOf('#') + 1)
  const missed = new Map<string, number>()
  const wrong: string[] = []
  for (let i = 0; i < records.length; i++)
    for (let j = i + 1; j < records.length; j++) {
      const same = records[i].cluster === records[j].cluster
      const together = predicted[i] === predicted[j]
      if (same && !together) {
        const key = [variant(records[i].id), variant(records[j].id)].sort().join('~')
        missed.set(key, (missed.get(key) ?? 0) + 1)
        if ((missed.get(key) ?? 0) <= limit) console.log(`  missed ${records[i].id} ~ ${records[j].id}`)
      } else if (!same && together && wrong.length < limit) wrong.push(`  wrong  ${records[i].id} ~ ${records[j].id}`)
    }
  console.log(`  missed pairs by variant: ${[...missed].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`)
  for (const line of wrong) console.log(line)
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const {values} = parseArgs({
    options: {
      data: {type: 'string'},
      only: {type: 'string'},
      misses: {type: 'string', default: '0'},
      options: {type: 'string', default: '{}'}
    }
  })
  main({
    data: values.data,
    only: values.only ? (values.only.split(',') as Array<'raw' | 'clean'>) : undefined,
    misses: Number(values.misses),
    dedup: JSON.parse(values.options) as DedupOptions
  }).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
