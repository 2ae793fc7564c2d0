import {CONT, IDEOGRAPHIC, START} from './char-class.js'
import * as w from './wasm-asm.js'
import {xxh64Function} from './xxh64-wasm.js'

/*
 * Finding and hashing words in WebAssembly, on a text written into the
 * module's memory as UTF-16 code units (the JS string's own form, copied
 * natively). Same words as wordSpans in tokenize.ts and same hashes as
 * xxhash-wasm; a JS loop over the characters cost twice as much.
 *
 * - findUnknown(units, from, to, table): the first unit whose flags in
 *   `table` (char-class.ts flags of the 65536 BMP code units) are 0, else `to`.
 *   JS classifies those before tokenize runs, which assumes none.
 * - tokenize(units, from, to, table, starts, ends, flags): the words of
 *   the range, as wordSpans finds them on a text without surrogates; their
 *   (start, end) unit offsets go to `starts` and `ends`, the AND of their
 *   characters' flags to `flags`. Returns the number of words.
 * - lineEnd(units, from, to): the first line break (\n, \r, U+2028, U+2029), else `to`.
 * - hashUnits(units, spans, n, out, seed, scratch): for n (start, end)
 *   pairs at `spans`, XXH64 of the UTF-8 form of those units (encoded into
 *   `scratch` as TextEncoder does: a lone surrogate as U+FFFD) to `out`,
 *   as (high, low) pairs.
 * - hashCollapsed(units, n, scratch, seed, out): XXH64 of the UTF-8 form of
 *   the text with every run of white space (\s) made one space and none at
 *   either end, to `out` as (high, low): hash64 of collapseSpace(text).
 */

const inc = (local: number, by = 1) => [...w.get(local), ...w.i32Const(by), w.I32_ADD, ...w.set(local)]
/** Push the code unit at index `i` of `units`. */
const unitAt = (units: number, i: number) => [...w.get(units), ...w.get(i), ...w.i32Const(1), w.I32_SHL, w.I32_ADD, ...w.i32Load16U()]
/** Push the table flags of the code unit at index `i`. */
const flagsAt = (units: number, i: number, table: number) => [...w.get(table), ...unitAt(units, i), w.I32_ADD, ...w.i32Load8U()]

// findUnknown(units, from, to, table) → index
const findUnknown: w.WasmFunction = {
  params: [w.I32, w.I32, w.I32, w.I32],
  results: [w.I32],
  locals: [],
  export: 'findUnknown',
  body: [
    w.block,
    w.loop,
    [...w.get(1), ...w.get(2), w.I32_GE_U, ...w.brIf(1)],
    [...flagsAt(0, 1, 3), w.I32_EQZ, ...w.brIf(1)],
    [...inc(1), ...w.br(0)],
    w.END,
    w.END,
    w.get(1)
  ]
}

// lineEnd(units, from, to) → index; a local holds the unit.
const lineEnd: w.WasmFunction = {
  params: [w.I32, w.I32, w.I32],
  results: [w.I32],
  locals: [[1, w.I32]],
  export: 'lineEnd',
  body: [
    w.block,
    w.loop,
    [...w.get(1), ...w.get(2), w.I32_GE_U, ...w.brIf(1)],
    [...unitAt(0, 1), ...w.set(3)],
    [...w.get(3), ...w.i32Const(10), w.I32_EQ, ...w.brIf(1)],
    [...w.get(3), ...w.i32Const(13), w.I32_EQ, ...w.brIf(1)],
    // U+2028 and U+2029: the unit with its low bit cleared is 0x2028.
    [...w.get(3), ...w.i32Const(0xfffe), w.I32_AND, ...w.i32Const(0x2028), w.I32_EQ, ...w.brIf(1)],
    [...inc(1), ...w.br(0)],
    w.END,
    w.END,
    w.get(1)
  ]
}

