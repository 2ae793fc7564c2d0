/**
 * Per-document storage in fixed-size chunks of typed arrays: appending never
 * copies, and a column costs its element size per document plus at most one
 * partly filled chunk (no doubling slack to blur the bytes-per-document figure).
 */
export const CHUNK_BITS = 14
export const CHUNK = 1 << CHUNK_BITS
const MASK = CHUNK - 1

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array
type TypedArrayCtor<T extends TypedArray> = {new (length: number): T; BYTES_PER_ELEMENT: number}

/** A growable column of `width` numbers per document. */
export class Column<T extends TypedArray> {
  readonly chunks: T[] = []

  constructor(
    readonly ctor: TypedArrayCtor<T>,
    readonly width = 1,
    /** Value of slots never set (NaN marks "no date"). */
    readonly fill = 0
  ) {}

  /** Make room for document `index` (documents are appended in order). */
  ensure(index: number): void {
    while (index >>> CHUNK_BITS >= this.chunks.length) {
      const chunk = new this.ctor(CHUNK * this.width)
      if (this.fill !== 0) chunk.fill(this.fill)
      this.chunks.push(chunk)
    }
  }

  get(index: number, k = 0): number {
    return this.chunks[index >>> CHUNK_BITS][(index & MASK) * this.width + k]
  }

  set(index: number, value: number, k = 0): void {
    this.chunks[index >>> CHUNK_BITS][(index & MASK) * this.width + k] = value
  }

  /** The chunk holding `index` and the offset of its first element, for bulk reads. */
  locate(index: number): [T, number] {
    return [this.chunks[index >>> CHUNK_BITS], (index & MASK) * this.width]
  }

  /** The first `count` documents' values as one array (for saving). */
  toArray(count: number): T {
    const out = new this.ctor(count * this.width)
    for (let c = 0; c * CHUNK < count; c++) {
      const n = Math.min(CHUNK, count - c * CHUNK) * this.width
      out.set(this.chunks[c].subarray(0, n) as never, c * CHUNK * this.width)
    }
    return out
  }

  /** Refill from {@link toArray}'s output. */
  fromArray(values: T, count: number): void {
    this.chunks.length = 0
    if (count > 0) this.ensure(count - 1)
    for (let c = 0; c * CHUNK < count; c++) {
      const n = Math.min(CHUNK, count - c * CHUNK) * this.width
      this.chunks[c].set(values.subarray(c * CHUNK * this.width, c * CHUNK * this.width + n) as never)
    }
  }

  bytes(): number {
    return this.chunks.length * CHUNK * this.width * this.ctor.BYTES_PER_ELEMENT
  }
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/**
 * Document ids as UTF-8 in one growing byte buffer plus an end offset per
 * document: a JS string per id would cost 30-60 bytes of heap overhead each.
 */
export class IdArena {
  bytes: Uint8Array = new Uint8Array(1 << 16)
  used = 0
  readonly ends = new Column(Uint32Array)

  add(index: number, id: string): void {
    const encoded = encoder.encode(id)
    if (this.used + encoded.length > 0xffffffff) throw new RangeError('dedup index: ids exceed 4 GiB')
    if (this.used + encoded.length > this.bytes.length) {
      let size = this.bytes.length
      // Grow by a quarter: ids are a small part of the index and the slack stays small.
      while (this.used + encoded.length > size) size = Math.ceil(size * 1.25)
      const next = new Uint8Array(size)
      next.set(this.bytes.subarray(0, this.used))
      this.bytes = next
    }
    this.bytes.set(encoded, this.used)
    this.used += encoded.length
    this.ends.ensure(index)
    this.ends.set(index, this.used)
  }

  get(index: number): string {
    const start = index === 0 ? 0 : this.ends.get(index - 1)
    return decoder.decode(this.bytes.subarray(start, this.ends.get(index)))
  }

  sizeInBytes(count: number): number {
    return this.bytes.length + count * 4
  }
}
