import {mix32} from './hash.js'

/**
 * b-bit MinHash (Li & König): keep only the low `bits` bits of each signature
 * value. Two unrelated values still agree with probability 2^-bits, which the
 * estimator corrects for; 4 bits cost a quarter of the memory of 16 for a
 * small loss of precision at the thresholds used for dedup.
 */
export type SketchBits = 1 | 2 | 4 | 8

/** Bytes a sketch of `count` values takes. */
export function sketchBytes(count: number, bits: SketchBits): number {
  return Math.ceil((count * bits) / 8)
}

/**
 * Pack `bits` bits of every value of a signature. The bits come from a mix of
 * the whole value: the least values of big sets share their high bits (zeros)
 * and their low bits follow the input's, so neither alone is random.
 */
export function toSketch(signature: Uint32Array, bits: SketchBits, out: Uint8Array = new Uint8Array(sketchBytes(signature.length, bits)), offset = 0): Uint8Array {
  const perByte = 8 / bits
  const mask = (1 << bits) - 1
  for (let i = 0; i < signature.length; i++) {
    const byte = offset + Math.floor(i / perByte)
    const shift = (i % perByte) * bits
    out[byte] = (out[byte] & ~(mask << shift)) | ((mix32(signature[i]) & mask) << shift)
  }
  return out
}

/** Number of values two packed sketches agree on. */
export function sketchMatches(a: Uint8Array, aOffset: number, b: Uint8Array, bOffset: number, count: number, bits: SketchBits): number {
  const bytes = sketchBytes(count, bits)
  let same = 0
  if (bits === 8) {
    for (let i = 0; i < bytes; i++) if (a[aOffset + i] === b[bOffset + i]) same++
    return same
  }
  const mask = (1 << bits) - 1
  const perByte = 8 / bits
  for (let i = 0; i < bytes; i++) {
    const x = a[aOffset + i] ^ b[bOffset + i]
    for (let k = 0; k < perByte; k++) if (((x >>> (k * bits)) & mask) === 0) same++
  }
  // Padding values in the last byte are zero in both: do not count them.
  return same - (bytes * perByte - count)
}

/** Jaccard estimate from `matches` agreeing b-bit values out of `count`, corrected for chance agreement. */
export function sketchJaccard(matches: number, count: number, bits: SketchBits): number {
  const chance = 1 / (1 << bits)
  return Math.max(0, Math.min(1, (matches / count - chance) / (1 - chance)))
}
