/**
 * The ScrapingHub article-extraction-benchmark metric, as defined in
 * ../shared/eval/README.md: tokens are Unicode `\w+` matches, shingles are
 * word 4-grams counted as a multiset, per-document tp/fp/fn are normalised by
 * their sum, and precision/recall are averaged over documents.
 */

/** Python's `re` `\w` on str: letters, numbers (any category N) and `_`. */
const WORD = /[\p{L}\p{N}_]+/gu

/** Default shingle size. */
export const NGRAM = 4

/** The `\w+` tokens of a text. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? []
}

/** Word n-grams of a text as a multiset (shingle → count). */
export function shingles(text: string, n = NGRAM): Map<string, number> {
  const tokens = tokenize(text)
  const out = new Map<string, number>()
  // A text shorter than n tokens still counts as one shingle.
  const last = tokens.length < n ? Math.min(tokens.length, 1) : tokens.length - n + 1
  const width = Math.min(n, tokens.length)
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + width).join('\u0001')
    out.set(key, (out.get(key) ?? 0) + 1)
  }
  return out
}

/** Per-document shingle counts (raw, not normalised). */
export interface DocCounts {
  tp: number
  fp: number
  fn: number
}

/** Overlap of predicted and gold shingle multisets. */
export function matchShingles(predicted: string, gold: string, n = NGRAM): DocCounts {
  const pred = shingles(predicted, n)
  const want = shingles(gold, n)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [key, count] of pred) {
    const other = want.get(key) ?? 0
    tp += Math.min(count, other)
    fp += Math.max(0, count - other)
  }
  for (const [key, count] of want) {
    const other = pred.get(key) ?? 0
    fn += Math.max(0, count - other)
  }
  return {tp, fp, fn}
}

/** Precision/recall/F1 of one document; `undefined` where the metric skips it. */
export interface DocScore extends DocCounts {
  precision: number | undefined
  recall: number | undefined
  f1: number | undefined
}

export function scoreDoc(counts: DocCounts): DocScore {
  const {tp, fp, fn} = counts
  const sum = tp + fp + fn
  let precision: number | undefined
  let recall: number | undefined
  if (fp === 0 && fn === 0) {
    precision = 1
    recall = 1
  } else {
    // Normalising by tp+fp+fn (as the benchmark does) leaves the ratios unchanged.
    const ntp = tp / sum
    const nfp = fp / sum
    const nfn = fn / sum
    if (ntp + nfp > 0) precision = ntp / (ntp + nfp)
    if (ntp + nfn > 0) recall = ntp / (ntp + nfn)
  }
  const p = precision ?? 0
  const r = recall ?? 0
  const f1 = precision === undefined && recall === undefined ? undefined : p + r > 0 ? (2 * p * r) / (p + r) : 0
  return {tp, fp, fn, precision, recall, f1}
}

/** Set-level figures: P and R averaged over documents, F1 from those means. */
export interface SetScore {
  documents: number
  precision: number
  recall: number
  f1: number
}

export function aggregate(scores: readonly DocScore[]): SetScore {
  let p = 0
  let pn = 0
  let r = 0
  let rn = 0
  for (const s of scores) {
    if (s.precision !== undefined) {
      p += s.precision
      pn++
    }
    if (s.recall !== undefined) {
      r += s.recall
      rn++
    }
  }
  const precision = pn ? p / pn : 0
  const recall = rn ? r / rn : 0
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return {documents: scores.length, precision, recall, f1}
}
