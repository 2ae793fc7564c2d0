import {mix32} from './hash.js'

/**
 * Postings of 64-bit shingle hashes for finding near-repeat candidates among
 * a few hundred short texts (the paragraphs of one article). Each distinct
 * hash gets a small integer id, so a text's shingle set is a range of one
 * id buffer and postings are linked lists in typed arrays: no BigInt keys or
 * per-shingle arrays, which were most of the cost (and garbage) of comparing
 * paragraphs.
 *
 * A text is first {@link prepare}d (it is then pending), compared, and
 * {@link commit}ted if it is to be found by later texts.
 */
export class ShinglePostings {
  // Open-addressing table: (hi, lo) → id + 1, 0 for an empty slot.
  private keyHi = new Uint32Array(1024)
  private keyLo = new Uint32Array(1024)
  private slotId = new Int32Array(1024)
  private ids = 0
  // Per id: its slot, first posting entry (-1 for none), number of postings, and a stamp for set operations.
  private idSlot = new Int32Array(512)
  private head = new Int32Array(512)
  private postings = new Int32Array(512)
  private stamp = new Int32Array(512)
  private stamps = 0
  // Posting entries: document and the next entry of the same id.
  private entryDoc = new Int32Array(1024)
  private entryNext = new Int32Array(1024)
  private entries = 0
  // Distinct ids of every committed document, then of the pending one.
  private sets = new Int32Array(1024)
  private setStart: number[] = [0]
  private pendingEnd = 0
  // Shared-shingle counts per document, for candidates().
  private shared = new Int32Array(64)

  /** Forget every id, document and posting (start of a new article). */
  reset(): void {
    // Clear only the slots in use: after one big article the table is big,
    // and clearing all of it for every article cost more than the work.
    if (this.ids * 16 < this.slotId.length && this.slotId.length > 4096) {
      this.keyHi = new Uint32Array(1024)
      this.keyLo = new Uint32Array(1024)
      this.slotId = new Int32Array(1024)
    } else for (let id = 0; id < this.ids; id++) this.slotId[this.idSlot[id]] = 0
    if (this.sets.length > 1 << 18) this.sets = new Int32Array(1024)
    this.ids = 0
    this.entries = 0
    this.setStart.length = 1
    this.pendingEnd = 0
  }

  /** Number of committed documents. */
  get documents(): number {
    return this.setStart.length - 1
  }

  /** Make the distinct values of the first `n` hashes the pending set; returns its size. */
  prepare(hi: Uint32Array, lo: Uint32Array, n: number): number {
    const from = this.setStart[this.setStart.length - 1]
    if (this.sets.length < from + n) this.sets = grow(this.sets, from + n)
    const stamp = this.nextStamp()
    let end = from
    for (let i = 0; i < n; i++) {
      const id = this.intern(hi[i], lo[i])
      if (this.stamp[id] === stamp) continue
      this.stamp[id] = stamp
      this.sets[end++] = id
    }
    this.pendingEnd = end
    return end - from
  }

  /** Size of the pending set. */
  get pendingSize(): number {
    return this.pendingEnd - this.setStart[this.documents]
  }

  /** Size of a committed document's set. */
  size(doc: number): number {
    return this.setStart[doc + 1] - this.setStart[doc]
  }

  /**
   * Committed documents sharing at least `floor` values with the pending
   * set, the `max` sharing most (ties to the earlier document), in document order.
   */
  candidates(floor: number, max: number): number[] {
    if (this.shared.length < this.documents) this.shared = new Int32Array(Math.max(this.documents, this.shared.length * 2))
    const shared = this.shared
    const touched: number[] = []
    for (let i = this.setStart[this.documents]; i < this.pendingEnd; i++) {
      for (let entry = this.head[this.sets[i]]; entry !== -1; entry = this.entryNext[entry]) {
        const doc = this.entryDoc[entry]
        if (shared[doc]++ === 0) touched.push(doc)
      }
    }
    const found: number[] = []
    for (const doc of touched) if (shared[doc] >= floor) found.push(doc)
    found.sort((a, b) => shared[b] - shared[a] || a - b)
    if (found.length > max) found.length = max
    for (const doc of touched) shared[doc] = 0
    return found.sort((a, b) => a - b)
  }

  /** Number of values in both the pending set and document `doc`'s. */
  overlap(doc: number): number {
    const stamp = this.nextStamp()
    for (let i = this.setStart[this.documents]; i < this.pendingEnd; i++) this.stamp[this.sets[i]] = stamp
    let same = 0
    for (let i = this.setStart[doc]; i < this.setStart[doc + 1]; i++) if (this.stamp[this.sets[i]] === stamp) same++
    return same
  }

  /**
   * Make the pending set the next document; a value already in `cap`
   * documents gets no more postings. Returns the document's number.
   */
  commit(cap: number): number {
    const doc = this.documents
    for (let i = this.setStart[doc]; i < this.pendingEnd; i++) {
      const id = this.sets[i]
      if (this.postings[id] >= cap) continue
      if (this.entries === this.entryDoc.length) {
        this.entryDoc = grow(this.entryDoc)
        this.entryNext = grow(this.entryNext)
      }
      const entry = this.entries++
      this.entryDoc[entry] = doc
      this.entryNext[entry] = this.head[id]
      this.head[id] = entry
      this.postings[id]++
    }
    this.setStart.push(this.pendingEnd)
    return doc
  }

  private nextStamp(): number {
    if (this.stamps === 0x7fffffff) {
      this.stamp.fill(0)
      this.stamps = 0
    }
    return ++this.stamps
  }

  private intern(hi: number, lo: number): number {
    if (this.ids * 2 >= this.slotId.length) this.rehash()
    const mask = this.slotId.length - 1
    let slot = mix32(lo ^ Math.imul(hi, 0x9e3779b1)) & mask
    for (;;) {
      const stored = this.slotId[slot]
      if (stored === 0) break
      if (this.keyHi[slot] === hi && this.keyLo[slot] === lo) return stored - 1
      slot = (slot + 1) & mask
    }
    const id = this.ids++
    this.keyHi[slot] = hi
    this.keyLo[slot] = lo
    this.slotId[slot] = id + 1
    if (id === this.head.length) {
      this.idSlot = grow(this.idSlot)
      this.head = grow(this.head)
      this.postings = grow(this.postings)
      this.stamp = grow(this.stamp)
    }
    this.idSlot[id] = slot
    this.head[id] = -1
    this.postings[id] = 0
    this.stamp[id] = 0
    return id
  }

  private rehash(): void {
    const {keyHi, keyLo, slotId} = this
    const size = slotId.length * 2
    const mask = size - 1
    this.keyHi = new Uint32Array(size)
    this.keyLo = new Uint32Array(size)
    this.slotId = new Int32Array(size)
    for (let old = 0; old < slotId.length; old++) {
      if (slotId[old] === 0) continue
      let slot = mix32(keyLo[old] ^ Math.imul(keyHi[old], 0x9e3779b1)) & mask
      while (this.slotId[slot] !== 0) slot = (slot + 1) & mask
      this.keyHi[slot] = keyHi[old]
      this.keyLo[slot] = keyLo[old]
      this.slotId[slot] = slotId[old]
      this.idSlot[slotId[old] - 1] = slot
    }
  }
}

function grow(array: Int32Array<ArrayBuffer>, least = 0): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(least, array.length * 2))
  grown.set(array)
  return grown
}
