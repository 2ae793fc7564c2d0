/** Pairwise precision / recall and the Adjusted Rand Index of a clustering against gold labels. */
export interface ClusterScore {
  precision: number
  recall: number
  f1: number
  ari: number
  /** Pairs put together by the tool / by the labels / by both. */
  predictedPairs: number
  goldPairs: number
  truePairs: number
}

const pairs = (n: number) => (n * (n - 1)) / 2

/**
 * Score `predicted[i]` (any cluster key) against `gold[i]`. Counting goes
 * through the contingency table, so it is linear in the number of records,
 * not in the number of pairs. With no predicted pairs precision is 1.
 */
export function scoreClusters(predicted: readonly string[], gold: readonly string[]): ClusterScore {
  if (predicted.length !== gold.length) throw new RangeError('predicted and gold differ in length')
  const cells = new Map<string, number>()
  const rows = new Map<string, number>()
  const cols = new Map<string, number>()
  for (let i = 0; i < gold.length; i++) {
    const cell = JSON.stringify([predicted[i], gold[i]])
    cells.set(cell, (cells.get(cell) ?? 0) + 1)
    rows.set(predicted[i], (rows.get(predicted[i]) ?? 0) + 1)
    cols.set(gold[i], (cols.get(gold[i]) ?? 0) + 1)
  }
  let truePairs = 0
  for (const n of cells.values()) truePairs += pairs(n)
  let predictedPairs = 0
  for (const n of rows.values()) predictedPairs += pairs(n)
  let goldPairs = 0
  for (const n of cols.values()) goldPairs += pairs(n)
  const precision = predictedPairs === 0 ? 1 : truePairs / predictedPairs
  const recall = goldPairs === 0 ? 1 : truePairs / goldPairs
  const expected = (predictedPairs * goldPairs) / pairs(gold.length)
  const maximum = (predictedPairs + goldPairs) / 2
  const ari = maximum === expected ? 1 : (truePairs - expected) / (maximum - expected)
  return {precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), ari, predictedPairs, goldPairs, truePairs}
}
