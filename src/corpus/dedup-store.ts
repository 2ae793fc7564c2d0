/**
 * The dedup index on disk: one file, `<dir>/dedup-index.bin`, little-endian.
 *
 * | offset | size | field |
 * | --- | --- | --- |
 * | 0 | 8 | magic `DCRFTIDX` |
 * | 8 | 4 | format version (u32), {@link FORMAT_VERSION} |
 * | 12 | 4 | header length H (u32) |
 * | 16 | H | header, UTF-8 JSON: `options` (all of them), `count`, `sections` ([name, bytes] in file order), `bands` (per band-table generation: capacity, size), `exactSize` |
 * | … | | zero padding to a multiple of 8, then each section padded the same way |
 * | end − 8 | 8 | xxHash64 (seed 0) of every byte before it (u64) |
 *
 * Sections are the index's columns as raw typed arrays: `ids` (UTF-8 bytes),
 * `idEnds` (u32), `hash` (2 × u32: high, low half), `shingles`, `length`,
 * `anchor` (u32), `similarity` (u16, /65535), `kind` (u8: 0 representative,
 * 1 exact, 2 near, 3 containment; bit 7 = was the representative when
 * saved), `seq` (u32), `dates` (f64 epoch ms, NaN = none; only when any
 * document had a date), `sketch` (b-bit MinHash, `permutations × sketchBits / 8`
 * bytes per document), `band.<g>.fp` (u16) / `band.<g>.doc` (u32, document + 1)
 * for each band-table generation, `exact` (u32 slots, document + 1).
 *
 * Loading checks, in order: magic (a foreign file), version, checksum (a
 * corrupt or truncated file), section sizes, the options that shape
 * signatures (see SHAPE_KEYS), and the cluster links. Any failure throws an
 * {@link IndexFormatError}; nothing is half-loaded.
 */
import {mkdir, open, readFile, rename, rm} from 'node:fs/promises'
import {endianness} from 'node:os'
import path from 'node:path'
import {createHash64, hash64Bytes} from '../similarity/index.js'
import {Column} from './dedup-columns.js'
import {DedupIndex} from './dedup-index.js'
import {KEPT_FLAG} from './dedup-types.js'
import {resolveDedupOptions, SHAPE_KEYS, type DedupOptions, type ResolvedDedupOptions} from './dedup-options.js'

export const INDEX_FILE = 'dedup-index.bin'
export const FORMAT_VERSION = 1
const MAGIC = new TextEncoder().encode('DCRFTIDX')

/** A saved index that cannot be used: foreign, corrupt, truncated, or made with other options. */
export class IndexFormatError extends Error {
  constructor(
    message: string,
    readonly file: string
  ) {
    super(`${file}: ${message}`)
    this.name = 'IndexFormatError'
  }
}

interface Header {
  options: ResolvedDedupOptions
  count: number
  sections: Array<[name: string, bytes: number]>
  bands: Array<[capacity: number, size: number]>
  exactSize: number
}

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
const pad8 = (n: number) => (8 - (n % 8)) % 8

/** Write the index to `<dir>/dedup-index.bin` (atomically: a temporary file, then a rename). */
export async function saveIndex(index: DedupIndex, dir: string): Promise<void> {
  if (endianness() !== 'LE') throw new Error('dedup index: saving on a big-endian machine is not supported')
  index.finalize()
  markRepresentatives(index)
  const n = index.count
  const parts: Array<[string, Uint8Array]> = [
    ['ids', index.ids.bytes.subarray(0, index.ids.used)],
    ['idEnds', bytesOf(index.ids.ends.toArray(n))],
    ['hash', bytesOf(index.hash.toArray(n))],
    ['shingles', bytesOf(index.shingles.toArray(n))],
    ['length', bytesOf(index.length.toArray(n))],
    ['anchor', bytesOf(index.anchor.toArray(n))],
    ['similarity', bytesOf(index.similarity.toArray(n))],
    ['kind', bytesOf(index.kind.toArray(n))],
    ['seq', bytesOf(index.seq.toArray(n))],
    ['sketch', bytesOf(index.sketch.toArray(n))]
  ]
  if (index.dates) parts.push(['dates', bytesOf(index.dates.toArray(n))])
  index.bands.generations.forEach((g, i) => parts.push([`band.${i}.fp`, bytesOf(g.fingerprints)], [`band.${i}.doc`, bytesOf(g.values)]))
  parts.push(['exact', bytesOf(index.exact.slots)])
  const header: Header = {
    options: index.options,
    count: n,
    sections: parts.map(([name, bytes]) => [name, bytes.byteLength]),
    bands: index.bands.generations.map((g) => [g.values.length, g.size]),
    exactSize: index.exact.size
  }
  const json = new TextEncoder().encode(JSON.stringify(header))
  const head = new Uint8Array(16 + json.length + pad8(16 + json.length))
  head.set(MAGIC, 0)
  const view = new DataView(head.buffer)
  view.setUint32(8, FORMAT_VERSION, true)
  view.setUint32(12, json.length, true)
  head.set(json, 16)

  await mkdir(dir, {recursive: true})
  const target = path.join(dir, INDEX_FILE)
  const temp = `${target}.${process.pid}.tmp`
  const file = await open(temp, 'w')
  try {
    const hash = createHash64(0n)
    const write = async (bytes: Uint8Array) => {
      hash.update(bytes)
      await file.write(bytes)
    }
    await write(head)
    for (const [, bytes] of parts) {
      await write(bytes)
      await write(new Uint8Array(pad8(bytes.byteLength)))
    }
    const sum = new Uint8Array(8)
    new DataView(sum.buffer).setBigUint64(0, hash.digest(), true)
    await file.write(sum)
    await file.sync()
  } catch (error) {
    await file.close()
    await rm(temp, {force: true})
    throw error
  }
  await file.close()
  await rename(temp, target)
}

