import {DEFAULT_SEED, joinHash64, mix32} from './hash.js'
import {tokenize, type WordSpans} from './tokenize.js'
import {hashTokens, hashWords} from './word-hashes.js'

/** 64-bit hashes of the shingles of a text, as parallel halves (may repeat). */
export interface ShingleHashes {
  hi: Uint32Array
  lo: Uint32Array
}

/**
 * Hash every run of `size` consecutive tokens. A text shorter than `size`
 * tokens gives one shingle of all its tokens, so short texts still compare.
 *
 * Each token is hashed with xxHash64; a shingle's hash combines its tokens'
 * halves with 32-bit multiplies, far cheaper than hashing every shingle's
 * string, and keeps 64 bits.
 */
export function shingleHashes(tokens: readonly string[], size: number, seed: bigint = DEFAULT_SEED): ShingleHashes {
  return combineShingles(hashTokens(tokens, seed), size)
}

/**
 * {@link shingleHashes} of the words at `spans` of `text` (every one, or only
 * those whose index `keep` flags): no word strings are made.
 */
export function shingleHashesOfSpans(text: string, spans: WordSpans, size: number, seed: bigint = DEFAULT_SEED, keep?: Uint8Array): ShingleHashes {
  return combineShingles(hashWords(text, spans, seed, 0, spans.length, keep), size)
}

/** Shingle hashes from token hashes given as (high, low) pairs (see {@link hashTokens}). */
export function combineShingles(pairs: Uint32Array, size: number): ShingleHashes {
  const count = shingleCount(pairs.length >>> 1, size)
  const hashes = {hi: new Uint32Array(count), lo: new Uint32Array(count)}
  combineInto(pairs, size, hashes.hi, hashes.lo)
  return hashes
}

let scratchHi = new Uint32Array(1024)
let scratchLo = new Uint32Array(1024)

/**
 * {@link combineShingles} into scratch buffers: the hashes are the first
 * `count` values of `hi` and `lo`, valid until the next call.
 */
export function combineShinglesScratch(pairs: Uint32Array, size: number): {hi: Uint32Array; lo: Uint32Array; count: number} {
  const count = shingleCount(pairs.length >>> 1, size)
  if (scratchHi.length < count) {
    scratchHi = new Uint32Array(count * 2)
    scratchLo = new Uint32Array(count * 2)
  }
  combineInto(pairs, size, scratchHi, scratchLo)
  return {hi: scratchHi, lo: scratchLo, count}
}

function shingleCount(tokens: number, size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`shingle size must be a positive integer, got ${size}`)
  return tokens === 0 ? 0 : Math.max(1, tokens - size + 1)
}

function combineInto(pairs: Uint32Array, size: number, hi: Uint32Array, lo: Uint32Array): void {
  const n = pairs.length >>> 1
  const count = shingleCount(n, size)
  const width = Math.min(size, n)
  for (let s = 0; s < count; s++) {
    // Position-dependent odd multipliers make the combination order-sensitive
    // ("a b c" and "c b a" differ); each half also takes in the other's bits.
    let h = width
    let l = ~width
    for (let k = 0; k < width; k++) {
      const th = pairs[2 * (s + k)]
      const tl = pairs[2 * (s + k) + 1]
      h = Math.imul(h ^ th, 0x01000193 + 2 * k) ^ (tl >>> 3)
      l = Math.imul(l ^ tl, 0x5bd1e995 + 2 * k) ^ (th >>> 5)
    }
    hi[s] = mix32(h ^ Math.imul(l, 0x27d4eb2f))
    lo[s] = mix32(l + h)
  }
}

// countDistinct's table, reused: a slot is taken when its stamp is the current call's.
let tableHi = new Uint32Array(1024)
let tableLo = new Uint32Array(1024)
let tableStamp = new Uint32Array(1024)
let stamp = 0

/** Number of distinct 64-bit values among the pairs (open addressing, no BigInt). */
export function countDistinct(hashes: ShingleHashes): number {
  const n = hashes.lo.length
  if (n === 0) return 0
  // Grow for a big text; after a huge one, shrink again rather than scatter small texts over a big table.
  if (tableStamp.length < n * 2 || (tableStamp.length > 1 << 16 && tableStamp.length > n * 32)) {
    let cap = 1024
    while (cap < n * 2) cap *= 2
    tableHi = new Uint32Array(cap)
    tableLo = new Uint32Array(cap)
    tableStamp = new Uint32Array(cap)
    stamp = 0
  }
  if (++stamp === 0x100000000) {
    tableStamp.fill(0)
    stamp = 1
  }
  const mask = tableStamp.length - 1
  let distinct = 0
  for (let i = 0; i < n; i++) {
    const h = hashes.hi[i]
    const l = hashes.lo[i]
    let slot = mix32(l ^ h) & mask
    while (tableStamp[slot] === stamp && (tableHi[slot] !== h || tableLo[slot] !== l)) slot = (slot + 1) & mask
    if (tableStamp[slot] !== stamp) {
      tableStamp[slot] = stamp
      tableHi[slot] = h
      tableLo[slot] = l
      distinct++
    }
  }
  return distinct
}

/** The set of hashed word shingles of a text (exact 64-bit values), for comparing short texts such as paragraphs. */
export function shingleSet(text: string, size = 5, seed: bigint = DEFAULT_SEED): Set<bigint> {
  const {hi, lo} = shingleHashes(tokenize(text), size, seed)
  const set = new Set<bigint>()
  for (let i = 0; i < lo.length; i++) set.add(joinHash64(hi[i], lo[i]))
  return set
}

/** Exact Jaccard similarity of two sets; two empty sets are identical (1). */
export function similarity<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1
  const shared = intersectionSize(a, b)
  return shared / (a.size + b.size - shared)
}

/** Same as {@link similarity}, by its usual name. */
export const jaccard = similarity

/** Share of `a` found in `b` (|a ∩ b| / |a|); an empty `a` is contained (1). */
export function containment<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0) return 1
  return intersectionSize(a, b) / a.size
}

function intersectionSize<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const value of small) if (large.has(value)) shared++
  return shared
}
