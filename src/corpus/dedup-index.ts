import {containmentFromJaccard, mix32, sketchBytes, sketchJaccard, sketchMatches, toSketch} from '../similarity/index.js'
import {Column, IdArena} from './dedup-columns.js'
import {resolveDedupOptions, type DedupOptions, type ResolvedDedupOptions} from './dedup-options.js'
import {preferable, toEpoch} from './dedup-keep.js'
import type {DocSignature} from './dedup-signature.js'
import {BandTable, ExactTable} from './dedup-tables.js'
import {KEPT_FLAG, KINDS, type ClusterRecord, type DedupDecision, type DocMeta} from './dedup-types.js'

export {type ClusterRecord, type DedupDecision, type DedupKind, type DocMeta} from './dedup-types.js'

/**
 * The corpus dedup index: exact, near-duplicate and containment clusters,
 * fed signatures in input order.
 *
 * A document joins a cluster only by matching the cluster's *anchor* (its
 * first document), never another member, so a chain A~B~C cannot pull an
 * unrelated C in through B. Only anchors go into the LSH band table.
 *
 * Memory per document with the defaults (112 permutations, 4-bit sketch, 10
 * bands): sketch 56 B, hash 8, seq 4, shingle count 4, length 4, anchor 4,
 * similarity 2, kind 1, id end offset 4 + the id's UTF-8 bytes, exact table
 * 5-11, band table ~10 × 7.5-9 for anchors only: about 180-190 B + id
 * (`bench/dedup-bench.ts` measures it); dates add 8 B once any is given.
 */
export class DedupIndex {
  readonly options: ResolvedDedupOptions
  /** @internal Everything below is shared with dedup-store.ts. */
  count = 0
  /** @internal First document added in this session (earlier ones were loaded). */
  sessionStart = 0
  /** @internal */ readonly ids = new IdArena()
  /** @internal */ readonly hash = new Column(Uint32Array, 2)
  /** @internal */ readonly shingles = new Column(Uint32Array)
  /** @internal */ readonly length = new Column(Uint32Array)
  /** @internal */ readonly anchor = new Column(Uint32Array)
  /** @internal */ readonly similarity = new Column(Uint16Array)
  /** @internal */ readonly kind = new Column(Uint8Array)
  /** @internal */ readonly seq = new Column(Uint32Array)
  /** @internal */ dates: Column<Float64Array> | undefined
  /** @internal */ readonly sketch: Column<Uint8Array>
  /** @internal */ bands = new BandTable()
  /** @internal */ exact: ExactTable
  private representatives: Uint32Array | undefined

  constructor(options: DedupOptions = {}) {
    this.options = resolveDedupOptions(options)
    this.sketch = new Column(Uint8Array, sketchBytes(this.options.permutations, this.options.sketchBits))
    this.exact = new ExactTable((doc) => [this.hash.get(doc, 0), this.hash.get(doc, 1)])
  }

  /** Documents in the index (loaded and added). */
  get size(): number {
    return this.count
  }

  /**
   * Add the next document and decide its cluster. `seq` must increase from
   * call to call (it is the input order); the decision under `keep: 'first'`
   * is final, otherwise the representative is settled by {@link finalize}.
   */
  add(seq: number, id: string, signature: DocSignature, meta: DocMeta): DedupDecision {
    const {permutations, sketchBits} = this.options
    if (!(signature.minhash instanceof Uint32Array) || signature.minhash.length !== permutations)
      throw new RangeError(`dedup: signature of ${id} has ${signature.minhash?.length} values, the index uses ${permutations} permutations`)
    if (!/^[0-9a-f]{16}$/.test(signature.hash)) throw new RangeError(`dedup: signature hash of ${id} is not 16 hex digits`)
    if (!Number.isInteger(seq) || seq < 0 || seq > 0xffffffff) throw new RangeError(`dedup: seq must be an integer in [0, 2^32), got ${seq}`)
    const doc = this.count
    if (doc > this.sessionStart && !(seq > this.seq.get(doc - 1))) throw new RangeError(`dedup: seq ${seq} after ${this.seq.get(doc - 1)}: documents must come in input order`)
    this.representatives = undefined
    for (const column of [this.hash, this.shingles, this.length, this.anchor, this.similarity, this.kind, this.seq, this.sketch]) column.ensure(doc)
    const hi = Number.parseInt(signature.hash.slice(0, 8), 16)
    const lo = Number.parseInt(signature.hash.slice(8), 16)
    this.hash.set(doc, hi, 0)
    this.hash.set(doc, lo, 1)
    this.shingles.set(doc, signature.shingles)
    this.length.set(doc, Math.min(0xffffffff, Math.max(0, Math.round(meta.length))))
    this.seq.set(doc, seq)
    this.setDate(doc, toEpoch(meta.date))
    const [chunk, offset] = this.sketch.locate(doc)
    toSketch(signature.minhash, sketchBits, chunk, offset)
    this.ids.add(doc, id)
    this.count++

    let anchor = doc
    let kind = 0
    let similarity = 1
    // An empty body says nothing about which story it is: it stays alone.
    if (signature.tokens > 0) {
      const twin = this.exact.find(hi, lo)
      if (twin >= 0) {
        anchor = this.anchor.get(twin)
        kind = 1
        similarity = twin === anchor ? 1 : this.similarity.get(twin) / 0xffff
      } else {
        this.exact.add(doc)
        const best = this.bestAnchor(doc, signature.minhash)
        if (best) ({anchor, kind, similarity} = best)
        else this.indexBands(doc, signature.minhash)
      }
    }
    this.anchor.set(doc, anchor)
    this.kind.set(doc, kind)
    this.similarity.set(doc, Math.round(similarity * 0xffff))
    return this.decide(doc, anchor, this.options.keep === 'first')
  }

