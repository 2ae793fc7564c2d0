/**
 * Measures of every block's own text, in the spirit of jusText and
 * boilerpipe: length, word count, stopwords, capitalised words, terminal
 * punctuation, link-like text, list markers, repetition within the page.
 * One character pass per block plus one shared token pass (see
 * {@link PageWords}); the regexes left run only on short blocks.
 */
import {LanguageTally, stopwordLanguageIndex, stopwordsFor} from './stopwords.js'
import {copyright, endsSentence, isSpace, linkLike, scanChars} from './text-scan.js'
import {PageWords} from './tokens.js'

const LIST_MARKER = /^(?:[•·▪◦●■*–-]|\d{1,2}[.)]\s|[a-z][.)]\s)/u
/** Whether a block starting with `c` may match LIST_MARKER (most start with a capital and cannot). */
const mayListMarker = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 42 || c === 45 || c === 0x2022 || c === 0xb7 ||
  c === 0x25aa || c === 0x25e6 || c === 0x25cf || c === 0x25a0 || c === 0x2013
const TIME_OF_DAY = /\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}\s?[ap]\.?m\b/iu
const YEAR = /\b(?:19|20)\d{2}\b/u

/** What the features need to know about one block. */
export interface BlockInput {
  /** The block's text as the page has it. */
  text: string
  /** Blank-line-separated group (blocks without one get their own). */
  group: number
  /** Physical lines merged into the block. */
  lines: number
}

/** Measures of one block's own text. */
export interface BlockStats {
  chars: number
  words: number
  stopwords: number
  capitalised: number
  digits: number
  terminal: boolean
  colon: boolean
  commas: number
  linkLike: boolean
  allCaps: boolean
  listMarker: boolean
  copyright: boolean
  /** A short block holding a time of day or a year (datelines, comment headers). */
  timeLike: boolean
  yearLike: boolean
  lines: number
  group: number
  /** Of the lines after the first (merged hard-wrapped blocks), the share starting with a capital: lists, not prose. */
  lineCaps: number
  /** How many blocks of the page have exactly this text. */
  repeats: number
  /** The page's words; the block's tokens are `page.ids[from..to)`. */
  page: PageWords
  from: number
  to: number
  /** Lower-cased tokens (built on demand from the ids). */
  readonly tokens: string[]
}

class Block implements BlockStats {
  chars = 0
  words = 0
  stopwords = 0
  capitalised = 0
  digits = 0
  terminal = false
  colon = false
  commas = 0
  linkLike = false
  allCaps = false
  listMarker = false
  copyright = false
  timeLike = false
  yearLike = false
  lines = 1
  group = 0
  lineCaps = 0
  repeats = 0
  constructor(
    readonly page: PageWords,
    readonly from: number,
    readonly to: number
  ) {}

  /** Take the measures of the block's own text from `o` (a block with the same text). */
  copyOwn(o: Block): this {
    this.chars = o.chars
    this.words = o.words
    this.capitalised = o.capitalised
    this.digits = o.digits
    this.terminal = o.terminal
    this.colon = o.colon
    this.commas = o.commas
    this.linkLike = o.linkLike
    this.allCaps = o.allCaps
    this.listMarker = o.listMarker
    this.copyright = o.copyright
    this.timeLike = o.timeLike
    this.yearLike = o.yearLike
    this.lineCaps = o.lineCaps
    return this
  }

  get tokens(): string[] {
    return this.page.tokens(this.from, this.to)
  }
}

/**
 * What {@link measureBlocks} keeps of one article between its cleaning
 * passes: the page's vocabulary, and each block's own measures by text. A
 * later pass sees the blocks an earlier one kept; their measures do not
 * change, only the page's (repeats, stopword counts).
 */
export interface MeasureMemo {
  page?: PageWords
  blocks: Map<string, {own: Block; ids: Int32Array}>
}

/** A new memo for one article. */
export function measureMemo(): MeasureMemo {
  return {blocks: new Map()}
}

/** Measure every block; guesses the language when `language` is `undefined`. */
export function measureBlocks(
  blocks: readonly BlockInput[],
  language?: string,
  memo?: MeasureMemo
): {stats: BlockStats[]; language: string | undefined; stopwords: ReadonlySet<string> | undefined} {
  let chars = 0
  for (const block of blocks) chars += block.text.length
  const page = memo?.page?.restart(chars) ?? new PageWords(chars)
  if (memo) memo.page = page
  const stats: Block[] = []
  const seen = new Map<string, number>()
  for (const block of blocks) {
    const text = block.text
    seen.set(text, (seen.get(text) ?? 0) + 1)
    const from = page.length
    const known = memo?.blocks.get(text)
    let s: Block
    if (known) {
      page.append(known.ids)
      s = new Block(page, from, page.length).copyOwn(known.own)
    } else {
      s = measureOwn(page, text)
      memo?.blocks.set(text, {own: s, ids: page.ids.slice(from, page.length)})
    }
    s.lines = block.lines
    s.group = block.group
    stats.push(s)
  }
  for (let i = 0; i < blocks.length; i++) stats[i].repeats = seen.get(blocks[i].text) ?? 1
  const lang = language ?? guessSample(stats)
  const stop = lang ? stopwordsFor(lang) : undefined
  if (stop && stop.size > 0) {
    const isStopword = page.stopwords(stop, stopwordLanguageIndex(lang!))
    const ids = page.ids
    for (const s of stats) {
      let n = 0
      for (let k = s.from; k < s.to; k++) n += isStopword[ids[k]]
      s.stopwords = n
    }
  }
  return {stats, language: lang, stopwords: stop && stop.size > 0 ? stop : undefined}
}

/** A block's measures of its own text; its tokens are appended to `page`. */
function measureOwn(page: PageWords, text: string): Block {
  const lower = text.toLowerCase()
  const from = page.length
  const words = page.add(lower)
  const s = new Block(page, from, page.length)
  const seenChars = scanChars(s, text, lower)
  let end = text.length
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
  s.chars = text.length
  s.words = words
  s.terminal = endsSentence(text, end)
  s.colon = end > 0 && text.charCodeAt(end - 1) === 58
  s.linkLike = text.length < 400 && linkLike(lower, seenChars)
  s.listMarker = mayListMarker(text.charCodeAt(0)) && LIST_MARKER.test(text)
  s.copyright = text.length < 400 && copyright(lower, seenChars)
  s.timeLike = words <= 12 && s.digits > 0 && TIME_OF_DAY.test(text)
  s.yearLike = words <= 12 && s.digits >= 4 && YEAR.test(text)
  return s
}

/** The language of the first 1500 tokens of the page's longer blocks (8 tokens or more). */
function guessSample(stats: readonly Block[]): string | undefined {
  const tally = new LanguageTally()
  let budget = 1500
  for (const s of stats) {
    if (s.to - s.from >= 8) budget = s.page.tallyLanguages(tally, s.from, s.to, budget)
    if (budget === 0) break
  }
  return tally.best()
}
