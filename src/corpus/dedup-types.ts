/** What the dedup index says about documents and clusters. */

/**
 * How a document relates to its cluster: `representative` (the copy kept),
 * or how it matched the cluster's anchor: `exact` (same normalized body),
 * `near` (estimated Jaccard >= threshold), `containment` (mostly inside).
 */
export type DedupKind = 'representative' | 'exact' | 'near' | 'containment'

export const KINDS: readonly DedupKind[] = ['representative', 'exact', 'near', 'containment']
/** Kind-byte flag: this document was its cluster's representative when the index was saved. */
export const KEPT_FLAG = 0x80

/** What the runner knows about a document besides its signature. */
export interface DocMeta {
  /** Length of the clean text (characters), for `keep: 'longest'`. */
  length: number
  /** Publication date (epoch ms, ISO string or Date), for `keep: 'earliest'`. */
  date?: number | string | Date | null
}

/** The dedup stage's verdict on one document. */
export interface DedupDecision {
  seq: number
  id: string
  /** Id of the cluster's representative (its own id when it is kept). */
  cluster: string
  /** The representative this document duplicates; absent for the representative. */
  duplicateOf?: string
  /** Estimated similarity to the representative (Jaccard, or containment for `containment`). */
  similarity: number
  kind: DedupKind
  /** False under `longest`/`earliest` until {@link DedupIndex.finalize}: the representative may still change. */
  final: boolean
}

/** One line of the cluster table. */
export interface ClusterRecord {
  representative: string
  /** Every member in input order (the representative too, with similarity 1). */
  members: {id: string; similarity: number; kind: DedupKind; previous?: true}[]
}