  /**
   * Settle every cluster's representative by the keep policy (a no-op for
   * `first`). A representative saved by an earlier run stays: its copy was
   * already published. Call again after more {@link add}s.
   */
  finalize(): void {
    if (this.representatives) return
    const reps = new Uint32Array(this.count)
    const facts = {length: (d: number) => this.length.get(d), date: (d: number) => this.dates?.get(d) ?? Number.NaN}
    for (let doc = 0; doc < this.count; doc++) {
      const anchor = this.anchor.get(doc)
      if (anchor === doc) reps[anchor] = doc
      else if ((this.kind.get(reps[anchor]) & KEPT_FLAG) !== 0) continue
      else if ((this.kind.get(doc) & KEPT_FLAG) !== 0 || preferable(this.options.keep, doc, reps[anchor], facts)) reps[anchor] = doc
    }
    this.representatives = reps
  }

  /** The final decision for the document added with `seq` (finalizing first if needed). */
  decision(seq: number): DedupDecision {
    this.finalize()
    const doc = this.docOfSeq(seq)
    return this.decide(doc, this.representatives![this.anchor.get(doc)], true)
  }

  /** Final decisions of this session's documents, in input order. */
  *decisions(): Generator<DedupDecision> {
    this.finalize()
    for (let doc = this.sessionStart; doc < this.count; doc++) yield this.decide(doc, this.representatives![this.anchor.get(doc)], true)
  }

  /**
   * The cluster table, one record per cluster in order of first appearance.
   * @param options.all also clusters with no document from this session (default false)
   * @param options.minSize skip smaller clusters (default 1: singletons too)
   */
  *clusters(options: {all?: boolean; minSize?: number} = {}): Generator<ClusterRecord> {
    this.finalize()
    const reps = this.representatives!
    const minSize = options.minSize ?? 1
    // Members as linked lists threaded through one array: no per-cluster arrays while grouping.
    const head = new Int32Array(this.count).fill(-1)
    const next = new Int32Array(this.count).fill(-1)
    for (let doc = this.count - 1; doc >= 0; doc--) {
      const anchor = this.anchor.get(doc)
      next[doc] = head[anchor]
      head[anchor] = doc
    }
    for (let anchor = 0; anchor < this.count; anchor++) {
      if (head[anchor] !== anchor) continue
      const members: ClusterRecord['members'] = []
      let fresh = false
      for (let doc = anchor; doc !== -1; doc = next[doc]) {
        const d = this.decide(doc, reps[anchor], true)
        const member: ClusterRecord['members'][number] = {id: d.id, similarity: d.similarity, kind: d.kind}
        if (doc < this.sessionStart) member.previous = true
        else fresh = true
        members.push(member)
      }
      if (members.length >= minSize && (fresh || options.all)) yield {representative: this.ids.get(reps[anchor]), members}
    }
  }

  /** Each cluster's representative document (internal numbering), after {@link finalize}. */
  *representativeDocs(): Generator<number> {
    this.finalize()
    for (let doc = 0; doc < this.count; doc++) if (this.anchor.get(doc) === doc) yield this.representatives![doc]
  }

  /** Save to `<dir>/dedup-index.bin` (format: dedup-store.ts). Finalizes first; the representatives become permanent. */
  async save(dir: string): Promise<void> {
    const {saveIndex} = await import('./dedup-store.js')
    await saveIndex(this, dir)
  }

  /**
   * Load an index saved by {@link save}. `options` may change thresholds and
   * the keep policy; options that shape signatures must match (else it throws).
   */
  static async load(dir: string, options: DedupOptions = {}): Promise<DedupIndex> {
    const {loadIndex} = await import('./dedup-store.js')
    return loadIndex(dir, options)
  }

  /** {@link load} when `<dir>` holds an index, else a new empty one. */
  static async open(dir: string, options: DedupOptions = {}): Promise<DedupIndex> {
    const {existsSync} = await import('node:fs')
    const {INDEX_FILE} = await import('./dedup-store.js')
    const {join} = await import('node:path')
    return existsSync(join(dir, INDEX_FILE)) ? DedupIndex.load(dir, options) : new DedupIndex(options)
  }

