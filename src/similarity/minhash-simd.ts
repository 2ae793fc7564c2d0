import * as w from './wasm-asm.js'

/*
 * MinHash in WebAssembly SIMD: four permutations per 128-bit lane group,
 * eight per pass over the shingles. The arithmetic is the scalar one
 * (wrapping 32-bit multiply and add, unsigned minimum), so the values are
 * identical; it runs about ten times faster than the plain JS loop.
 *
 * Memory layout, per call: at 0 the parameters in blocks of eight
 * permutations (a0-3, b0-3, c0-3, a4-7, b4-7, c4-7: 96 bytes a block), then
 * one 32-byte output block per parameter block, then the low halves, then
 * the high halves of the shingle hashes.
 */

// minhash(params, blocks, lo, hi, n, out): parameters 0-5, then locals.
const [PARAMS, BLOCKS, LO, HI, BYTES, OUT, OFF] = [0, 1, 2, 3, 4, 5, 6]
const [A0, B0, C0, M0, A1, B1, C1, M1, X, Y] = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16]

/** m = min_u(m, a·x + b·y + c) for one group of four permutations. */
const step = (a: number, b: number, c: number, m: number) => [
  ...[...w.get(m), ...w.get(a), ...w.get(X), ...w.I32X4_MUL, ...w.get(b), ...w.get(Y), ...w.I32X4_MUL, ...w.I32X4_ADD],
  ...[...w.get(c), ...w.I32X4_ADD, ...w.I32X4_MIN_U, ...w.set(m)]
]

const load = (offset: number, local: number) => [...w.get(PARAMS), ...w.v128Load(offset), ...w.set(local)]

const kernel = w.instantiate<{minhash(params: number, blocks: number, lo: number, hi: number, n: number, out: number): void}>(
  w.assemble([
    {
      params: [w.I32, w.I32, w.I32, w.I32, w.I32, w.I32],
      results: [],
      locals: [
        [1, w.I32],
        [10, w.V128]
      ],
      export: 'minhash',
      body: [
        [...w.get(BYTES), ...w.i32Const(2), w.I32_SHL, ...w.set(BYTES)], // n → bytes of one half array
        w.block,
        w.loop, // over parameter blocks
        [...w.get(BLOCKS), w.I32_EQZ, ...w.brIf(1)],
        [...load(0, A0), ...load(16, B0), ...load(32, C0), ...load(48, A1), ...load(64, B1), ...load(80, C1)],
        [...w.v128Ones, ...w.set(M0), ...w.v128Ones, ...w.set(M1), ...w.i32Const(0), ...w.set(OFF)],
        w.block,
        [...w.get(BYTES), w.I32_EQZ, ...w.brIf(0)],
        w.loop, // over shingles
        [...w.get(LO), ...w.get(OFF), w.I32_ADD, ...w.i32Load(), ...w.I32X4_SPLAT, ...w.set(X)],
        [...w.get(HI), ...w.get(OFF), w.I32_ADD, ...w.i32Load(), ...w.I32X4_SPLAT, ...w.set(Y)],
        step(A0, B0, C0, M0),
        step(A1, B1, C1, M1),
        [...w.get(OFF), ...w.i32Const(4), w.I32_ADD, ...w.set(OFF)],
        [...w.get(OFF), ...w.get(BYTES), w.I32_LT_U, ...w.brIf(0)],
        w.END,
        w.END,
        [...w.get(OUT), ...w.get(M0), ...w.v128Store(0), ...w.get(OUT), ...w.get(M1), ...w.v128Store(16)],
        [...w.get(PARAMS), ...w.i32Const(96), w.I32_ADD, ...w.set(PARAMS)],
        [...w.get(OUT), ...w.i32Const(32), w.I32_ADD, ...w.set(OUT)],
        [...w.get(BLOCKS), ...w.i32Const(1), w.I32_SUB, ...w.set(BLOCKS)],
        w.br(0),
        w.END,
        w.END
      ]
    }
  ])
)

/** Whether the SIMD kernel is available (every Node the project supports has it). */
export const simdAvailable = kernel !== undefined

/**
 * MinHash of the shingles (`lo`, `hi`, their first `n` values) under the
 * permutations `params` (a, b, c triples), into `signature`.
 */
export function minhashSimd(lo: Uint32Array, hi: Uint32Array, n: number, params: Uint32Array, signature: Uint32Array): void {
  if (!kernel) throw new Error('WebAssembly SIMD is not available')
  const count = params.length / 3
  const blocks = Math.ceil(count / 8)
  const outAt = blocks * 96
  const loAt = outAt + blocks * 32
  const hiAt = loAt + n * 4
  w.ensureMemory(kernel.memory, hiAt + n * 4)
  const words = new Uint32Array(kernel.memory.buffer)
  // Parameters, transposed into blocks (the padding of the last block computes values nobody reads).
  words.fill(0, 0, outAt / 4)
  for (let p = 0; p < count; p++) {
    const base = (p >>> 3) * 24 + (p & 4 ? 12 : 0) + (p & 3)
    words[base] = params[p * 3]
    words[base + 4] = params[p * 3 + 1]
    words[base + 8] = params[p * 3 + 2]
  }
  words.set(n === lo.length ? lo : lo.subarray(0, n), loAt / 4)
  words.set(n === hi.length ? hi : hi.subarray(0, n), hiAt / 4)
  kernel.minhash(0, blocks, loAt, hiAt, n, outAt)
  signature.set(words.subarray(outAt / 4, outAt / 4 + count))
}