/** Read an index saved by {@link saveIndex}. `options` may change thresholds and the keep policy, not the signature shape. */
export async function loadIndex(dir: string, options: DedupOptions = {}): Promise<DedupIndex> {
  const target = path.join(dir, INDEX_FILE)
  const data = await readFile(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new IndexFormatError('no dedup index here (file not found)', target)
    throw error
  })
  const fail = (message: string): never => {
    throw new IndexFormatError(message, target)
  }
  if (data.length < 24 || !MAGIC.every((b, i) => data[i] === b)) fail('not a decruft dedup index (bad magic bytes)')
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const version = view.getUint32(8, true)
  if (version !== FORMAT_VERSION) fail(`index format version ${version}; this decruft reads version ${FORMAT_VERSION}`)
  const stored = view.getBigUint64(data.length - 8, true)
  if (hash64Bytes(data.subarray(0, data.length - 8), 0n) !== stored) fail('corrupt or truncated dedup index (checksum mismatch)')
  if (endianness() !== 'LE') fail('loading on a big-endian machine is not supported')
  const headerLength = view.getUint32(12, true)
  let header: Header
  try {
    header = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(data.subarray(16, 16 + headerLength))) as Header
  } catch {
    return fail('corrupt dedup index (unreadable header)')
  }
  const saved = resolveDedupOptions(header.options)
  const wanted = {...saved, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))}
  for (const key of SHAPE_KEYS)
    if (wanted[key] !== saved[key]) fail(`index was built with ${key} = ${String(saved[key])}, but ${String(wanted[key])} is asked for; rebuild the index or use its settings`)

  const index = new DedupIndex(wanted)
  const sections = new Map<string, Uint8Array>()
  let offset = 16 + headerLength + pad8(16 + headerLength)
  for (const [name, bytes] of header.sections) {
    if (offset + bytes > data.length - 8) fail(`corrupt dedup index (section ${name} runs past the end)`)
    // Copy (a Buffer slice would share the file buffer): every typed array is then aligned and owns its memory.
    sections.set(name, new Uint8Array(data.subarray(offset, offset + bytes)))
    offset += bytes + pad8(bytes)
  }
  if (offset !== data.length - 8) fail('corrupt dedup index (sections do not fill the file)')
  restore(index, header, sections, fail)
  return index
}

function restore(index: DedupIndex, header: Header, sections: Map<string, Uint8Array>, fail: (m: string) => never): void {
  const n = header.count
  const take = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(name: string, ctor: {new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number}, length: number): T => {
    const bytes = sections.get(name) ?? fail(`corrupt dedup index (section ${name} missing)`)
    if (bytes.byteLength !== length * ctor.BYTES_PER_ELEMENT) fail(`corrupt dedup index (section ${name} has ${bytes.byteLength} bytes)`)
    return new ctor(bytes.buffer as ArrayBuffer)
  }
  const fill = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(column: Column<T>, name: string) =>
    column.fromArray(take(name, column.ctor as never, n * column.width) as T, n)
  const ids = sections.get('ids') ?? fail('corrupt dedup index (section ids missing)')
  index.ids.bytes = ids
  index.ids.used = ids.length
  fill(index.ids.ends, 'idEnds')
  for (const [column, name] of [
    [index.hash, 'hash'],
    [index.shingles, 'shingles'],
    [index.length, 'length'],
    [index.anchor, 'anchor'],
    [index.similarity, 'similarity'],
    [index.kind, 'kind'],
    [index.seq, 'seq'],
    [index.sketch, 'sketch']
  ] as const)
    fill(column as Column<Uint8Array>, name)
  if (sections.has('dates')) {
    index.dates = new Column(Float64Array, 1, Number.NaN)
    fill(index.dates, 'dates')
  }
  header.bands.forEach(([capacity, size], i) => {
    if (!Number.isInteger(capacity) || capacity < 1 || size >= capacity) fail('corrupt dedup index (band table shape)')
    index.bands.generations.push({fingerprints: take(`band.${i}.fp`, Uint16Array, capacity), values: take(`band.${i}.doc`, Uint32Array, capacity), size})
  })
  const exact = sections.get('exact') ?? fail('corrupt dedup index (section exact missing)')
  index.exact.slots = new Uint32Array(exact.buffer as ArrayBuffer)
  index.exact.size = header.exactSize
  for (const g of index.bands.generations) for (const v of g.values) if (v > n) fail('corrupt dedup index (band table points past the end)')
  for (const v of index.exact.slots) if (v > n) fail('corrupt dedup index (exact table points past the end)')
  index.count = n
  index.sessionStart = n
  // Links a later run relies on: a wrong one would silently merge stories.
  let lastEnd = 0
  for (let doc = 0; doc < n; doc++) {
    const anchor = index.anchor.get(doc)
    if (anchor > doc || index.anchor.get(anchor) !== anchor) fail(`corrupt dedup index (document ${doc} points at anchor ${anchor})`)
    const end = index.ids.ends.get(doc)
    if (end < lastEnd || end > ids.length) fail('corrupt dedup index (id offsets)')
    lastEnd = end
  }
}

/** Flag each cluster's representative, so a later run keeps it whatever its policy says. */
function markRepresentatives(index: DedupIndex): void {
  for (const d of index.representativeDocs()) index.kind.set(d, index.kind.get(d) | KEPT_FLAG)
}
