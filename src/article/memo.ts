import type {VFile} from 'vfile'

/**
 * What steps remember between the cleaning passes of one article (never
 * across articles): a later pass sees blocks that an earlier one already
 * judged, and a step whose verdict depends on a block's text alone need not
 * judge them again.
 */
export type ArticleMemo = Map<string, Map<string, unknown>>

/** The memo of one step for the article in `file`, when the cleaner keeps one. */
export function stepMemo<T>(file: VFile, step: string): Map<string, T> | undefined {
  const memo = file.data.decruft?.memo
  if (!memo) return undefined
  let own = memo.get(step)
  if (!own) memo.set(step, (own = new Map()))
  return own as Map<string, T>
}
