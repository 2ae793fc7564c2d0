import type {ArticleRecord, RemovalRecord, SourceRef} from '../article/index.js'
import {RecordError} from '../article/index.js'
import type {Cleaner} from '../pipeline/index.js'

/** One article after the per-article work: plain data, safe to pass between threads. */
export interface ArticleOutput {
  seq: number
  id: string
  source: SourceRef
  record: ArticleRecord
  title?: string
  /** The clean body. */
  text: string
  /** Set by the cleaner; `duplicate` is set later by the dedup stage. */
  status: 'kept' | 'dropped' | 'duplicate'
  dropReason?: string
  messages: RemovalRecord[]
  removed: Record<string, number>
  charsIn: number
  charsRemoved: number
  /** Dedup signature, computed with the article when dedup is on. */
  signature?: unknown
  dedup?: DedupAnnotation
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

/** One unit of per-article work. */
export interface WorkItem {
  seq: number
  record: ArticleRecord
  source: SourceRef
}

export type WorkResult = ({kind: 'article'} & ArticleOutput) | ({kind: 'reject'} & RejectOutput)

/**
 * Clean one record (and sign it for dedup when `sign` is given). Pure: the
 * same inputs give the same output on any thread.
 */
export function processItem(cleaner: Cleaner, item: WorkItem, sign?: (text: string) => unknown): WorkResult {
  let result
  try {
    result = cleaner.cleanRecord(item.record, item.source)
  } catch (error) {
    const message = error instanceof RecordError ? error.message : `cleaning failed: ${(error as Error)?.message ?? error}`
    return {kind: 'reject', seq: item.seq, source: item.source, error: message, raw: rawOf(item.record)}
  }
  return {
    kind: 'article',
    seq: item.seq,
    id: result.id,
    source: item.source,
    record: item.record,
    title: result.title,
    text: result.text,
    status: result.status,
    dropReason: result.dropReason,
    messages: result.messages,
    removed: result.removed,
    charsIn: result.charsIn,
    charsRemoved: result.charsRemoved,
    signature: sign && result.status === 'kept' ? sign(result.text) : undefined
  }
}

function rawOf(record: ArticleRecord): string | undefined {
  try {
    return JSON.stringify(record)
  } catch {
    return undefined
  }
}