// tokenize(units, from, to, table, starts, ends, flagsOut) → count
const [UNITS, I, TO, TABLE, STARTS, ENDS, FLAGS_OUT, N, ALL, F, FIRST, WORD] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
/** Record the word [start, end) with the AND of its flags in `flags`. */
const emit = (start: number[], end: number[], flags: number) => [
  ...[...w.get(STARTS), ...w.get(N), ...w.i32Const(2), w.I32_SHL, w.I32_ADD, ...start, ...w.i32Store()],
  ...[...w.get(ENDS), ...w.get(N), ...w.i32Const(2), w.I32_SHL, w.I32_ADD, ...end, ...w.i32Store()],
  ...inc(N),
  ...[...w.get(ALL), ...w.get(flags), w.I32_AND, ...w.set(ALL)]
]

const tokenize: w.WasmFunction = {
  params: [w.I32, w.I32, w.I32, w.I32, w.I32, w.I32, w.I32],
  results: [w.I32],
  locals: [[5, w.I32]],
  export: 'tokenize',
  body: [
    [...w.i32Const(0xff), ...w.set(ALL)],
    w.block,
    w.loop, // over characters
    [...w.get(I), ...w.get(TO), w.I32_GE_U, ...w.brIf(1)],
    [...flagsAt(UNITS, I, TABLE), ...w.set(F)],
    [...w.get(F), ...w.i32Const(START), w.I32_AND],
    w.if_, // a word: letters and digits (not of a spaceless script) and marks continue it
    [...w.get(I), ...w.set(FIRST), ...w.get(F), ...w.set(WORD), ...inc(I)],
    w.block,
    w.loop,
    [...w.get(I), ...w.get(TO), w.I32_GE_U, ...w.brIf(1)],
    [...flagsAt(UNITS, I, TABLE), ...w.set(F)],
    [...w.get(F), ...w.i32Const(CONT), w.I32_AND, w.I32_EQZ, ...w.brIf(1)],
    [...w.get(WORD), ...w.get(F), w.I32_AND, ...w.set(WORD), ...inc(I), ...w.br(0)],
    w.END,
    w.END,
    emit(w.get(FIRST), w.get(I), WORD),
    w.ELSE, // a character of a spaceless script is a word by itself; anything else is skipped
    [...w.get(F), ...w.i32Const(IDEOGRAPHIC), w.I32_AND],
    w.if_,
    emit(w.get(I), [...w.get(I), ...w.i32Const(1), w.I32_ADD], F),
    w.END,
    inc(I),
    w.END,
    w.br(0),
    w.END,
    w.END,
    [...w.get(FLAGS_OUT), ...w.get(ALL), ...w.i32Store()],
    w.get(N)
  ]
}

/**
 * Write the UTF-8 form of the code unit in local `c` to scratch[b...], as
 * TextEncoder does: with the low surrogate at `p` (if before `end`) a high
 * one makes one 4-byte code point (then `p` moves past it); a lone
 * surrogate is written as U+FFFD. Uses local `low`.
 */
