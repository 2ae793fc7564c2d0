import {mix32} from './hash.js'
import {minhashSimd, simdAvailable} from './minhash-simd.js'
import type {ShingleHashes} from './shingles.js'

/**
 * Permutation parameters for `count` MinHash functions, drawn from a seeded
 * 32-bit generator so every process (and every worker) derives the same ones.
 */
export function permutations(count: number, seed: number): Uint32Array {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`permutations must be a positive integer, got ${count}`)
  const params = new Uint32Array(count * 3)
  let state = seed >>> 0 || 0x9e3779b9
  const next = () => {
    // splitmix32: tiny, well distributed, and the same on every platform.
    state = (state + 0x9e3779b9) >>> 0
    return mix32(state)
  }
  for (let i = 0; i < params.length; i++) params[i] = next()
  // Odd multipliers keep each step a bijection on uint32.
  for (let i = 0; i < count; i++) {
    params[i * 3] |= 1
    params[i * 3 + 1] |= 1
  }
  return params
}

/**
 * MinHash signature: for each permutation, the least value of
 * `a·lo + b·hi + c (mod 2^32)` over the shingles' hash halves. The inputs are
 * already xxHash outputs, so this universal (multiply-add) family suffices,
 * with no BigInt and three 32-bit operations per value. An empty text gets
 * all-0xffffffff (it matches only itself). Runs in WebAssembly SIMD.
 */
export function minhash(hashes: ShingleHashes, params: Uint32Array): Uint32Array {
  const signature = new Uint32Array(params.length / 3)
  if (simdAvailable) minhashSimd(hashes.lo, hashes.hi, hashes.lo.length, params, signature)
  else minhashInto(hashes, params, signature)
  return signature
}

/** {@link minhash} in plain JS: the reference the SIMD kernel is tested against. */
export function minhashScalar(hashes: ShingleHashes, params: Uint32Array): Uint32Array {
  return minhashInto(hashes, params, new Uint32Array(params.length / 3))
}

function minhashInto(hashes: ShingleHashes, params: Uint32Array, signature: Uint32Array): Uint32Array {
  const count = params.length / 3
  const {hi, lo} = hashes
  const n = lo.length
  for (let p = 0; p < count; p++) {
    const a = params[p * 3] | 0
    const b = params[p * 3 + 1] | 0
    const c = params[p * 3 + 2] | 0
    let min = 0xffffffff
    for (let i = 0; i < n; i++) {
      const x = (Math.imul(lo[i], a) + Math.imul(hi[i], b) + c) >>> 0
      if (x < min) min = x
    }
    signature[p] = min
  }
  return signature
}

/** Share of positions where two signatures agree: an unbiased Jaccard estimate. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signature lengths differ (${a.length} vs ${b.length})`)
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}

/**
 * Jaccard and set sizes → share of the smaller set found in the larger one.
 * |A∩B| = J·(|A|+|B|)/(1+J); capped at 1 because J is only an estimate.
 */
export function containmentFromJaccard(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB)
  if (smaller === 0) return 0
  return Math.min(1, (jaccard * (sizeA + sizeB)) / ((1 + jaccard) * smaller))
}
