import {mix32} from '../similarity/index.js'

const FIRST_CAPACITY = 1 << 12
const MAX_LOAD = 0.75
/** Band tables are never rehashed, so they can fill further (probe runs stay a few cache lines). */
const BAND_LOAD = 0.8
/** Each band generation is this much larger than the last: less empty space in the newest one than doubling leaves. */
const BAND_GROWTH = 1.25

/** One fixed-size open-addressing table: 16-bit key fingerprint + document index + 1 (0 = empty). */
export interface BandGeneration {
  fingerprints: Uint16Array
  values: Uint32Array
  size: number
}

/**
 * Open-addressing multimap from 32-bit LSH band keys to document indices.
 *
 * A slot holds a 16-bit fingerprint of the key and the document: 6 bytes,
 * against 50+ for a Map entry. Without the full key a table cannot be
 * rehashed, so when one is 80% full it is frozen and a table 1.25 times its
 * size takes new entries (a lookup probes each generation: ~log1.25(n/4096)
 * of them, ~30 at 500,000 documents). Frozen tables sit at 80% load, so an entry costs 7.5 bytes plus
 * the slack of the newest table. Home slots use multiply-shift, so sizes
 * need not be powers of two. A fingerprint twin only adds a candidate,
 * which verification rejects.
 */
export class BandTable {
  readonly generations: BandGeneration[] = []

  /** Add `doc` under `key`, unless the key already holds `maxBucket` documents. */
  add(key: number, doc: number, maxBucket: number): boolean {
    const h = mix32(key)
    const fp = fingerprint(key)
    let seen = 0
    for (const g of this.generations) seen += countIn(g, h, fp, maxBucket - seen)
    if (seen >= maxBucket) return false
    let g = this.generations.at(-1)
    if (!g || g.size + 1 > g.values.length * BAND_LOAD) {
      const capacity = g ? Math.ceil(g.values.length * BAND_GROWTH) : FIRST_CAPACITY
      g = {fingerprints: new Uint16Array(capacity), values: new Uint32Array(capacity), size: 0}
      this.generations.push(g)
    }
    const cap = g.values.length
    let slot = home(h, cap)
    while (g.values[slot] !== 0) slot = slot + 1 === cap ? 0 : slot + 1
    g.fingerprints[slot] = fp
    g.values[slot] = doc + 1
    g.size++
    return true
  }

  /** Call `visit` with every document stored under `key` (and, rarely, a fingerprint twin). */
  forEach(key: number, visit: (doc: number) => void): void {
    const h = mix32(key)
    const fp = fingerprint(key)
    for (const g of this.generations) {
      const cap = g.values.length
      for (let slot = home(h, cap); g.values[slot] !== 0; slot = slot + 1 === cap ? 0 : slot + 1) if (g.fingerprints[slot] === fp) visit(g.values[slot] - 1)
    }
  }

  bytes(): number {
    let total = 0
    for (const g of this.generations) total += g.fingerprints.byteLength + g.values.byteLength
    return total
  }
}

function countIn(g: BandGeneration, h: number, fp: number, limit: number): number {
  const cap = g.values.length
  let seen = 0
  for (let slot = home(h, cap); g.values[slot] !== 0 && seen < limit; slot = slot + 1 === cap ? 0 : slot + 1) if (g.fingerprints[slot] === fp) seen++
  return seen
}

/** Slot for a 32-bit hash in a table of any size (multiply-shift, exact in a double). */
function home(h: number, capacity: number): number {
  return Math.floor((h * capacity) / 4294967296)
}

// Independent of the home slot's bits, so fingerprints still tell keys apart
// within one probe run.
function fingerprint(key: number): number {
  return mix32(key ^ 0x27d4eb2f) >>> 16
}

/**
 * Open-addressing set of documents keyed by their 64-bit body hash. Slots
 * hold only the document index + 1; the hash itself lives in the index's
 * columns (`hashOf`), so a slot costs 4 bytes and the table can be rehashed.
 */
export class ExactTable {
  slots = new Uint32Array(FIRST_CAPACITY)
  size = 0

  constructor(private readonly hashOf: (doc: number) => [hi: number, lo: number]) {}

  /** The first document stored with this hash, or -1. */
  find(hi: number, lo: number): number {
    const mask = this.slots.length - 1
    for (let slot = mix32(lo ^ hi) & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const doc = this.slots[slot] - 1
      const [h, l] = this.hashOf(doc)
      if (h === hi && l === lo) return doc
    }
    return -1
  }

  /** Store `doc` (whose hash is not yet present). */
  add(doc: number): void {
    if ((this.size + 1) > this.slots.length * MAX_LOAD) this.rehash(this.slots.length * 2)
    this.place(doc)
    this.size++
  }

  private place(doc: number): void {
    const [hi, lo] = this.hashOf(doc)
    const mask = this.slots.length - 1
    let slot = mix32(lo ^ hi) & mask
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask
    this.slots[slot] = doc + 1
  }

  private rehash(capacity: number): void {
    const old = this.slots
    this.slots = new Uint32Array(capacity)
    for (const value of old) if (value !== 0) this.place(value - 1)
  }

  bytes(): number {
    return this.slots.byteLength
  }
}
