import {DEFAULT_SEED} from './hash.js'
import {createWordSpans, normalizeText} from './tokenize.js'
import {findWords, hashWords} from './word-hashes.js'

/**
 * The words of a series of short texts (the paragraphs of one article),
 * normalized, found and hashed all at once: one string, one buffer of
 * spans, one hashing call, so short texts do not each pay the fixed costs.
 * Counting, hashing and comparing words makes no strings; {@link list}
 * makes a text's word strings once, for the few that need them.
 */
export class WordStore {
  /** The normalized texts joined by line feeds (never part of a word). */
  private text = ''
  private spans = createWordSpans(4096)
  /** Index in `spans` of each text's first word; one more entry than texts. */
  private first: number[] = [0]
  private pairs = new Uint32Array(8192)
  private tokens: (string[] | undefined)[] = []
  /** Whether each text's words are all {@link STABLE}. */
  private stable: boolean[] = []

  /** Replace the texts by `texts`, each passed through {@link normalizeText}. */
  load(texts: readonly string[], seed: bigint = DEFAULT_SEED): void {
    const normalized = texts.map(normalizeText)
    this.text = normalized.join('\n')
    if (this.spans.start.length > 1 << 16) this.spans = createWordSpans(4096)
    this.spans.length = 0
    this.first.length = 1
    this.stable.length = 0
    let at = 0
    for (const text of normalized) {
      // Ranges by length: a text may hold line feeds itself.
      this.spans.stable = true
      findWords(this.text, at, at + text.length, this.spans)
      this.first.push(this.spans.length)
      this.stable.push(this.spans.stable)
      at += text.length + 1
    }
    const pairs = hashWords(this.text, this.spans, seed)
    if (this.pairs.length < pairs.length || this.pairs.length > Math.max(8192, pairs.length * 8)) this.pairs = new Uint32Array(Math.max(8192, pairs.length))
    this.pairs.set(pairs)
    this.tokens = new Array(texts.length)
  }

  /** Number of words of text `i`. */
  size(i: number): number {
    return this.first[i + 1] - this.first[i]
  }

  /** xxHash64 of every word of text `i`, as (high, low) pairs (a view, valid until the next load). */
  hashes(i: number): Uint32Array {
    return this.pairs.subarray(this.first[i] * 2, this.first[i + 1] * 2)
  }

  /** The words of text `i` as strings: {@link tokenize} of the text. */
  list(i: number): string[] {
    let tokens = this.tokens[i]
    if (!tokens) {
      const {start, end} = this.spans
      tokens = []
      for (let w = this.first[i]; w < this.first[i + 1]; w++) tokens.push(this.text.slice(start[w], end[w]))
      this.tokens[i] = tokens
    }
    return tokens
  }

  /** Whether texts `i` and `j` have the same words in the same order. */
  equals(i: number, j: number): boolean {
    const n = this.size(i)
    if (this.size(j) !== n) return false
    const {text} = this
    const {start, end} = this.spans
    for (let w = 0; w < n; w++) {
      const wi = this.first[i] + w
      const wj = this.first[j] + w
      const length = end[wi] - start[wi]
      if (end[wj] - start[wj] !== length) return false
      for (let k = 0; k < length; k++) if (text.charCodeAt(start[wi] + k) !== text.charCodeAt(start[wj] + k)) return false
    }
    return true
  }

  /**
   * Whether text `i`'s words joined by spaces are unchanged by
   * {@link normalizeText}, so that tokenizing that folded form gives these
   * words again. Certain when every character is stable (see char-class.ts); checked otherwise.
   */
  stableWhenFolded(i: number): boolean {
    if (this.stable[i]) return true
    const folded = this.list(i).join(' ')
    return normalizeText(folded) === folded
  }
}
