/**
 * The string hash of the classifier's word tables: FNV-1a over UTF-16 code
 * units, finished so that its low bits spread. The token scanner computes it
 * while it reads a word, so that a word is looked up without slicing it out.
 */

/** Start value of a hash. */
export const HASH_SEED = 0x811c9dc5 | 0

/** Add one code unit to a hash. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193)
}

/** Finish a hash (every table is indexed by the finished value). */
export function hashFinish(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  return h ^ (h >>> 13)
}

/** The finished hash of `s[start..end)`. */
export function hashRange(s: string, start: number, end: number): number {
  let h = HASH_SEED
  for (let i = start; i < end; i++) h = hashStep(h, s.charCodeAt(i))
  return hashFinish(h)
}

/** Whether `a[aStart..aStart+length)` and `b[bStart..bStart+length)` hold the same code units. */
export function sameRange(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(aStart + k) !== b.charCodeAt(bStart + k)) return false
  return true
}

/** The smallest power of two of at least `n` (and at least 16). */
export function tableSize(n: number): number {
  let size = 16
  while (size < n) size *= 2
  return size
}
