/**
 * Similarity of two token sequences by edit distance: 1 - distance / longer
 * length. One word changed in a ten-word sentence scores 0.9, where shingle
 * Jaccard would score about 0.6: the right measure for short paragraphs.
 * O(a × b) time and O(b) memory: call it on candidates, not on every pair.
 */
export function editSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1
  const longer = Math.max(a.length, b.length)
  if (Math.abs(a.length - b.length) / longer > 0.5) return 1 - Math.abs(a.length - b.length) / longer
  let previous = new Int32Array(b.length + 1)
  let current = new Int32Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    const token = a[i - 1]
    for (let j = 1; j <= b.length; j++) {
      const substitute = previous[j - 1] + (token === b[j - 1] ? 0 : 1)
      current[j] = Math.min(substitute, previous[j] + 1, current[j - 1] + 1)
    }
    ;[previous, current] = [current, previous]
  }
  return 1 - previous[b.length] / longer
}
