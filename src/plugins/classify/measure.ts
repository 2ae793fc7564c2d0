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

  get tokens(): string[] {
    return this.page.tokens(this.from, this.to)
  }
}

/** Measure every block; guesses the language when `language` is `undefined`. */
export function measureBlocks(
  blocks: readonly BlockInput[],
  language?: string
): {stats: BlockStats[]; language: string | undefined; stopwords: ReadonlySet<string> | undefined} {
  let chars = 0
  for (const block of blocks) chars += block.text.length
  const page = new PageWords(chars)
  const stats: Block[] = []
  const seen = new Map<string, number>()
  for (const block of blocks) {
    const text = block.text
    const lower = text.toLowerCase()
    const from = page.length
    const words = page.add(lower)
    const s = new Block(page, from, page.length)
    const seenChars = scanChars(s, text, lower)
    let end = text.length
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
    seen.set(text, (seen.get(text) ?? 0) + 1)
    s.chars = text.length
    s.words = words
    s.terminal = endsSentence(text, end)
    s.colon = end > 0 && text.charCodeAt(end - 1) === 58
    s.linkLike = text.length < 400 && linkLike(lower, seenChars)
    s.listMarker = mayListMarker(text.charCodeAt(0)) && LIST_MARKER.test(text)
    s.copyright = text.length < 400 && copyright(lower, seenChars)
    s.timeLike = words <= 12 && s.digits > 0 && TIME_OF_DAY.test(text)
    s.yearLike = words <= 12 && s.digits >= 4 && YEAR.test(text)
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