function encode(P: number, END: number, C: number, LOW: number, B: number): (number | number[])[] {
  const byte = (value: number[]) => [...w.get(B), ...value, ...w.i32Store8(), ...inc(B)]
  const tail = (shift: number) => byte([...w.get(C), ...w.i32Const(shift), w.I32_SHR_U, ...w.i32Const(0x3f), w.I32_AND, ...w.i32Const(0x80), w.I32_OR])
  const lead = (shift: number, mark: number) => byte([...w.get(C), ...w.i32Const(shift), w.I32_SHR_U, ...w.i32Const(mark), w.I32_OR])
  const highBeforeEnd = [...w.get(C), ...w.i32Const(0xfc00), w.I32_AND, ...w.i32Const(0xd800), w.I32_EQ, ...w.get(P), ...w.get(END), w.I32_LT_U, w.I32_AND]
  return [
    [...w.get(C), ...w.i32Const(0x80), w.I32_LT_U],
    w.if_,
    byte(w.get(C)),
    w.ELSE,
    [...w.get(C), ...w.i32Const(0x800), w.I32_LT_U],
    w.if_,
    [...lead(6, 0xc0), ...tail(0)],
    w.ELSE,
    [...w.i32Const(0), ...w.set(LOW), ...highBeforeEnd],
    w.if_,
    [...w.get(P), ...w.i32Load16U(), ...w.set(LOW)],
    w.END,
    [...w.get(LOW), ...w.i32Const(0xfc00), w.I32_AND, ...w.i32Const(0xdc00), w.I32_EQ],
    w.if_,
    // c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00)
    [...w.get(C), ...w.i32Const(0xd800), w.I32_SUB, ...w.i32Const(10), w.I32_SHL, ...w.get(LOW), w.I32_ADD, ...w.i32Const(0x10000 - 0xdc00), w.I32_ADD, ...w.set(C)],
    [...inc(P, 2), ...lead(18, 0xf0), ...tail(12), ...tail(6), ...tail(0)],
    w.ELSE,
    [...w.get(C), ...w.i32Const(0xf800), w.I32_AND, ...w.i32Const(0xd800), w.I32_EQ],
    w.if_,
    [...w.i32Const(0xfffd), ...w.set(C)],
    w.END,
    [...lead(12, 0xe0), ...tail(6), ...tail(0)],
    w.END,
    w.END,
    w.END
  ]
}

/** Store the i64 in local `hash` at `out` as (high, low) halves. */
const storeHash = (OUT: number, HASH: number) => [
  ...[...w.get(OUT), ...w.get(HASH), ...w.i64Const(32n), w.I64_SHR_U, w.I32_WRAP_I64, ...w.i32Store(0)],
  ...[...w.get(OUT), ...w.get(HASH), w.I32_WRAP_I64, ...w.i32Store(4)]
]

// hashUnits(units, spans, n, out, seed, scratch): parameters then locals.
const [HU, SPANS, HN, OUT, SEED, SCRATCH, P, END, B, C, LOW, HASH] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]

const hashUnits: w.WasmFunction = {
  params: [w.I32, w.I32, w.I32, w.I32, w.I64, w.I32],
  results: [],
  locals: [
    [5, w.I32],
    [1, w.I64]
  ],
  export: 'hashUnits',
  body: [
    w.block,
    w.loop, // over spans
    [...w.get(HN), w.I32_EQZ, ...w.brIf(1)],
    // p, end: byte addresses of the span's units
    [...w.get(HU), ...w.get(SPANS), ...w.i32Load(0), ...w.i32Const(1), w.I32_SHL, w.I32_ADD, ...w.set(P)],
    [...w.get(HU), ...w.get(SPANS), ...w.i32Load(4), ...w.i32Const(1), w.I32_SHL, w.I32_ADD, ...w.set(END)],
    [...w.get(SCRATCH), ...w.set(B)],
    w.block,
    w.loop, // UTF-16 → UTF-8
    [...w.get(P), ...w.get(END), w.I32_GE_U, ...w.brIf(1)],
    [...w.get(P), ...w.i32Load16U(), ...w.set(C), ...inc(P, 2)],
    ...encode(P, END, C, LOW, B),
    w.br(0),
    w.END,
    w.END,
    [...w.get(SCRATCH), ...w.get(B), ...w.get(SCRATCH), w.I32_SUB, ...w.get(SEED), ...w.call(0), ...w.set(HASH)],
    storeHash(OUT, HASH),
    [...inc(SPANS, 8), ...inc(OUT, 8)],
    [...w.get(HN), ...w.i32Const(1), w.I32_SUB, ...w.set(HN), ...w.br(0)],
    w.END,
    w.END
  ]
}

