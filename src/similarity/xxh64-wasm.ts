import * as w from './wasm-asm.js'

/*
 * XXH64 (https://github.com/Cyan4973/xxHash, the 64-bit variant) as a
 * WebAssembly function, for the word kernel to call on each word. Same
 * values as xxhash-wasm: the tests check both against a BigInt reference.
 */

const P1 = 0x9e3779b185ebca87n
const P2 = 0xc2b2ae3d27d4eb4fn
const P3 = 0x165667b19e3779f9n
const P4 = 0x85ebca77c2b2ae63n
const P5 = 0x27d4eb2f165667c5n

// xxh64(p, len, seed): parameters then locals.
const [P, LEN, SEED, END, LIMIT, V1, V2, V3, V4, H] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]

const c = w.i64Const
/** round(acc, input) = rotl(acc + input·P2, 31)·P1, both operands already pushed. */
const ROUND = [...c(P2), w.I64_MUL, w.I64_ADD, ...c(31n), w.I64_ROTL, ...c(P1), w.I64_MUL]
/** v = round(v, the 8 bytes at p + offset) */
const lane = (v: number, offset: number) => [...w.get(v), ...w.get(P), ...w.i64Load(offset), ...ROUND, ...w.set(v)]
/** h = (h ^ round(0, v))·P1 + P4 */
const merge = (v: number) => [...w.get(H), ...c(0n), ...w.get(v), ...ROUND, w.I64_XOR, ...c(P1), w.I64_MUL, ...c(P4), w.I64_ADD, ...w.set(H)]
const rotl = (v: number, r: bigint) => [...w.get(v), ...c(r), w.I64_ROTL]
const advance = (bytes: number) => [...w.get(P), ...w.i32Const(bytes), w.I32_ADD, ...w.set(P)]
/** h ^= h >> shift */
const xorShift = (shift: bigint) => [...w.get(H), ...w.get(H), ...c(shift), w.I64_SHR_U, w.I64_XOR, ...w.set(H)]
/** h *= prime */
const times = (prime: bigint) => [...w.get(H), ...c(prime), w.I64_MUL, ...w.set(H)]

/** xxh64(p, len, seed) → the XXH64 of the `len` bytes at `p`. */
export const xxh64Function: w.WasmFunction = {
  params: [w.I32, w.I32, w.I64],
  results: [w.I64],
  locals: [
    [2, w.I32],
    [5, w.I64]
  ],
  body: [
    [...w.get(P), ...w.get(LEN), w.I32_ADD, ...w.set(END)],
    [...w.get(LEN), ...w.i32Const(32), w.I32_GE_U],
    w.if_,
    [...w.get(END), ...w.i32Const(32), w.I32_SUB, ...w.set(LIMIT)],
    [...w.get(SEED), ...c(P1 + P2), w.I64_ADD, ...w.set(V1)],
    [...w.get(SEED), ...c(P2), w.I64_ADD, ...w.set(V2)],
    [...w.get(SEED), ...w.set(V3)],
    [...w.get(SEED), ...c(P1), w.I64_SUB, ...w.set(V4)],
    w.loop, // 32-byte stripes
    [...lane(V1, 0), ...lane(V2, 8), ...lane(V3, 16), ...lane(V4, 24), ...advance(32)],
    [...w.get(P), ...w.get(LIMIT), w.I32_LE_U, ...w.brIf(0)],
    w.END,
    [...rotl(V1, 1n), ...rotl(V2, 7n), w.I64_ADD, ...rotl(V3, 12n), w.I64_ADD, ...rotl(V4, 18n), w.I64_ADD, ...w.set(H)],
    [...merge(V1), ...merge(V2), ...merge(V3), ...merge(V4)],
    w.ELSE,
    [...w.get(SEED), ...c(P5), w.I64_ADD, ...w.set(H)],
    w.END,
    [...w.get(H), ...w.get(LEN), w.I64_EXTEND_I32_U, w.I64_ADD, ...w.set(H)],
    w.block,
    w.loop, // 8-byte lanes: h = rotl(h ^ round(0, lane), 27)·P1 + P4
    [...w.get(P), ...w.i32Const(8), w.I32_ADD, ...w.get(END), w.I32_GT_U, ...w.brIf(1)],
    [...w.get(H), ...c(0n), ...w.get(P), ...w.i64Load(), ...ROUND, w.I64_XOR, ...c(27n), w.I64_ROTL],
    [...c(P1), w.I64_MUL, ...c(P4), w.I64_ADD, ...w.set(H), ...advance(8), ...w.br(0)],
    w.END,
    w.END,
    [...w.get(P), ...w.i32Const(4), w.I32_ADD, ...w.get(END), w.I32_LE_U],
    w.if_, // a 4-byte lane: h = rotl(h ^ lane·P1, 23)·P2 + P3
    [...w.get(H), ...w.get(P), ...w.i64Load32U(), ...c(P1), w.I64_MUL, w.I64_XOR, ...c(23n), w.I64_ROTL],
    [...c(P2), w.I64_MUL, ...c(P3), w.I64_ADD, ...w.set(H), ...advance(4)],
    w.END,
    w.block,
    w.loop, // bytes: h = rotl(h ^ byte·P5, 11)·P1
    [...w.get(P), ...w.get(END), w.I32_GE_U, ...w.brIf(1)],
    [...w.get(H), ...w.get(P), ...w.i64Load8U(), ...c(P5), w.I64_MUL, w.I64_XOR, ...c(11n), w.I64_ROTL],
    [...c(P1), w.I64_MUL, ...w.set(H), ...advance(1), ...w.br(0)],
    w.END,
    w.END,
    [...xorShift(33n), ...times(P2), ...xorShift(29n), ...times(P3), ...xorShift(32n)],
    w.get(H)
  ]
}
