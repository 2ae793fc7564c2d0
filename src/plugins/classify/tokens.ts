/**
 * One token pass per page: every block's lower-cased words become ids into
 * the page's vocabulary, so that the stopword counts, the language guess, the
 * headline anchor and topic cohesion work on integers (typed arrays indexed
 * by id) instead of hashing the same strings again and again.
 *
 * Tokens are what `/[\p{L}\p{N}_]+/gu` matches in the lower-cased text; the
 * scanner finds the same spans without the regex, hashes each word as it
 * reads it and looks it up where it stands: a word is sliced out of its block
 * only when asked for.
 */
import {HASH_SEED, hashFinish, hashRange, hashStep, sameRange, tableSize} from './hash.js'
import {languageWords, stopwordBits} from './stopword-table.js'
import type {LanguageTally} from './stopwords.js'

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

function grow(a: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(Math.max(a.length * 2, size))
  grown.set(a)
  return grown
}

// Per id, `stride` ints: where its first occurrence starts, its length, its
// hash, how many words it counts for, then its stopword languages as bits.
const START = 0
const CHARS = 1
const HASH = 2
const WEIGHT = 3
const LANGS = 4

/** The distinct words of one page and the token ids of its blocks. */
export class PageWords {
  /** Distinct words so far. */
  size = 0
  /** Token ids of all blocks, in order; a block holds a range of it. */
  ids: Int32Array
  /** How many entries of `ids` are used. */
  length = 0
  /** Per id: the lower-cased block holding its first occurrence. */
  private readonly source: string[] = []
  private info: Int32Array
  /** 32-bit words of language bits per id. */
  private readonly width = languageWords()
  private readonly stride = LANGS + this.width
  private sliced: (string | undefined)[] | undefined
  /** Open addressing over the hashes: id + 1, 0 for empty. */
  private table: Int32Array
  private contentStop: ReadonlySet<string> | undefined | null = null
  private content: Uint8Array | undefined
  private stopSet: ReadonlySet<string> | undefined
  private stopFlags: Uint8Array | undefined

  /** `chars` is the page's length, to size the tables once. */
  constructor(chars = 0) {
    // About one token per six characters and one new word per two tokens; more grows the tables.
    // One backing store for the three: each costs more to allocate than to fill.
    const ids = (chars >> 2) + 16
    const info = ((chars >> 3) + 16) * this.stride
    const table = tableSize((chars >> 2) + 32)
    const buffer = new ArrayBuffer((ids + info + table) * 4)
    this.ids = new Int32Array(buffer, 0, ids)
    this.info = new Int32Array(buffer, ids * 4, info)
    this.table = new Int32Array(buffer, (ids + info) * 4, table)
  }

  /**
   * Start the page again with no blocks but the same vocabulary, for the
   * next cleaning pass over the same article: ids kept from the last pass
   * (see {@link append}) still name the same words.
   */
  restart(chars: number): this {
    this.length = 0
    if ((chars >> 2) + 16 > this.ids.length) this.ids = new Int32Array((chars >> 2) + 16)
    // Per-id flags (content words, stopwords) depend on the words alone: they stay.
    return this
  }

  /** Append the token ids of a block this page's vocabulary already holds. */
  append(ids: Int32Array): void {
    if (this.length + ids.length > this.ids.length) this.ids = grow(this.ids, this.length + ids.length)
    this.ids.set(ids, this.length)
    this.length += ids.length
  }

  /** The word of an id. */
  word(id: number): string {
    this.sliced ??= []
    let word = this.sliced[id]
    if (word === undefined) {
      const at = id * this.stride
      word = this.source[id].slice(this.info[at + START], this.info[at + START] + this.info[at + CHARS])
      this.sliced[id] = word
    }
    return word
  }

  /** The id of a lower-cased word, or -1 when the page does not have it. */
  id(word: string): number {
    return Math.max(-1, this.find(word, 0, word.length, hashRange(word, 0, word.length)))
  }

  /** The words of `ids[from..to)`. */
  tokens(from: number, to: number): string[] {
    const out: string[] = []
    for (let k = from; k < to; k++) out.push(this.word(this.ids[k]))
    return out
  }

