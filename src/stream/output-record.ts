import type {ArticleRecord} from '../article/index.js'
import type {ArticleOutput, RejectOutput} from './process.js'

/** Options for {@link toOutputRecord}. */
export interface OutputRecordOptions {
  /**
   * Include every removal message under `decruft.messages`.
   * @default false
   */
  messages?: boolean
}

/**
 * The JSON record written for an article: input fields, clean `text` and
 * `title`, and a `decruft` summary as the last field.
 */
export function toOutputRecord(article: ArticleOutput, options: OutputRecordOptions = {}): ArticleRecord {
  const out = body(article)
  out.decruft = decruftInfo(article, options)
  return out
}

/**
 * {@link toOutputRecord} as one JSON line (without the newline). Uses the
 * article's `head` when the cleaning thread serialized it already.
 */
export function toOutputLine(article: ArticleOutput, options: OutputRecordOptions = {}): string {
  const head = article.head ?? outputHead(article)
  return `${head},"decruft":${JSON.stringify(decruftInfo(article, options))}}`
}

/**
 * The output record serialized up to its `decruft` field: everything that
 * is known once the article is cleaned (dedup decides the rest later).
 */
export function outputHead(article: ArticleOutput): string {
  // Never "{}": the body always holds `text`.
  return JSON.stringify(body(article)).slice(0, -1)
}

/** The JSON record written for a reject: where it was, why, and the raw input. */
export function toRejectRecord(reject: RejectOutput): ArticleRecord {
  const out: ArticleRecord = {file: reject.source.file, line: reject.source.line, error: reject.error}
  if (reject.raw !== undefined) out.raw = reject.raw
  return out
}

function body(article: ArticleOutput): ArticleRecord {
  // Spread copies own keys as data, so a "__proto__" key stays a plain field.
  const out: ArticleRecord = {...article.record}
  // `decruft` always comes last, where the line writer appends it.
  delete out.decruft
  // Records read by decruft are already repaired; records handed in through the
  // API may still hold lone surrogates: never write those out.
  out.text = wellFormed(article.text)
  if (article.title !== undefined) out.title = wellFormed(article.title)
  return out
}

function decruftInfo(article: ArticleOutput, options: OutputRecordOptions): Record<string, unknown> {
  let removals = 0
  for (const category in article.removed) removals += article.removed[category]
  const info: Record<string, unknown> = {status: article.status, removals, removed: article.removed}
  if (article.dropReason) info.reason = article.dropReason
  if (article.dedup) {
    info.cluster = article.dedup.cluster
    if (article.dedup.duplicateOf !== undefined) info.duplicateOf = article.dedup.duplicateOf
    if (article.dedup.similarity !== undefined) info.similarity = article.dedup.similarity
    if (article.dedup.kind !== undefined) info.match = article.dedup.kind
  }
  if (options.messages) info.messages = article.messages
  return info
}

function wellFormed(text: string): string {
  const s = text as unknown as {isWellFormed(): boolean; toWellFormed(): string}
  return s.isWellFormed() ? text : s.toWellFormed()
}
