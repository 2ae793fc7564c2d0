import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {firstOccurrence, reportRemoval} from '../article/messages.js'
import {editSimilarity, shingleSet, similarity, tokenize} from '../similarity/index.js'

/** Options for {@link dedupeParagraphs}. */
export interface DedupeParagraphsOptions {
  /**
   * Remove near repeats too (word-shingle Jaccard similarity), not only exact ones.
   * @default true
   */
  near?: boolean
  /**
   * Similarity at or above which two paragraphs are near repeats: word-level
   * edit similarity (1 - edits / words) for paragraphs of up to
   * `maxEditWords` words, word-shingle Jaccard for longer ones.
   * @default 0.8
   */
  threshold?: number
  /**
   * Words per shingle, used to find candidates and to compare long paragraphs.
   * @default 2
   */
  shingleSize?: number
  /**
   * Longest paragraph, in words, compared by edit similarity.
   * @default 400
   */
  maxEditWords?: number
  /**
   * Fewest words a paragraph needs before an exact repeat is removed; short
   * repeated lines ("Yes.", a refrain) are often meant.
   * @default 4
   */
  minWords?: number
  /**
   * Fewest words a paragraph needs to be compared for near repeats.
   * @default 8
   */
  nearMinWords?: number
}

type Shingles = ReturnType<typeof shingleSet>
interface Kept {
  node: RootContent
  tokens: string[]
  shingles: Shingles
}
type Key = Shingles extends Set<infer T> ? T : never

/** A shingle shared by more paragraphs than this is too common to find candidates with. */
const MAX_POSTINGS = 64
/** Most earlier paragraphs scored against one paragraph. */
const MAX_CANDIDATES = 8

/**
 * Remove paragraphs repeated inside one article, exact (after normalization)
 * or near (one word changed), keeping the first occurrence. Every removal's
 * `cause` points at the paragraph it repeats.
 */
export default function dedupeParagraphs(options: DedupeParagraphsOptions = {}) {
  const near = options.near ?? true
  const threshold = options.threshold ?? 0.8
  const size = options.shingleSize ?? 2
  const maxEditWords = options.maxEditWords ?? 400
  const minWords = options.minWords ?? 4
  const nearMinWords = options.nearMinWords ?? 8

  return (tree: Root, file: VFile) => {
    const exact = new Map<string, RootContent>()
    const kept: Kept[] = []
    const postings = new Map<Key, number[]>()
    const keep: RootContent[] = []

    for (const node of tree.children) {
      const text = toString(node)
      const tokens = tokenize(text)
      const words = tokens.length
      const folded = tokens.join(' ')
      if (words < minWords) {
        keep.push(node)
        continue
      }
      const first = exact.get(folded)
      if (first) {
        reportRemoval(file, node, {
          ruleId: 'duplicate/exact-paragraph',
          reason: 'paragraph repeated word for word',
          cause: firstOccurrence(file, first, 'first occurrence')
        })
        continue
      }
      if (near && words >= nearMinWords) {
        const shingles = shingleSet(folded, size)
        const match = nearest({node, tokens, shingles}, kept, postings, threshold, maxEditWords)
        if (match) {
          reportRemoval(file, node, {
            ruleId: 'duplicate/near-paragraph',
            reason: `paragraph nearly repeats an earlier one (similarity ${match.similarity.toFixed(2)})`,
            cause: firstOccurrence(file, match.node, 'first occurrence')
          })
          continue
        }
        const index = kept.length
        kept.push({node, tokens, shingles})
        for (const shingle of shingles) {
          const list = postings.get(shingle)
          if (!list) postings.set(shingle, [index])
          else if (list.length < MAX_POSTINGS) list.push(index)
        }
      }
      exact.set(folded, node)
      keep.push(node)
    }
    tree.children = keep
  }
}

function nearest(
  paragraph: Kept,
  kept: Kept[],
  postings: Map<Key, number[]>,
  threshold: number,
  maxEditWords: number
): {node: RootContent; similarity: number} | undefined {
  // Count shared shingles per earlier paragraph; at similarity 0.8 at least
  // about half the shingles survive, so fewer shared means no match.
  const shared = new Map<number, number>()
  for (const shingle of paragraph.shingles) {
    const list = postings.get(shingle)
    if (list) for (const index of list) shared.set(index, (shared.get(index) ?? 0) + 1)
  }
  const floor = paragraph.shingles.size * (threshold - 0.3)
  const candidates = [...shared]
    .filter(([, count]) => count >= floor)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_CANDIDATES)
    .map(([index]) => index)
  let best: {node: RootContent; similarity: number} | undefined
  // Candidates in document order, so the earliest best match is the cause.
  for (const index of candidates.sort((a, b) => a - b)) {
    const other = kept[index]
    const score =
      paragraph.tokens.length <= maxEditWords && other.tokens.length <= maxEditWords
        ? editSimilarity(paragraph.tokens, other.tokens)
        : similarity(paragraph.shingles, other.shingles)
    if (score >= threshold && (!best || score > best.similarity)) best = {node: other.node, similarity: score}
  }
  return best
}
