/**
 * Measures of every block's own text, in the spirit of jusText and
 * boilerpipe: length, word count, stopwords, capitalised words, terminal
 * punctuation, link-like text, list markers, repetition within the page.
 * One character pass per block plus one shared token pass (see
 * {@link PageWords}); the regexes left run only on short blocks.
 */
import {guessLanguageCounted, stopwordsFor} from './stopwords.js'
import {PageWords} from './tokens.js'

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

const LINK_WORDS = /\.(?:com|org|net)\b|^(?:more|next|previous|prev|back)\b|\b(?:read|see|view|show|load) (?:more|all)\b/u
const LIST_MARKER = /^(?:[•·▪◦●■*–-]|\d{1,2}[.)]\s|[a-z][.)]\s)/u
const TIME_OF_DAY = /\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}\s?[ap]\.?m\b/iu
const YEAR = /\b(?:19|20)\d{2}\b/u
const COPYRIGHT_C = /\(c\)\s*\d{4}/u

/** URLs, "read more", "next" (the block is lower-cased; link marks such as » are counted while scanning). */
function linkLike(lower: string): boolean {
  if (lower.includes('://') || lower.includes('www.')) return true
  const cheap = lower.includes('.com') || lower.includes('.org') || lower.includes('.net') || lower.includes('more') || lower.includes(' all')
  return (cheap || lower.startsWith('next') || lower.startsWith('prev') || lower.startsWith('back')) && LINK_WORDS.test(lower)
}

/** Copyright lines (the © sign is counted while scanning). */
function copyright(lower: string): boolean {
  return lower.includes('copyright') || lower.includes('all rights reserved') || (lower.includes('(c)') && COPYRIGHT_C.test(lower))
}

/** `\s` of a regex (and what `trimEnd` strips). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/** Quotes and brackets that may close a sentence: " ' ” ’ » ) ]. */
const isCloser = (c: number) => c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x29 || c === 0x5d
/** . ! ? … */
const isStop = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026
/** . ! ? … 。 ！ ？ */
const isEnd = (c: number) => isStop(c) || c === 0x3002 || c === 0xff01 || c === 0xff1f

/**
 * Whether `text[0..end)` ends a sentence: what
 * `/[.!?…。！？]["'”’»)\]]*$|[.!?…]\s*["”’»]$|["”»]$/u` accepts.
 */
function endsSentence(text: string, end: number): boolean {
  if (end === 0) return false
  const last = text.charCodeAt(end - 1)
  if (last === 0x22 || last === 0x201d || last === 0xbb) return true
  let j = end - 1
  while (j >= 0 && isCloser(text.charCodeAt(j))) j--
  if (j >= 0 && isEnd(text.charCodeAt(j))) return true
  // A closing ’ after a space: `."’` has been taken above, `. ’` is taken here.
  if (last !== 0x2019) return false
  j = end - 2
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--
  return j >= 0 && isStop(text.charCodeAt(j))
}

/** Per UTF-16 unit: 0 not asked yet, 1 when upper-casing changes it (a lower-case letter), 2 when not. */
const hasUpper = new Uint8Array(0x10000)

