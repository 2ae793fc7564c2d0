import type {Nodes} from 'mdast'
import {nodeText} from './node-text.js'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

/** The `source` of every message decruft reports. */
export const SOURCE = 'decruft'

/** How a removal is reported. */
export interface Removal {
  /** Stable rule id, `category/name` (e.g. `cookie/consent-banner`). */
  ruleId: string
  /** Human-readable reason. */
  reason: string
  /** For duplicates: a message placed at the first occurrence. */
  cause?: VFileMessage
}

/** The category of a rule id: the part before the first `/`. */
export function categoryOf(ruleId: string | undefined | null): string {
  if (!ruleId) return 'other'
  const slash = ruleId.indexOf('/')
  return slash === -1 ? ruleId : ruleId.slice(0, slash)
}

/** Report that `node` was removed; `actual` holds its text. */
export function reportRemoval(file: VFile, node: Nodes, removal: Removal): VFileMessage {
  const message = file.message(removal.reason, {
    place: node.position,
    ruleId: removal.ruleId,
    source: SOURCE,
    cause: removal.cause
  })
  message.actual = nodeText(node)
  return message
}

/** A message at the first occurrence of something repeated later, used as `cause`. */
export function firstOccurrence(file: VFile, node: Nodes, reason: string): VFileMessage {
  // Detached from file.messages: it explains a removal, it is not one.
  const message = new VFileMessage(reason, {place: node.position, source: SOURCE, ruleId: 'duplicate/first-occurrence'})
  message.file = file.path
  message.actual = nodeText(node)
  return message
}

/** Messages decruft reported on a file (removals and changes). */
export function decruftMessages(file: VFile): VFileMessage[] {
  return file.messages.filter((m) => m.source === SOURCE)
}

/** A message as plain data: what reports, `explain --json` and worker threads carry. */
export interface RemovalRecord {
  ruleId: string
  category: string
  reason: string
  /** 1-based line and column, and 0-based offsets, in the original text. */
  line?: number
  column?: number
  offset?: number
  endOffset?: number
  actual?: string
  cause?: {line?: number; column?: number; offset?: number; actual?: string}
}

/** Flatten a message into a {@link RemovalRecord}. */
export function toRemovalRecord(message: VFileMessage): RemovalRecord {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : undefined
  const record: RemovalRecord = {
    ruleId: message.ruleId ?? 'unknown',
    category: categoryOf(message.ruleId),
    reason: message.reason,
    line: start?.line,
    column: start?.column,
    offset: start?.offset,
    endOffset: end?.offset,
    actual: message.actual
  }
  const cause = message.cause
  if (cause instanceof VFileMessage) {
    const at = cause.place && 'start' in cause.place ? cause.place.start : cause.place
    record.cause = {line: at?.line, column: at?.column, offset: at?.offset, actual: cause.actual}
  }
  return record
}

/** Whether a message records a removal (normalization changes text but removes nothing). */
export function isRemoval(record: {category: string}): boolean {
  return record.category !== 'normalize'
}
