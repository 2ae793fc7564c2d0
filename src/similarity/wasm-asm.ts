/*
 * Just enough of a WebAssembly assembler for the two small kernels of this
 * folder (MinHash, word hashing): they are written out instruction by
 * instruction in TypeScript, reviewable, rather than shipped as opaque bytes.
 */

/** Value types. */
export const I32 = 0x7f
export const I64 = 0x7e
export const V128 = 0x7b

/** Unsigned LEB128. */
export function leb(value: number): number[] {
  const out: number[] = []
  do {
    let byte = value & 0x7f
    value >>>= 7
    if (value !== 0) byte |= 0x80
    out.push(byte)
  } while (value !== 0)
  return out
}

/** Signed LEB128, what i32.const and i64.const take. */
export function sleb(value: bigint): number[] {
  const out: number[] = []
  for (;;) {
    const byte = Number(value & 0x7fn)
    value >>= 7n
    if ((value === 0n && !(byte & 0x40)) || (value === -1n && byte & 0x40)) {
      out.push(byte)
      return out
    }
    out.push(byte | 0x80)
  }
}

// Control and variables.
export const block = [0x02, 0x40]
export const loop = [0x03, 0x40]
export const if_ = [0x04, 0x40]
/** An if whose branches each leave an i32. */
export const ifI32 = [0x04, 0x7f]
export const ELSE = 0x05
export const END = 0x0b
export const return_ = 0x0f
export const br = (depth: number) => [0x0c, depth]
export const brIf = (depth: number) => [0x0d, depth]
export const call = (index: number) => [0x10, index]
export const get = (local: number) => [0x20, local]
export const set = (local: number) => [0x21, local]

// Memory: opcode, alignment (log2), offset.
export const i32Load = (offset = 0) => [0x28, 2, ...leb(offset)]
export const i64Load = (offset = 0) => [0x29, 0, ...leb(offset)]
export const i32Load8U = (offset = 0) => [0x2d, 0, ...leb(offset)]
export const i32Load16U = (offset = 0) => [0x2f, 1, ...leb(offset)]
export const i64Load8U = (offset = 0) => [0x31, 0, ...leb(offset)]
export const i64Load32U = (offset = 0) => [0x35, 0, ...leb(offset)]
export const i32Store = (offset = 0) => [0x36, 2, ...leb(offset)]
export const i32Store8 = (offset = 0) => [0x3a, 0, ...leb(offset)]

// Numbers.
export const i32Const = (value: number) => [0x41, ...sleb(BigInt(value))]
/** i64.const of a value read as unsigned (mod 2^64). */
export const i64Const = (value: bigint) => [0x42, ...sleb(BigInt.asIntN(64, value))]
export const I32_EQZ = 0x45
export const I32_EQ = 0x46
export const I32_NE = 0x47
export const I32_LT_U = 0x49
export const I32_GT_U = 0x4b
export const I32_LE_U = 0x4d
export const I32_GE_U = 0x4f
export const I32_ADD = 0x6a
export const I32_SUB = 0x6b
export const I32_AND = 0x71
export const I32_OR = 0x72
export const I32_SHL = 0x74
export const I32_SHR_U = 0x76
export const I64_ADD = 0x7c
export const I64_SUB = 0x7d
export const I64_MUL = 0x7e
export const I64_XOR = 0x85
export const I64_SHR_U = 0x88
export const I64_ROTL = 0x89
export const I32_WRAP_I64 = 0xa7
export const I64_EXTEND_I32_U = 0xad

// SIMD.
export const v128Load = (offset = 0) => [0xfd, 0x00, 4, ...leb(offset)]
export const v128Store = (offset = 0) => [0xfd, 0x0b, 4, ...leb(offset)]
export const v128Ones = [0xfd, 0x0c, ...new Array<number>(16).fill(0xff)]
export const I32X4_SPLAT = [0xfd, 0x11]
export const I32X4_ADD = [0xfd, 0xae, 0x01]
export const I32X4_MUL = [0xfd, 0xb5, 0x01]
export const I32X4_MIN_U = [0xfd, 0xb7, 0x01]

/** One function of a module. */
export interface WasmFunction {
  params: number[]
  results: number[]
  /** Local variables after the parameters: [count, type] runs. */
  locals: [number, number][]
  /** Instructions, without the final `end`. */
  body: (number | number[])[]
  /** Export name, if exported. */
  export?: string
}

function section(id: number, body: number[]): number[] {
  return [id, ...leb(body.length), ...body]
}

function name(text: string): number[] {
  return [...leb(text.length), ...[...text].map((c) => c.charCodeAt(0))]
}

/** A module of `functions` (each with its own type) and one exported memory named `memory`. */
export function assemble(functions: WasmFunction[]): Uint8Array {
  const types = functions.flatMap((f) => [0x60, ...leb(f.params.length), ...f.params, ...leb(f.results.length), ...f.results])
  const exported = functions.flatMap((f, i) => (f.export ? [...name(f.export), 0x00, ...leb(i)] : []))
  const bodies = functions.flatMap((f) => {
    const code = [...leb(f.locals.length), ...f.locals.flatMap(([count, type]) => [...leb(count), type]), ...f.body.flat(), END]
    return [...leb(code.length), ...code]
  })
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [...leb(functions.length), ...types]),
    ...section(3, [...leb(functions.length), ...functions.map((_, i) => i)]),
    ...section(5, [1, 0, 1]), // one memory, at least one page
    ...section(7, [...leb(functions.filter((f) => f.export).length + 1), ...name('memory'), 0x02, 0, ...exported]),
    ...section(10, [...leb(functions.length), ...bodies])
  ])
}

// The little of the WebAssembly JS API used here: the project's lib settings leave it out.
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object) => {exports: object}
}

/** The memory every assembled module exports. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer
  grow(pages: number): number
}

/** Instantiate synchronously (the modules are tiny); undefined if this engine cannot run it. */
export function instantiate<T>(bytes: Uint8Array): (T & {memory: WasmMemory}) | undefined {
  if (!WebAssembly.validate(bytes)) return undefined
  return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as T & {memory: WasmMemory}
}

/** Grow `memory` to at least `bytes`; returns whether it grew (views of it are then stale). */
export function ensureMemory(memory: WasmMemory, bytes: number): boolean {
  const have = memory.buffer.byteLength
  if (have >= bytes) return false
  memory.grow(Math.ceil((bytes - have) / 65536))
  return true
}
