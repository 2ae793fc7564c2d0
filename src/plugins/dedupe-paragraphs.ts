import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {firstOccurrence, reportRemoval} from '../article/messages.js'
import {nodeText} from '../article/node-text.js'
import {ShinglePostings, WordStore, combineShinglesScratch, editSimilarity, mix32, shingleHashes, tokenize} from '../similarity/index.js'

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
  // Reused from article to article (the transformer runs synchronously).
  const words = new WordStore()
  const postings = new ShinglePostings()

  return (tree: Root, file: VFile) => {
    // Kept paragraphs (by index) under a hash of their words; a hit is confirmed word by word.
    const exact = new Map<number, number[]>()
    // The paragraph of each document in `postings`.
    const documents: number[] = []
    const children = tree.children
    const keep: RootContent[] = []
    words.load(children.map((node) => nodeText(node)))
    postings.reset()

    for (let paragraph = 0; paragraph < children.length; paragraph++) {
      const node = children[paragraph]
      const count = words.size(paragraph)
      if (count < minWords) {
        keep.push(node)
        continue
      }
      const pairs = words.hashes(paragraph)
      const key = digest(pairs)
      const first = sameWords(exact.get(key), paragraph, words)
      if (first !== undefined) {
        reportRemoval(file, node, {
          ruleId: 'duplicate/exact-paragraph',
          reason: 'paragraph repeated word for word',
          cause: firstOccurrence(file, children[first], 'first occurrence')
        })
        continue
      }
      if (near && count >= nearMinWords) {
        // Shingles are those of the folded text (the words joined by spaces),
        // which are these words unless normalizing the folded text changes them.
        if (words.stableWhenFolded(paragraph)) {
          const {hi, lo, count: shingles} = combineShinglesScratch(pairs, size)
          postings.prepare(hi, lo, shingles)
        } else {
          const {hi, lo} = shingleHashes(tokenize(words.list(paragraph).join(' ')), size)
          postings.prepare(hi, lo, lo.length)
        }
        const match = nearest(paragraph, documents, words, postings, threshold, maxEditWords)
        if (match) {
          reportRemoval(file, node, {
            ruleId: 'duplicate/near-paragraph',
            reason: `paragraph nearly repeats an earlier one (similarity ${match.similarity.toFixed(2)})`,
            cause: firstOccurrence(file, children[match.paragraph], 'first occurrence')
          })
          continue
        }
        postings.commit(MAX_POSTINGS)
        documents.push(paragraph)
      }
      const same = exact.get(key)
      if (same) same.push(paragraph)
      else exact.set(key, [paragraph])
      keep.push(node)
    }
    tree.children = keep
  }
}

/** The first of `paragraphs` with the same words as `paragraph`. */
function sameWords(paragraphs: number[] | undefined, paragraph: number, words: WordStore): number | undefined {
  if (paragraphs) for (const other of paragraphs) if (words.equals(other, paragraph)) return other
  return undefined
}

/** A small-integer key from word hashes (the low halves): cheap to hash, and a collision only costs a word-by-word check. */
function digest(pairs: Uint32Array): number {
  let a = pairs.length
  for (let i = 1; i < pairs.length; i += 2) a = Math.imul(a ^ pairs[i], 0x01000193)
  return mix32(a) >>> 2
}

/** The earlier paragraph the pending one in `postings` best nearly repeats, if any. */
function nearest(
  paragraph: number,
  documents: number[],
  words: WordStore,
  postings: ShinglePostings,
  threshold: number,
  maxEditWords: number
): {paragraph: number; similarity: number} | undefined {
  const shingles = postings.pendingSize
  // Count shared shingles per earlier paragraph; at similarity 0.8 at least
  // about half the shingles survive, so fewer shared means no match.
  const candidates = postings.candidates(shingles * (threshold - 0.3), MAX_CANDIDATES)
  let best: {paragraph: number; similarity: number} | undefined
  // Candidates in document order, so the earliest best match is the cause.
  for (const doc of candidates) {
    const other = documents[doc]
    let score: number
    if (words.size(paragraph) <= maxEditWords && words.size(other) <= maxEditWords) score = editSimilarity(words.list(paragraph), words.list(other))
    else {
      // Exact Jaccard similarity of the shingle sets.
      const shared = postings.overlap(doc)
      score = shared / (shingles + postings.size(doc) - shared)
    }
    if (score >= threshold && (!best || score > best.similarity)) best = {paragraph: other, similarity: score}
  }
  return best
}
