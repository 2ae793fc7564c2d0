import {DEFAULT_SEED, hash64, joinHash64, mix32} from './hash.js'
import {tokenize} from './tokenize.js'

const wide = new BigUint64Array(1)
const halves = new Uint32Array(wide.buffer)
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1
const HI = littleEndian ? 1 : 0
const LO = littleEndian ? 0 : 1

/** 64-bit hashes of the shingles of a text, as parallel halves (may repeat). */
export interface ShingleHashes {
  hi: Uint32Array
  lo: Uint32Array
}

/**
 * Hash every run of `size` consecutive tokens. A text shorter than `size`
 * tokens gives one shingle of all its tokens, so short texts still compare.
 *
 * Each distinct token is hashed once with xxHash64; a shingle's hash
 * combines its tokens' halves with 32-bit multiplies, far cheaper than
 * hashing every shingle's string, and keeps 64 bits.
 */
export function shingleHashes(tokens: readonly string[], size: number, seed: bigint = DEFAULT_SEED): ShingleHashes {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`shingle size must be a positive integer, got ${size}`)
  const count = tokens.length === 0 ? 0 : Math.max(1, tokens.length - size + 1)
  const th = new Uint32Array(tokens.length)
  const tl = new Uint32Array(tokens.length)
  const known = new Map<string, number>()
  for (let i = 0; i < tokens.length; i++) {
    const seen = known.get(tokens[i])
    if (seen !== undefined) {
      th[i] = th[seen]
      tl[i] = tl[seen]
      continue
    }
    known.set(tokens[i], i)
    // Through a shared 8-byte buffer: no BigInt shifts or masks allocated per token.
    wide[0] = hash64(tokens[i], seed)
    th[i] = halves[HI]
    tl[i] = halves[LO]
  }
  const hi = new Uint32Array(count)
  const lo = new Uint32Array(count)
  const width = Math.min(size, tokens.length)
  for (let s = 0; s < count; s++) {
    // Position-dependent odd multipliers make the combination order-sensitive
    // ("a b c" and "c b a" differ); each half also takes in the other's bits.
    let h = width
    let l = ~width
    for (let k = 0; k < width; k++) {
      h = Math.imul(h ^ th[s + k], 0x01000193 + 2 * k) ^ (tl[s + k] >>> 3)
      l = Math.imul(l ^ tl[s + k], 0x5bd1e995 + 2 * k) ^ (th[s + k] >>> 5)
    }
    hi[s] = mix32(h ^ Math.imul(l, 0x27d4eb2f))
    lo[s] = mix32(l + h)
  }
  return {hi, lo}
}

/** Number of distinct 64-bit values among the pairs (open addressing, no BigInt). */
export function countDistinct(hashes: ShingleHashes): number {
  const n = hashes.lo.length
  if (n === 0) return 0
  let cap = 16
  while (cap < n * 2) cap *= 2
  const mask = cap - 1
  const used = new Uint8Array(cap)
  const th = new Uint32Array(cap)
  const tl = new Uint32Array(cap)
  let distinct = 0
  for (let i = 0; i < n; i++) {
    const h = hashes.hi[i]
    const l = hashes.lo[i]
    let slot = mix32(l ^ h) & mask
    while (used[slot] === 1 && (th[slot] !== h || tl[slot] !== l)) slot = (slot + 1) & mask
    if (used[slot] === 0) {
      used[slot] = 1
      th[slot] = h
      tl[slot] = l
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
