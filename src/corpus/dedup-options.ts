import type {SketchBits} from '../similarity/index.js'

/** Settings that shape a signature; an index only accepts signatures made with the same ones. */
export interface SignatureOptions {
  /**
   * Words per shingle. Five-word shingles match copies of a sentence but
   * almost never two different stories.
   * @default 5
   */
  shingleSize?: number
  /**
   * MinHash permutations (signature length). More means finer similarity
   * estimates and longer signing; 112 is where the dev set stopped gaining.
   * @default 112
   */
  permutations?: number
  /**
   * Lines with fewer words than this (menus, bylines, share buttons, list
   * items of a navigation) are left out of the shingles, unless that leaves
   * under {@link minProseWords} words: two copies of a story then compare on
   * their prose, whatever page chrome survived cleanup. 0 keeps every line.
   * @default 8
   */
  minLineWords?: number
  /**
   * Fewest words the long lines must hold for {@link minLineWords} to apply;
   * a text with less prose (a short item, hard-wrapped poetry) uses all its lines.
   * @default 40
   */
  minProseWords?: number
  /**
   * Seed of the shingle hashes and permutations. Signatures made with
   * different seeds cannot be compared.
   * @default 0
   */
  seed?: number
}

/** Which member of a cluster is kept (the representative). */
export type KeepPolicy = 'first' | 'longest' | 'earliest'

/** Settings of a {@link DedupIndex}. */
export interface DedupOptions extends SignatureOptions {
  /**
   * LSH bands. Each band of `rows` signature values is a key in the band
   * table; two documents become candidates when they share one key. More
   * bands find lower similarities and cost ~8-10 bytes per document each.
   * @default 10
   */
  bands?: number
  /**
   * Signature values per band. One row makes a candidate of any pair that
   * agrees on one value (probability 1-(1-J)^bands), which is what finds a
   * short teaser inside a long article; the verification step does the rest.
   * @default 1
   */
  rows?: number
  /**
   * Bits kept per signature value for verification (b-bit MinHash). The
   * index holds `permutations * sketchBits / 8` bytes per document.
   * @default 4
   */
  sketchBits?: SketchBits
  /**
   * Estimated Jaccard similarity (of word shingles) from which a document is
   * a near duplicate of a cluster's anchor.
   * @default 0.7
   */
  threshold?: number
  /**
   * Estimated share of the shorter document contained in the longer one from
   * which it is a duplicate (a teaser, a reprint with a paragraph dropped).
   * Set to 1.01 to turn containment off.
   * @default 0.8
   */
  containment?: number
  /**
   * Fewest shingles the shorter document needs to be checked for
   * containment: a few lines are contained in many unrelated stories.
   * @default 30
   */
  minContainmentShingles?: number
  /**
   * Least estimated Jaccard similarity for a containment match. Below it the
   * estimate is mostly noise (the shorter copy would be under ~15% of the longer).
   * @default 0.15
   */
  minContainmentJaccard?: number
  /**
   * Which copy a cluster keeps: the first in input order, the longest
   * (`meta.length`), or the earliest (`meta.date`, then input order).
   * `first` is decided as each document arrives; the others after
   * {@link DedupIndex.finalize}. Representatives saved by an earlier run stay.
   * @default 'first'
   */
  keep?: KeepPolicy
  /**
   * Most anchors one band key holds. A key shared by many documents is a
   * boilerplate sentence, not a story; capping it bounds the work per document.
   * @default 64
   */
  maxBucket?: number
}

/** Options with every default filled in. */
export type ResolvedDedupOptions = Required<DedupOptions>

/** Defaults of {@link DedupOptions}. */
export const DEDUP_DEFAULTS: ResolvedDedupOptions = Object.freeze({
  shingleSize: 5,
  minLineWords: 8,
  minProseWords: 40,
  permutations: 112,
  seed: 0,
  bands: 10,
  rows: 1,
  sketchBits: 4,
  threshold: 0.7,
  containment: 0.8,
  minContainmentShingles: 30,
  minContainmentJaccard: 0.15,
  keep: 'first',
  maxBucket: 64
})

/** The options that change what is stored: a saved index only loads with the same ones. */
export const SHAPE_KEYS = ['shingleSize', 'minLineWords', 'minProseWords', 'permutations', 'seed', 'bands', 'rows', 'sketchBits'] as const

/** Fill in defaults and check ranges; throws a RangeError naming the bad option. */
export function resolveDedupOptions(options: DedupOptions = {}): ResolvedDedupOptions {
  const o: ResolvedDedupOptions = {...DEDUP_DEFAULTS}
  for (const [key, value] of Object.entries(options)) if (value !== undefined) (o as Record<string, unknown>)[key] = value
  const int = (key: keyof ResolvedDedupOptions, min: number, max: number) => {
    const v = o[key]
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      throw new RangeError(`dedup option ${key} must be an integer in [${min}, ${max}], got ${String(v)}`)
  }
  const ratio = (key: keyof ResolvedDedupOptions, max = 1) => {
    const v = o[key]
    if (typeof v !== 'number' || !(v >= 0 && v <= max)) throw new RangeError(`dedup option ${key} must be in [0, ${max}], got ${String(v)}`)
  }
  int('shingleSize', 1, 64)
  int('minLineWords', 0, 0xffff)
  int('minProseWords', 0, 0xffffffff)
  int('permutations', 1, 1024)
  int('seed', 0, 0xffffffff)
  int('bands', 1, 1024)
  int('rows', 1, 1024)
  int('minContainmentShingles', 0, 0xffffffff)
  int('maxBucket', 1, 0xffffffff)
  ratio('threshold')
  ratio('containment', 1.01)
  ratio('minContainmentJaccard')
  if (o.bands * o.rows > o.permutations)
    throw new RangeError(`dedup options: bands × rows (${o.bands * o.rows}) exceeds permutations (${o.permutations})`)
  if (![1, 2, 4, 8].includes(o.sketchBits)) throw new RangeError(`dedup option sketchBits must be 1, 2, 4 or 8, got ${String(o.sketchBits)}`)
  if (!['first', 'longest', 'earliest'].includes(o.keep)) throw new RangeError(`dedup option keep must be first, longest or earliest, got ${String(o.keep)}`)
  return o
}