// hashCollapsed(units, n, scratch, seed, out): parameters then locals.
const [CU, CN, CSCRATCH, CSEED, COUT, CP, CEND, CB, CC, CLOW, PENDING, CHASH] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
/** Push 1 if the unit in local `c` is white space as \s matches it, else 0. */
const isSpace = [
  ...[...w.get(CC), ...w.i32Const(0xa0), w.I32_LT_U],
  ...w.ifI32,
  ...[...w.get(CC), ...w.i32Const(0x20), w.I32_EQ, ...w.get(CC), ...w.i32Const(9), w.I32_SUB, ...w.i32Const(5), w.I32_LT_U, w.I32_OR],
  w.ELSE,
  ...[...w.get(CC), ...w.i32Const(0xa0), w.I32_EQ, ...w.get(CC), ...w.i32Const(0x1680), w.I32_EQ, w.I32_OR],
  ...[...w.get(CC), ...w.i32Const(0x2000), w.I32_SUB, ...w.i32Const(11), w.I32_LT_U, w.I32_OR],
  ...[...w.get(CC), ...w.i32Const(0xfffe), w.I32_AND, ...w.i32Const(0x2028), w.I32_EQ, w.I32_OR],
  ...[...w.get(CC), ...w.i32Const(0x202f), w.I32_EQ, w.I32_OR, ...w.get(CC), ...w.i32Const(0x205f), w.I32_EQ, w.I32_OR],
  ...[...w.get(CC), ...w.i32Const(0x3000), w.I32_EQ, w.I32_OR, ...w.get(CC), ...w.i32Const(0xfeff), w.I32_EQ, w.I32_OR],
  w.END
]

const hashCollapsed: w.WasmFunction = {
  params: [w.I32, w.I32, w.I32, w.I64, w.I32],
  results: [],
  locals: [
    [6, w.I32],
    [1, w.I64]
  ],
  export: 'hashCollapsed',
  body: [
    [...w.get(CU), ...w.set(CP), ...w.get(CU), ...w.get(CN), ...w.i32Const(1), w.I32_SHL, w.I32_ADD, ...w.set(CEND)],
    [...w.get(CSCRATCH), ...w.set(CB)],
    w.block,
    w.loop,
    [...w.get(CP), ...w.get(CEND), w.I32_GE_U, ...w.brIf(1)],
    [...w.get(CP), ...w.i32Load16U(), ...w.set(CC), ...inc(CP, 2)],
    isSpace,
    w.if_,
    // A run of white space is one space, and none at either end.
    [...w.i32Const(1), ...w.set(PENDING)],
    w.ELSE,
    [...w.get(PENDING), ...w.get(CB), ...w.get(CSCRATCH), w.I32_NE, w.I32_AND],
    w.if_,
    [...w.get(CB), ...w.i32Const(0x20), ...w.i32Store8(), ...inc(CB)],
    w.END,
    [...w.i32Const(0), ...w.set(PENDING)],
    ...encode(CP, CEND, CC, CLOW, CB),
    w.END,
    w.br(0),
    w.END,
    w.END,
    [...w.get(CSCRATCH), ...w.get(CB), ...w.get(CSCRATCH), w.I32_SUB, ...w.get(CSEED), ...w.call(0), ...w.set(CHASH)],
    storeHash(COUT, CHASH)
  ]
}

/** The kernel, or undefined where WebAssembly cannot run it. */
export const wordKernel = w.instantiate<{
  findUnknown(units: number, from: number, to: number, table: number): number
  lineEnd(units: number, from: number, to: number): number
  tokenize(units: number, from: number, to: number, table: number, starts: number, ends: number, flags: number): number
  hashUnits(units: number, spans: number, n: number, out: number, seed: bigint, scratch: number): void
  hashCollapsed(units: number, n: number, scratch: number, seed: bigint, out: number): void
}>(w.assemble([xxh64Function, findUnknown, lineEnd, tokenize, hashUnits, hashCollapsed]))