  /** Bytes held by the index's arrays (what bytes-per-document figures count). */
  byteSize(): number {
    let total = this.ids.sizeInBytes(0) + this.ids.ends.bytes() + this.bands.bytes() + this.exact.bytes()
    for (const c of [this.hash, this.shingles, this.length, this.anchor, this.similarity, this.kind, this.seq, this.sketch]) total += c.bytes()
    return total + (this.dates?.bytes() ?? 0)
  }

  /** Estimated Jaccard similarity of two stored documents, from their sketches. */
  jaccardOf(a: number, b: number): number {
    const {permutations, sketchBits} = this.options
    const [ca, oa] = this.sketch.locate(a)
    const [cb, ob] = this.sketch.locate(b)
    return sketchJaccard(sketchMatches(ca, oa, cb, ob, permutations, sketchBits), permutations, sketchBits)
  }

  /** Whether two stored documents match, as the index scores them: kind 2 near, 3 containment. */
  similarityOf(a: number, b: number): {similarity: number; kind: number} | undefined {
    const {threshold, containment, minContainmentJaccard, minContainmentShingles} = this.options
    const jaccard = this.jaccardOf(a, b)
    if (jaccard >= threshold) return {similarity: jaccard, kind: 2}
    const sa = this.shingles.get(a)
    const sb = this.shingles.get(b)
    if (containment > 1 || jaccard < minContainmentJaccard || Math.min(sa, sb) < minContainmentShingles) return undefined
    const share = containmentFromJaccard(jaccard, sa, sb)
    return share >= containment ? {similarity: share, kind: 3} : undefined
  }

  private bestAnchor(doc: number, minhash: Uint32Array): {anchor: number; kind: number; similarity: number} | undefined {
    const candidates: number[] = []
    this.forEachBandKey(minhash, (key) => this.bands.forEach(key, (anchor) => candidates.push(anchor)))
    candidates.sort((a, b) => a - b)
    let best: {anchor: number; kind: number; similarity: number} | undefined
    for (let i = 0; i < candidates.length; i++) {
      const anchor = candidates[i]
      if (anchor === candidates[i - 1]) continue
      const match = this.similarityOf(doc, anchor)
      // Strictly greater: among equals the earliest anchor wins, whatever the probe order.
      if (match && (!best || match.similarity > best.similarity)) best = {anchor, ...match}
    }
    return best
  }

  private indexBands(doc: number, minhash: Uint32Array): void {
    this.forEachBandKey(minhash, (key) => this.bands.add(key, doc, this.options.maxBucket))
  }

  private forEachBandKey(minhash: Uint32Array, visit: (key: number) => void): void {
    const {bands, rows} = this.options
    for (let band = 0; band < bands; band++) {
      let key = mix32(band + 0x51ed27)
      for (let r = 0; r < rows; r++) key = mix32((key ^ minhash[band * rows + r]) + r)
      visit(key)
    }
  }

  private setDate(doc: number, epoch: number): void {
    if (!this.dates) {
      if (Number.isNaN(epoch)) return
      this.dates = new Column(Float64Array, 1, Number.NaN)
    }
    this.dates.ensure(doc)
    this.dates.set(doc, epoch)
  }

  private docOfSeq(seq: number): number {
    let lo = this.sessionStart
    let hi = this.count - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const value = this.seq.get(mid)
      if (value === seq) return mid
      if (value < seq) lo = mid + 1
      else hi = mid - 1
    }
    throw new RangeError(`dedup: no document with seq ${seq} in this session`)
  }

  private decide(doc: number, rep: number, final: boolean): DedupDecision {
    const id = this.ids.get(doc)
    const seq = this.seq.get(doc)
    if (doc === rep) return {seq, id, cluster: id, similarity: 1, kind: 'representative', final}
    const anchor = this.anchor.get(doc)
    let kind = this.kind.get(doc) & ~KEPT_FLAG
    let similarity = this.similarity.get(doc) / 0xffff
    if (doc === anchor || rep !== anchor) {
      // Measured against the representative when it is not the anchor.
      const related = doc === anchor ? this.kind.get(rep) & ~KEPT_FLAG : undefined
      const twin = this.hash.get(doc, 0) === this.hash.get(rep, 0) && this.hash.get(doc, 1) === this.hash.get(rep, 1)
      const match = twin ? {similarity: 1, kind: 1} : this.similarityOf(doc, rep)
      kind = match?.kind ?? related ?? kind
      // Both matched the anchor but not each other closely enough: report the raw estimate.
      similarity = match?.similarity ?? this.jaccardOf(doc, rep)
    }
    const cluster = this.ids.get(rep)
    return {seq, id, cluster, duplicateOf: cluster, similarity: Math.round(similarity * 1e4) / 1e4, kind: KINDS[kind], final}
  }
}
