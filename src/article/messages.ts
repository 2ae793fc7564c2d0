import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
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
  message.actual = toString(node)
  return message
}

/** A message at the first occurrence of something repeated later, used as `cause`. */
export function firstOccurrence(file: VFile, node: Nodes, reason: string): VFileMessage {
  // Detached from file.messages: it explains a removal, it is not one.
  const message = new VFileMessage(reason, {place: node.position, source: SOURCE, ruleId: 'duplicate/first-occurrence'})
  message.file = file.path
  message.actual = toString(node)
  return message
}

/** Messages decruft reported on a file (removals and changes). */
export function decruftMessages(file: VFile): VFileMessage[] {
  return file.messages.filter((m) => m.source === SOURCE)
}
