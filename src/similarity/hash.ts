import xxhash from 'xxhash-wasm'

/**
 * xxHash, loaded once per module instance. Top-level await keeps every caller
 * synchronous; worker threads each instantiate their own (tiny) wasm module.
 */
const api = await xxhash()

/** Seed of every decruft hash unless one is given; changing it changes every signature. */
export const DEFAULT_SEED = 0x6465637275667400n // "decruft\0"

const MASK32 = 0xffffffffn

/** xxHash64 of the UTF-8 bytes of `text`, exact as a BigInt. */
export function hash64(text: string, seed: bigint = DEFAULT_SEED): bigint {
  return api.h64(text, BigInt.asUintN(64, seed))
}

/** xxHash64 of raw bytes, exact as a BigInt. */
export function hash64Bytes(bytes: Uint8Array, seed: bigint = DEFAULT_SEED): bigint {
  return api.h64Raw(bytes, BigInt.asUintN(64, seed))
}

/** xxHash64 as 16 lower-case hex digits (zero-padded, so strings compare like the numbers). */
export function hash64Hex(text: string, seed: bigint = DEFAULT_SEED): string {
  return hash64(text, seed).toString(16).padStart(16, '0')
}

/** xxHash32 of the UTF-8 bytes of `text`, as an unsigned number. */
export function hash32(text: string, seed = 0): number {
  return api.h32(text, seed >>> 0) >>> 0
}

/** A 64-bit value as two unsigned 32-bit halves: numbers stay exact, unlike a double. */
export interface Hash64Pair {
  hi: number
  lo: number
}

/** Split a 64-bit BigInt into its halves. */
export function splitHash64(value: bigint): Hash64Pair {
  return {hi: Number((value >> 32n) & MASK32), lo: Number(value & MASK32)}
}

/** Join two unsigned 32-bit halves into a 64-bit BigInt. */
export function joinHash64(hi: number, lo: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)
}

/** Hex form of a pair, same as {@link hash64Hex} of the joined value. */
export function pairToHex(hi: number, lo: number): string {
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0')
}

/**
 * 32-bit finalizer (the murmur3 fmix32 constants): a bijection on uint32, so
 * distinct inputs stay distinct while the bits get well mixed.
 */
export function mix32(x: number): number {
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

/** Incremental xxHash64 over several byte chunks (for checksumming files written in parts). */
export function createHash64(seed: bigint = DEFAULT_SEED): {update(bytes: Uint8Array): void; digest(): bigint} {
  const state = api.create64(BigInt.asUintN(64, seed))
  return {
    update(bytes) {
      state.update(bytes)
    },
    digest: () => state.digest()
  }
}
