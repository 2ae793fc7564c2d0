import type {VFile} from 'vfile'

/**
 * What steps remember between the cleaning passes of one article (never
 * across articles): a later pass sees blocks that an earlier one already
 * judged, and a step whose verdict depends on a block's text alone need not
 * judge them again. One entry per step, of the step's own making.
 */
export type ArticleMemo = Map<string, unknown>

/**
 * The state one step keeps for the article in `file` (made by `create` on the
 * first pass), when the cleaner keeps a memo.
 */
export function stepState<T>(file: VFile, step: string, create: () => T): T | undefined {
  const memo = file.data.decruft?.memo
  if (!memo) return undefined
  let own = memo.get(step) as T | undefined
  if (own === undefined) memo.set(step, (own = create()))
  return own
}

/** A step's memo of facts keyed by block text, when the cleaner keeps one. */
export function stepMemo<T>(file: VFile, step: string): Map<string, T> | undefined {
  return stepState(file, step, () => new Map<string, T>())
}
