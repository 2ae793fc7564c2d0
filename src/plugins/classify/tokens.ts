/**
 * One token pass per page: every block's lower-cased words become ids into
 * the page's vocabulary, so that the stopword counts, the language guess, the
 * headline anchor and topic cohesion work on integers (typed arrays indexed
 * by id) instead of hashing the same strings again and again.
 *
 * Tokens are what `/[\p{L}\p{N}_]+/gu` matches in the lower-cased text; the
 * scanner below finds the same spans without the regex.
 */

/** A letter, a digit or `_`: one code point. */
const WORD_CHAR = /^[\p{L}\p{N}_]$/u
/** Scripts without spaces between words. */
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Hangul}]/u

/** Word-character test per UTF-16 unit outside surrogates: 0 not asked yet, 1 yes, 2 no. Filled on demand. */
const bmpWord = new Uint8Array(0x10000)
for (let c = 0; c < 128; c++) {
  const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
  bmpWord[c] = word ? 1 : 2
}
for (let c = 0xd800; c <= 0xdfff; c++) bmpWord[c] = 2
const astralWord = new Map<number, boolean>()

/** How many code units the word character at `i` takes (0 when it is no word character). */
function wordWidth(s: string, i: number, c: number): number {
  let known = bmpWord[c]
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2
    bmpWord[c] = known
  }
  if (known === 1) return 1
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return 0
  const low = s.charCodeAt(i + 1)
  if (low < 0xdc00 || low > 0xdfff) return 0
  const cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
  let word = astralWord.get(cp)
  if (word === undefined) {
    word = WORD_CHAR.test(String.fromCodePoint(cp))
    astralWord.set(cp, word)
  }
  return word ? 2 : 0
}

/** The distinct words of one page and the token ids of its blocks. */
export class PageWords {
  /** The distinct lower-cased words, by id. */
  readonly words: string[] = []
  /** How many words each id counts for (a long token of a script without spaces: about one per two characters). */
  readonly weight: number[] = []
  /** Token ids of all blocks, in order; a block holds a range of it. */
  ids = new Int32Array(256)
  /** How many entries of `ids` are used. */
  length = 0
  private readonly index = new Map<string, number>()
  private contentStop: ReadonlySet<string> | undefined | null = null
  private content = new Uint8Array(0)

  /** Distinct words so far. */
  get size(): number {
    return this.words.length
  }

  /** The id of a lower-cased word, or -1 when the page does not have it. */
  id(word: string): number {
    return this.index.get(word) ?? -1
  }

  /** The words of `ids[from..to)`. */
  tokens(from: number, to: number): string[] {
    const out: string[] = []
    for (let k = from; k < to; k++) out.push(this.words[this.ids[k]])
    return out
  }

  /** Append the tokens of one lower-cased block; they take `ids[length before .. length after)`. */
  add(lower: string): void {
    const len = lower.length
    // At most one token per two code units (a token and a separator).
    if (this.length + (len >> 1) + 1 > this.ids.length) {
      const grown = new Int32Array(Math.max(this.ids.length * 2, this.length + (len >> 1) + 1))
      grown.set(this.ids.subarray(0, this.length))
      this.ids = grown
    }
    const ids = this.ids
    let n = this.length
    let i = 0
    while (i < len) {
      let w = wordWidth(lower, i, lower.charCodeAt(i))
      if (w === 0) {
        i++
        continue
      }
      const start = i
      do i += w
      while (i < len && (w = wordWidth(lower, i, lower.charCodeAt(i))) > 0)
      ids[n++] = this.intern(lower.slice(start, i))
    }
    this.length = n
  }

  private intern(word: string): number {
    let id = this.index.get(word)
    if (id === undefined) {
      id = this.words.length
      this.index.set(word, id)
      this.words.push(word)
      this.weight.push(word.length > 12 && CJK.test(word) ? Math.ceil(word.length / 2) : 1)
    }
    return id
  }

  /**
   * Per id, 1 for a content word: not a stopword, at least 3 characters,
   * not starting with a digit. Kept for the last stopword set asked for.
   */
  contentWords(stop: ReadonlySet<string> | undefined): Uint8Array {
    if (this.contentStop === stop && this.content.length === this.words.length) return this.content
    const flags = new Uint8Array(this.words.length)
    for (let id = 0; id < flags.length; id++) flags[id] = isContent(this.words[id], stop) ? 1 : 0
    this.contentStop = stop
    this.content = flags
    return flags
  }
}

/** Content words: not stopwords, at least 3 characters, not numbers. */
export function isContent(token: string, stop: ReadonlySet<string> | undefined): boolean {
  if (token.length < 3 || (stop !== undefined && stop.has(token))) return false
  const c = token.charCodeAt(0)
  return !(c >= 48 && c <= 57)
}