/** One pass over the characters: digits, separators, capitals, link marks, line starts. */
function scanChars(s: Block, text: string, lower: string): {linkMark: boolean; copyMark: boolean} {
  let digits = 0
  let commas = 0
  let breaks = 0
  let capsAfterBreak = 0
  let capitalised = 0
  let cased = 0
  let upper = 0
  let linkMark = false
  let copyMark = false
  let inWord = false
  const len = text.length
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i)
    let letter = false
    let isUpper = false
    if (c < 128) {
      if (c >= 65 && c <= 90) letter = isUpper = true
      else if (c >= 97 && c <= 122) letter = true
      else if (c >= 48 && c <= 57) digits++
      else if (c === 44 || c === 59) commas++
      else if (c === 124) linkMark = true
      else if (c === 10 && i + 1 < len) {
        breaks++
        let j = i + 1
        while (j < len && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++
        // Lower-casing may shift later units (İ → i̇); compare at the same index as before.
        if (j < len && text.charCodeAt(j) !== lower.charCodeAt(j)) capsAfterBreak++
      }
    } else if (c === 0xbb || c === 0x203a || c === 0x2192 || c === 0x25b6 || c === 0x25ba) linkMark = true
    else if (c === 0xa9) copyMark = true
    else if (c === 0xff0c || c === 0x3001) commas++
    else if (lower.charCodeAt(i) !== c) letter = isUpper = true
    else {
      let known = hasUpper[c]
      if (known === 0) {
        const ch = String.fromCharCode(c)
        known = ch.toUpperCase() !== ch ? 1 : 2
        hasUpper[c] = known
      }
      letter = known === 1
    }
    if (letter) {
      cased++
      if (isUpper) {
        upper++
        if (!inWord) capitalised++
      }
    }
    inWord = letter || (c >= 48 && c <= 57) || c === 95
  }
  s.digits = digits
  s.commas = commas
  s.capitalised = capitalised
  s.allCaps = cased >= 4 && upper >= cased * 0.9
  s.lineCaps = breaks > 0 ? capsAfterBreak / breaks : 0
  return {linkMark, copyMark}
}

/** Measure every block; guesses the language when `language` is `undefined`. */
export function measureBlocks(
  blocks: readonly BlockInput[],
  language?: string
): {stats: BlockStats[]; language: string | undefined; stopwords: ReadonlySet<string> | undefined} {
  const page = new PageWords()
  const stats: Block[] = []
  const seen = new Map<string, number>()
  for (const block of blocks) {
    const text = block.text
    const lower = text.toLowerCase()
    const from = page.length
    page.add(lower)
    const s = new Block(page, from, page.length)
    let words = 0
    for (let k = from; k < s.to; k++) words += page.weight[page.ids[k]]
    const {linkMark, copyMark} = scanChars(s, text, lower)
    let end = text.length
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
    seen.set(text, (seen.get(text) ?? 0) + 1)
    s.chars = text.length
    s.words = words
    s.terminal = endsSentence(text, end)
    s.colon = end > 0 && text.charCodeAt(end - 1) === 58
    s.linkLike = text.length < 400 && (linkMark || linkLike(lower))
    s.listMarker = LIST_MARKER.test(text)
    s.copyright = text.length < 400 && (copyMark || copyright(lower))
    s.timeLike = words <= 12 && s.digits > 0 && TIME_OF_DAY.test(text)
    s.yearLike = words <= 12 && s.digits > 0 && YEAR.test(text)
    s.lines = block.lines
    s.group = block.group
    stats.push(s)
  }
  for (let i = 0; i < blocks.length; i++) stats[i].repeats = seen.get(blocks[i].text) ?? 1
  const lang = language ?? guessSample(stats)
  const stop = lang ? stopwordsFor(lang) : undefined
  if (stop && stop.size > 0) {
    const isStopword = new Uint8Array(page.size)
    for (let id = 0; id < isStopword.length; id++) isStopword[id] = stop.has(page.words[id]) ? 1 : 0
    const ids = page.ids
    for (const s of stats) {
      let n = 0
      for (let k = s.from; k < s.to; k++) n += isStopword[ids[k]]
      s.stopwords = n
    }
  }
  return {stats, language: lang, stopwords: stop && stop.size > 0 ? stop : undefined}
}

/**
 * The language of the first 1500 tokens of the page's longer blocks (8
 * tokens or more), counted per distinct word.
 */
function guessSample(stats: readonly Block[]): string | undefined {
  if (stats.length === 0) return guessLanguageCounted([], [])
  const page = stats[0].page
  const counts = new Int32Array(page.size)
  const ids: number[] = []
  let budget = 1500
  sampling: for (const s of stats) {
    if (s.to - s.from < 8) continue
    for (let k = s.from; k < s.to; k++) {
      const id = page.ids[k]
      if (counts[id]++ === 0) ids.push(id)
      if (--budget === 0) break sampling
    }
  }
  return guessLanguageCounted(ids.map((id) => page.words[id]), ids.map((id) => counts[id]))
}
