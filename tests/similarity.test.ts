import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {
  containment,
  containmentFromJaccard,
  countDistinct,
  estimateJaccard,
  foldText,
  hash64,
  hash64Hex,
  joinHash64,
  minhash,
  normalizeBody,
  pairToHex,
  permutations,
  shingleHashes,
  shingleSet,
  similarity,
  sketchJaccard,
  sketchMatches,
  splitHash64,
  tokenize,
  toSketch
} from '../src/similarity/index.js'

const M = (1n << 64n) - 1n
const P1 = 11400714785074694791n
const P2 = 14029467366897019727n
const P3 = 1609587929392839161n
const P4 = 9650029242287828579n
const P5 = 2870177450012600261n
const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (64n - r))) & M
const round = (acc: bigint, lane: bigint) => (rotl((acc + lane * P2) & M, 31n) * P1) & M
const merge = (acc: bigint, v: bigint) => (((acc ^ round(0n, v)) * P1 + P4) & M)

/** XXH64 straight from the specification, in BigInt: slow, but an independent reference. */
function xxh64Reference(bytes: Uint8Array, seed: bigint): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const len = bytes.length
  let i = 0
  let h: bigint
  if (len >= 32) {
    let v1 = (seed + P1 + P2) & M
    let v2 = (seed + P2) & M
    let v3 = seed
    let v4 = (seed - P1) & M
    for (; i + 32 <= len; i += 32) {
      v1 = round(v1, view.getBigUint64(i, true))
      v2 = round(v2, view.getBigUint64(i + 8, true))
      v3 = round(v3, view.getBigUint64(i + 16, true))
      v4 = round(v4, view.getBigUint64(i + 24, true))
    }
    h = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & M
    for (const v of [v1, v2, v3, v4]) h = merge(h, v)
  } else h = (seed + P5) & M
  h = (h + BigInt(len)) & M
  for (; i + 8 <= len; i += 8) h = (rotl(h ^ round(0n, view.getBigUint64(i, true)), 27n) * P1 + P4) & M
  if (i + 4 <= len) {
    h = (rotl(h ^ ((BigInt(view.getUint32(i, true)) * P1) & M), 23n) * P2 + P3) & M
    i += 4
  }
  for (; i < len; i++) h = (rotl(h ^ ((BigInt(bytes[i]) * P5) & M), 11n) * P1) & M
  h = ((h ^ (h >> 33n)) * P2) & M
  h = ((h ^ (h >> 29n)) * P3) & M
  return h ^ (h >> 32n)
}

describe('64-bit hashing', () => {
  it('matches published xxHash64 vectors', () => {
    expect(hash64Hex('', 0n)).toBe('ef46db3751d8e999')
    expect(hash64Hex('a', 0n)).toBe('d24ec4f1a98c6e5b')
    expect(hash64Hex('abc', 0n)).toBe('44bc2cf5ad770999')
  })

  it('matches a reference XXH64 for any text and seed, with all 64 bits', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme', maxLength: 80}), fc.bigInt({min: 0n, max: M}), (text, seed) => {
        expect(hash64(text, seed)).toBe(xxh64Reference(new TextEncoder().encode(text), seed))
      }),
      {seed: 42, numRuns: 300}
    )
  })

  it('splits and joins 64-bit values without loss, beyond 2^53', () => {
    fc.assert(
      fc.property(fc.bigInt({min: 0n, max: M}), (value) => {
        const {hi, lo} = splitHash64(value)
        expect(joinHash64(hi, lo)).toBe(value)
        expect(pairToHex(hi, lo)).toBe(value.toString(16).padStart(16, '0'))
      }),
      {seed: 7}
    )
    expect(joinHash64(0xffffffff, 0xffffffff)).toBe(M)
  })
})

