/**
 * Reused memory for the temporaries of one page. The classifier scores one
 * page at a time and no temporary outlives the call that fills it, so every
 * page reuses the same buffers instead of allocating a dozen typed arrays
 * (each with its own backing store) per article.
 */

const floats: Float64Array[] = []
const ints: Int32Array[] = []
/** Buffers for pages longer than this (in blocks or words) are not kept, so one huge page does not pin its memory. */
const KEEP = 1 << 16

/**
 * Temporary number `slot`: at least `n` entries, the first `n` zero. Valid
 * until the next request for the same slot; callers index below `n`, never
 * by `length`.
 */
export function tempFloats(slot: number, n: number): Float64Array {
  let buffer = floats[slot]
  if (buffer === undefined || buffer.length < n) {
    buffer = new Float64Array(Math.max(n, 256))
    if (n <= KEEP) floats[slot] = buffer
  } else buffer.fill(0, 0, n)
  return buffer
}

/** Like {@link tempFloats}, for integers. */
export function tempInts(slot: number, n: number): Int32Array {
  let buffer = ints[slot]
  if (buffer === undefined || buffer.length < n) {
    buffer = new Int32Array(Math.max(n, 256))
    if (n <= KEEP) ints[slot] = buffer
  } else buffer.fill(0, 0, n)
  return buffer
}

/** `Math.log1p` of small whole numbers, looked up (the same values, without the call). */
const LOG1P = new Float64Array(1024)
for (let k = 0; k < LOG1P.length; k++) LOG1P[k] = Math.log1p(k)

/** `Math.log1p(k)`, looked up for a whole number `0 <= k < 1024` (8 kB: it stays in cache). */
export function log1pInt(k: number): number {
  const i = k | 0
  return i === k && i >= 0 && i < 1024 ? LOG1P[i] : Math.log1p(k)
}
