/** Run one evaluation set through a cleaner and build its report and per-document table. */
import {readFile} from 'node:fs/promises'
import type {ArticleRecord} from '../../src/article/index.js'
import {aggregate, matchShingles, scoreDoc, type DocScore, type SetScore} from './eval-metric.js'
import type {Cleaner} from './eval-pipeline.js'
import {countSnippets, snippetShares, type SnippetCounts} from './eval-snippets.js'

/** The known sets, relative to the data folder. */
export const SETS: Record<string, {file: string}> = {
  aeb: {file: 'aeb/aeb.jsonl'},
  wcxb: {file: 'wcxb-dev/articles.jsonl'}
}

/** One row of the per-document table. */
export interface DocRow {
  id: string
  url: string | undefined
  precision: number
  recall: number
  f1: number
  tp: number
  fp: number
  fn: number
  pageChars: number
  outChars: number
  goldChars: number
  snippets: SnippetCounts | undefined
}

export interface SetReport {
  name: string
  score: SetScore
  snippets: ReturnType<typeof snippetShares> | undefined
  /** Rows sorted by F1, worst first. */
  worst: DocRow[]
  tsv: string
  jsonl: string
  ms: number
}

export async function readSet(file: string, limit?: number): Promise<ArticleRecord[]> {
  const text = await readFile(file, 'utf8')
  const records: ArticleRecord[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    records.push(JSON.parse(line) as ArticleRecord)
    if (limit !== undefined && records.length >= limit) break
  }
  return records
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined)

export async function evaluateSet(name: string, records: readonly ArticleRecord[], clean: Cleaner): Promise<SetReport> {
  const scores: DocScore[] = []
  const rows: DocRow[] = []
  const details: string[] = []
  const snippetCounts: SnippetCounts[] = []
  let hasSnippets = false
  let ms = 0
  for (const record of records) {
    const page = str(record.text) ?? ''
    const gold = str(record.gold) ?? ''
    // The cleaner sees the record without its answers.
    const input: ArticleRecord = {...record}
    delete input.gold
    delete input.with
    delete input.without
    const started = performance.now()
    const output = await clean(input)
    ms += performance.now() - started
    const score = scoreDoc(matchShingles(output, gold))
    scores.push(score)
    const withs = strings(record.with)
    const withouts = strings(record.without)
    let snippets: SnippetCounts | undefined
    if (withs || withouts) {
      hasSnippets = true
      snippets = countSnippets(page, output, withs, withouts)
      snippetCounts.push(snippets)
    }
    const row: DocRow = {
      id: str(record.id) ?? String(rows.length),
      url: str(record.url),
      precision: score.precision ?? 0,
      recall: score.recall ?? 0,
      f1: score.f1 ?? 0,
      tp: score.tp,
      fp: score.fp,
      fn: score.fn,
      pageChars: page.length,
      outChars: output.length,
      goldChars: gold.length,
      snippets
    }
    rows.push(row)
    details.push(JSON.stringify({...row, output, missed: missedLines(gold, output), leaked: missedLines(output, gold)}))
  }
  const worst = [...rows].sort((a, b) => a.f1 - b.f1)
  const header = ['f1', 'precision', 'recall', 'tp', 'fp', 'fn', 'page_chars', 'out_chars', 'gold_chars', 'with_lost', 'without_leaked', 'id', 'url']
  const tsv =
    [header, ...worst.map((r) => [
      r.f1.toFixed(3),
      r.precision.toFixed(3),
      r.recall.toFixed(3),
      r.tp,
      r.fp,
      r.fn,
      r.pageChars,
      r.outChars,
      r.goldChars,
      r.snippets?.lost.length ?? '',
      r.snippets?.leaked.length ?? '',
      r.id,
      r.url ?? ''
    ])]
      .map((cols) => cols.join('\t'))
      .join('\n') + '\n'
  return {
    name,
    score: aggregate(scores),
    snippets: hasSnippets ? snippetShares(snippetCounts) : undefined,
    worst,
    tsv,
    jsonl: details.join('\n') + '\n',
    ms
  }
}

/** Lines of `a` (trimmed, non-blank) that do not occur in `b`: what was missed or what leaked. */
function missedLines(a: string, b: string): string[] {
  const out: string[] = []
  for (const line of a.split('\n')) {
    const t = line.trim()
    if (t !== '' && !b.includes(t)) out.push(t.length > 200 ? t.slice(0, 200) + '…' : t)
  }
  return out
}

/** `k/n` → fold k (0-based) of n: the records whose index in their set is k modulo n. */
export function parseFold(spec: string): {k: number; n: number} {
  const [k, n] = spec.split('/').map(Number)
  if (!(n > 1 && k >= 0 && k < n)) throw new Error(`bad fold ${spec}, expected k/n with 0 <= k < n`)
  return {k, n}
}