describe('tokens and shingles', () => {
  it('lower-cases, applies NFKC, splits CJK by character and keeps marks', () => {
    expect(tokenize('Ｆｕｌｌ-width ﬁne CAFÉ 東京 naïve don’t')).toEqual(['full', 'width', 'fine', 'café', '東', '京', 'naïve', 'don', 't'])
    expect(foldText('  Hello,\n  WORLD!  ')).toBe('hello world')
    expect(normalizeBody(' a \n\n b\t c ')).toBe('a b c')
  })

  it('hashes shingles by order and content; a short text is one shingle', () => {
    const forward = shingleHashes(['a', 'b', 'c'], 3)
    const backward = shingleHashes(['c', 'b', 'a'], 3)
    expect(forward.lo.length).toBe(1)
    expect([forward.hi[0], forward.lo[0]]).not.toEqual([backward.hi[0], backward.lo[0]])
    expect(shingleHashes(['a', 'b'], 5).lo.length).toBe(1)
    expect(shingleHashes([], 5).lo.length).toBe(0)
    expect(countDistinct(shingleHashes('x y x y x y'.split(' '), 2))).toBe(2)
  })

  it('gives exact Jaccard and containment on shingle sets', () => {
    const a = shingleSet('one two three four five six', 2)
    const b = shingleSet('one two three four seven eight', 2)
    // a: 5 bigrams, b: 5 bigrams, shared: "one two", "two three", "three four".
    expect(similarity(a, b)).toBeCloseTo(3 / 7)
    expect(containment(shingleSet('one two three', 2), a)).toBe(1)
    expect(similarity(new Set(), new Set())).toBe(1)
  })
})

describe('MinHash', () => {
  const words = (n: number, offset: number) => Array.from({length: n}, (_, i) => `w${i + offset}`)

  it('estimates Jaccard within a few points of the exact value', () => {
    const params = permutations(256, 3)
    fc.assert(
      fc.property(fc.integer({min: 0, max: 300}), (shift) => {
        const a = words(400, 0)
        const b = words(400, shift)
        const exact = similarity(shingleSet(a.join(' '), 1), shingleSet(b.join(' '), 1))
        const estimate = estimateJaccard(minhash(shingleHashes(a, 1), params), minhash(shingleHashes(b, 1), params))
        expect(Math.abs(estimate - exact)).toBeLessThan(0.12)
      }),
      {seed: 11, numRuns: 40}
    )
  })

  it('derives the same permutations and signature every time', () => {
    const text = words(50, 0)
    expect(minhash(shingleHashes(text, 3), permutations(64, 9))).toEqual(minhash(shingleHashes(text, 3), permutations(64, 9)))
    expect(permutations(8, 1)).not.toEqual(permutations(8, 2))
  })

  it('packs b-bit sketches and corrects for chance agreement', () => {
    const sig = Uint32Array.from({length: 1024}, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0)
    const other = sig.map((v) => v ^ 0x10000)
    const a = toSketch(sig, 4)
    expect(a.length).toBe(512)
    expect(sketchMatches(a, 0, toSketch(sig, 4), 0, 1024, 4)).toBe(1024)
    // Every value differs: agreement is chance only, about 1/16 of 1024.
    const chance = sketchMatches(a, 0, toSketch(other, 4), 0, 1024, 4)
    expect(chance).toBeGreaterThan(30)
    expect(chance).toBeLessThan(100)
    expect(sketchJaccard(1024, 1024, 4)).toBe(1)
    expect(sketchJaccard(64, 1024, 4)).toBeCloseTo(0)
    // An odd count leaves padding in the last byte, which must not count.
    expect(sketchMatches(toSketch(sig.subarray(0, 3), 4), 0, toSketch(other.subarray(0, 3), 4), 0, 3, 4)).toBeLessThanOrEqual(3)
  })

  it('turns Jaccard and sizes into containment of the smaller set', () => {
    // A ⊂ B with |A| = 100, |B| = 400: J = 0.25, all of A is in B.
    expect(containmentFromJaccard(0.25, 100, 400)).toBeCloseTo(1)
    expect(containmentFromJaccard(0, 100, 400)).toBe(0)
  })
})
