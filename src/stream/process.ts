import type {ArticleRecord, RemovalRecord, SourceRef} from '../article/index.js'
import {RecordError} from '../article/index.js'
import type {Cleaner} from '../pipeline/index.js'
import {outputHead} from './output-record.js'
import {parseRecordLine} from './record-check.js'

/** One article after the per-article work: plain data, safe to pass between threads. */
export interface ArticleOutput {
  seq: number
  id: string
  source: SourceRef
  title?: string
  /**
   * The input record. Empty when the run asked for slim results
   * ({@link ResultShape}): its fields are then only in `head`.
   */
  record: ArticleRecord
  /** The clean body; empty in slim serialized results ({@link ResultShape}), where it is in `head`. */
  text: string
  /** Length of the clean body, set when `text` was left out. */
  textLength?: number
  /** Set by the cleaner; `duplicate` is set later by the dedup stage. */
  status: 'kept' | 'dropped' | 'duplicate'
  dropReason?: string
  messages: RemovalRecord[]
  removed: Record<string, number>
  charsIn: number
  charsRemoved: number
  /** Dedup signature, computed with the article when dedup is on. */
  signature?: unknown
  /** The record's publication date field, when dedup is on (for `keep: earliest`). */
  date?: string | number
  dedup?: DedupAnnotation
  /** What the reader repaired in the record (lone surrogates), to warn about. */
  note?: string
  /** The output record serialized up to its `decruft` field, when the run asked for it ({@link ResultShape}). */
  head?: string
}

/** What the dedup stage says about an article. */
export interface DedupAnnotation {
  /** Id of the representative of the article's cluster (its own id when alone). */
  cluster: string
  duplicateOf?: string
  similarity?: number
  kind?: string
}

/** A record that failed, with the reason. */
export interface RejectOutput {
  seq: number
  source: SourceRef
  error: string
  raw?: string
}

/** One unit of per-article work: a parsed record, or a JSONL line still to parse. */
export type WorkItem = {seq: number; source: SourceRef} & ({record: ArticleRecord; note?: string} | {line: string})

/** What a result carries back to the thread that writes it. */
export interface ResultShape {
  /**
   * Serialize the output record (up to its `decruft` field) on the cleaning
   * thread, into `head`: a string crosses threads far more cheaply than the
   * objects it is made from.
   * @default false
   */
  serialize?: boolean
  /**
   * Leave out the input record and the removal messages, for a consumer
   * that needs neither; with `serialize`, leave out the clean body too (the
   * record and the body are in `head`, the body's length in `textLength`).
   * @default false
   */
  slim?: boolean
  /**
   * With `slim`: keep the removal messages anyway (`--messages`).
   * @default false
   */
  messages?: boolean
}

/** Per-thread settings for {@link processItem}. */
export interface ProcessOptions {
  /** Signs a clean body for corpus dedup; unset when dedup is off. */
  sign?: (text: string) => unknown
  shape?: ResultShape
  /** Nesting bound for records parsed here. @default 256 */
  maxDepth?: number
}

/** Record fields tried, in order, for the date `keep: earliest` compares. */
export const DATE_FIELDS = ['published', 'published_at', 'publishedAt', 'datePublished', 'date', 'pubdate'] as const

export type WorkResult = ({kind: 'article'} & ArticleOutput) | ({kind: 'reject'} & RejectOutput)

/**
 * Clean one record (and sign it for dedup when `sign` is given). Pure: the
 * same inputs give the same output on any thread.
 */
export function processItem(cleaner: Cleaner, item: WorkItem, options: ProcessOptions = {}): WorkResult {
  let record: ArticleRecord
  let note: string | undefined
  if ('line' in item) {
    const parsed = parseRecordLine(item.line, item.source, {maxDepth: options.maxDepth})
    if (parsed.kind !== 'record') {
      const {error, raw} = parsed as {error: string; raw?: string}
      return {kind: 'reject', seq: item.seq, source: item.source, error, raw}
    }
    record = parsed.record
    note = parsed.note
  } else {
    record = item.record
    note = item.note
  }
  let result
  try {
    result = cleaner.cleanRecord(record, item.source)
  } catch (error) {
    const message = error instanceof RecordError ? error.message : `cleaning failed: ${(error as Error)?.message ?? error}`
    return {kind: 'reject', seq: item.seq, source: item.source, error: message, raw: rawOf(record)}
  }
  const {sign, shape} = options
  const signed = sign !== undefined && result.status === 'kept'
  const article: ArticleOutput & {kind: 'article'} = {
    kind: 'article',
    seq: item.seq,
    id: result.id,
    source: item.source,
    record,
    title: result.title,
    text: result.text,
    status: result.status,
    dropReason: result.dropReason,
    messages: result.messages,
    removed: result.removed,
    charsIn: result.charsIn,
    charsRemoved: result.charsRemoved,
    signature: signed ? sign(result.text) : undefined,
    date: signed ? dateOf(record) : undefined,
    note
  }
  if (shape?.serialize) article.head = outputHead(article)
  if (shape?.slim) {
    article.record = {}
    if (!shape.messages) article.messages = []
    // The body is in `head`: sending it twice would double what crosses threads.
    if (shape.serialize) {
      article.textLength = article.text.length
      article.text = ''
    }
  }
  return article
}

function dateOf(record: ArticleRecord): string | number | undefined {
  for (const field of DATE_FIELDS) {
    const value = record[field]
    if (typeof value === 'string' || typeof value === 'number') return value
  }
  return undefined
}

function rawOf(record: ArticleRecord): string | undefined {
  try {
    return JSON.stringify(record)
  } catch {
    return undefined
  }
}
