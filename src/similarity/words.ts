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
  /** The texts joined by line feeds (never part of a word), normalized. */
  private text = ''
  private spans = createWordSpans(4096)
  /** Index in `spans` of each text's first word; one more entry than texts. */
  private first: number[] = [0]
  private pairs = new Uint32Array(8192)
  private tokens: (string[] | undefined)[] = []
  /** Whether each text's words are made of stable characters only (see char-class.ts). */
  private stable: boolean[] = []

  /** Replace the texts by `texts`, each passed through {@link normalizeText}. */
  load(texts: readonly string[], seed: bigint = DEFAULT_SEED): void {
    // One normalization of the joined texts: a line feed is a boundary for
    // NFKC and for lower casing (final sigma), and neither makes nor removes one.
    this.text = normalizeText(texts.join('\n'))
    if (this.spans.start.length > 1 << 16) this.spans = createWordSpans(4096)
    this.spans.length = 0
    this.first.length = 1
    this.stable.length = 0
    // All words in one pass (a line feed is no part of a word), then each text's share by offset.
    this.spans.stable = true
    findWords(this.text, 0, this.text.length, this.spans)
    const {start} = this.spans
    let word = 0
    let end = -1
    for (const text of texts) {
      // The text ends at the line feed after its own.
      for (let feed = text.indexOf('\n'); feed !== -1; feed = text.indexOf('\n', feed + 1)) end = this.text.indexOf('\n', end + 1)
      end = texts.length === this.first.length ? this.text.length : this.text.indexOf('\n', end + 1)
      while (word < this.spans.length && start[word] < end) word++
      this.first.push(word)
    }
    const allStable = this.spans.stable
    for (let i = 0; i < texts.length; i++) this.stable.push(allStable || this.findStable(i))
    const pairs = hashWords(this.text, this.spans, seed)
    if (this.pairs.length < pairs.length || this.pairs.length > Math.max(8192, pairs.length * 8)) this.pairs = new Uint32Array(Math.max(8192, pairs.length))
    this.pairs.set(pairs)
    this.tokens = new Array(texts.length)
  }

  /** Whether text `i`'s words are all made of stable characters (asked when some text's are not). */
  private findStable(i: number): boolean {
    const spans = createWordSpans(16)
    for (let w = this.first[i]; w < this.first[i + 1]; w++) findWords(this.text, this.spans.start[w], this.spans.end[w], spans)
    return spans.stable
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