  /**
   * Append the tokens of one lower-cased block; they take `ids[length before
   * .. length after)`. Returns how many words they count for.
   */
  add(lower: string): number {
    const len = lower.length
    // At most one token per two code units (a token and a separator).
    if (this.length + (len >> 1) + 1 > this.ids.length) this.ids = grow(this.ids, this.length + (len >> 1) + 1)
    const ids = this.ids
    let n = this.length
    let words = 0
    let i = 0
    while (i < len) {
      let c = lower.charCodeAt(i)
      let w = c < 128 ? 2 - bmpWord[c] : wordWidth(lower, i, c)
      if (w === 0) {
        i++
        continue
      }
      const start = i
      let h = HASH_SEED
      do {
        h = hashStep(h, c)
        if (w === 2) h = hashStep(h, lower.charCodeAt(i + 1))
        i += w
        if (i === len) break
        c = lower.charCodeAt(i)
        w = c < 128 ? 2 - bmpWord[c] : wordWidth(lower, i, c)
      } while (w > 0)
      h = hashFinish(h)
      let id = this.find(lower, start, i, h)
      if (id < 0) id = this.insert(lower, start, i, h, -1 - id)
      ids[n++] = id
      words += this.info[id * this.stride + WEIGHT]
    }
    this.length = n
    return words
  }

  /** The id of `s[start..end)` (hash `h`), or `-1 - slot` of the empty slot where it would go. */
  private find(s: string, start: number, end: number, h: number): number {
    const {table, info, source, stride} = this
    const mask = table.length - 1
    const length = end - start
    let slot = h & mask
    for (; table[slot] !== 0; slot = (slot + 1) & mask) {
      const id = table[slot] - 1
      const at = id * stride
      if (info[at + HASH] === h && info[at + CHARS] === length && sameRange(source[id], info[at + START], s, start, length)) return id
    }
    return -1 - slot
  }

  private insert(s: string, start: number, end: number, h: number, slot: number): number {
    const id = this.size++
    const at = id * this.stride
    if (at === this.info.length) this.info = grow(this.info, 0)
    const length = end - start
    this.source.push(s)
    this.info[at + START] = start
    this.info[at + CHARS] = length
    this.info[at + HASH] = h
    this.info[at + WEIGHT] = length > 12 && CJK.test(this.word(id)) ? Math.ceil(length / 2) : 1
    stopwordBits(s, start, end, h, this.info, at + LANGS)
    if (this.size * 2 > this.table.length) this.rehash()
    else this.table[slot] = id + 1
    return id
  }

  private place(id: number): void {
    const mask = this.table.length - 1
    let slot = this.info[id * this.stride + HASH] & mask
    while (this.table[slot] !== 0) slot = (slot + 1) & mask
    this.table[slot] = id + 1
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2)
    for (let id = 0; id < this.size; id++) this.place(id)
  }

  /**
   * Per id, 1 for a stopword of the language at `language` (an index into
   * `stopwordLanguages()`); `stop` is that language's list, remembered so that
   * {@link contentWords} can tell it again.
   */
  stopwords(stop: ReadonlySet<string>, language: number): Uint8Array {
    const flags = new Uint8Array(this.size)
    const word = LANGS + (language >> 5)
    const bit = language & 31
    for (let id = 0; id < flags.length; id++) flags[id] = (this.info[id * this.stride + word] >>> bit) & 1
    this.stopSet = stop
    this.stopFlags = flags
    return flags
  }

  /** Count the stopword languages of `ids[from..to)`, at most `budget` tokens; returns the budget left. */
  tallyLanguages(tally: LanguageTally, from: number, to: number, budget: number): number {
    const {ids, info, stride, width} = this
    for (let k = from; k < to && budget > 0; k++, budget--) tally.addBits(info, ids[k] * stride + LANGS, width)
    return budget
  }

  /**
   * Per id, 1 for a content word: not a stopword, at least 3 characters,
   * not starting with a digit. Kept for the last stopword set asked for.
   */
  contentWords(stop: ReadonlySet<string> | undefined): Uint8Array {
    if (this.content !== undefined && this.contentStop === stop && this.content.length === this.size) return this.content
    const flags = new Uint8Array(this.size)
    const known = stop !== undefined && stop === this.stopSet && this.stopFlags?.length === this.size ? this.stopFlags : undefined
    for (let id = 0; id < flags.length; id++) {
      const at = id * this.stride
      if (this.info[at + CHARS] < 3) continue
      const c = this.source[id].charCodeAt(this.info[at + START])
      if (c >= 48 && c <= 57) continue
      if (stop !== undefined && (known ? known[id] === 1 : stop.has(this.word(id)))) continue
      flags[id] = 1
    }
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
