/**
 * Per-block features for main-content detection on text, in the spirit of
 * jusText and boilerpipe: length, word count, stopword density, capitalised
 * words, terminal punctuation, link-like text, runs of short lines (menus),
 * repetition within the page, position, and the same measures over the
 * neighbours. Everything is linear in the size of the page.
 */
import {guessLanguage, stopwordsFor} from './stopwords.js'

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
  /** Lower-cased tokens (kept for the language guess and the title anchor). */
  tokens: string[]
}

const TOKEN = /[\p{L}\p{N}_]+/gu
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Hangul}]/u
/** Ends a sentence: . ! ? … optionally followed by closing quotes or brackets. */
const TERMINAL = /[.!?…。！？]["'”’»)\]]*$|[.!?…]\s*["”’»]$|["”»]$/u
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

/** Measure every block; guesses the language when `language` is `undefined`. */
export function measureBlocks(
  blocks: readonly BlockInput[],
  language?: string
): {stats: BlockStats[]; language: string | undefined; stopwords: ReadonlySet<string> | undefined} {
  const stats: BlockStats[] = []
  const seen = new Map<string, number>()
  for (const block of blocks) {
    const text = block.text
    const lower = text.toLowerCase()
    // Lower-case once per block; tokens come out lower-cased.
    const tokens = lower.match(TOKEN) ?? []
    let words = 0
    for (const token of tokens) {
      // Scripts without spaces: count about two characters a word.
      words += token.length > 12 && CJK.test(token) ? Math.ceil(token.length / 2) : 1
    }
    // One pass over the characters: digits, separators, capitals, link marks, line starts.
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
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      let letter = false
      let isUpper = false
      if (c < 128) {
        if (c >= 65 && c <= 90) letter = isUpper = true
        else if (c >= 97 && c <= 122) letter = true
        else if (c >= 48 && c <= 57) digits++
        else if (c === 44 || c === 59) commas++
        else if (c === 124) linkMark = true
        else if (c === 10 && i + 1 < text.length) {
          breaks++
          let j = i + 1
          while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++
          const next = text[j]
          if (next !== undefined && next !== lower[j]) capsAfterBreak++
        }
      } else if (c === 0xbb || c === 0x203a || c === 0x2192 || c === 0x25b6 || c === 0x25ba) linkMark = true
      else if (c === 0xa9) copyMark = true
      else if (c === 0xff0c || c === 0x3001) commas++
      else if (lower[i] !== text[i]) letter = isUpper = true
      else if (text[i].toUpperCase() !== text[i]) letter = true
      if (letter) {
        cased++
        if (isUpper) {
          upper++
          if (!inWord) capitalised++
        }
      }
      inWord = letter || (c >= 48 && c <= 57) || c === 95
    }
    const trimmed = text.trimEnd()
    seen.set(text, (seen.get(text) ?? 0) + 1)
    stats.push({
      chars: text.length,
      words,
      stopwords: 0,
      capitalised,
      digits,
      terminal: TERMINAL.test(trimmed),
      colon: trimmed.endsWith(':'),
      commas,
      linkLike: text.length < 400 && (linkMark || linkLike(lower)),
      allCaps: cased >= 4 && upper >= cased * 0.9,
      listMarker: LIST_MARKER.test(text),
      copyright: text.length < 400 && (copyMark || copyright(lower)),
      timeLike: words <= 12 && digits > 0 && TIME_OF_DAY.test(text),
      yearLike: words <= 12 && digits > 0 && YEAR.test(text),
      lines: block.lines,
      lineCaps: breaks > 0 ? capsAfterBreak / breaks : 0,
      group: block.group,
      repeats: 0,
      tokens
    })
  }
  for (let i = 0; i < blocks.length; i++) stats[i].repeats = seen.get(blocks[i].text) ?? 1
  const lang = language ?? guessLanguage(sampleTokens(stats))
  const stop = lang ? stopwordsFor(lang) : undefined
  if (stop && stop.size > 0) {
    for (const s of stats) {
      let n = 0
      for (const t of s.tokens) if (stop.has(t)) n++
      s.stopwords = n
    }
  }
  return {stats, language: lang, stopwords: stop && stop.size > 0 ? stop : undefined}
}

/** Tokens of the page's longer blocks, at most a few thousand, for the language guess. */
function* sampleTokens(stats: readonly BlockStats[]): Generator<string> {
  let budget = 1500
  for (const s of stats) {
    if (s.tokens.length < 8) continue
    for (const t of s.tokens) {
      yield t
      if (--budget === 0) return
    }
  }
}

/** Names of the feature columns, in order (the model's weights follow it). */
export const FEATURES = [
  'bias',
  'logWords',
  'logChars',
  'stopDensity',
  'capShare',
  'terminal',
  'colon',
  'commaRate',
  'digitShare',
  'linkLike',
  'allCaps',
  'listMarker',
  'copyright',
  'wrapped',
  'shortRun',
  'groupSize',
  'position',
  'repeated',
  'beforeAnchor',
  'anchor',
  'noStopList',
  'tiny',
  'long',
  'prevWords',
  'nextWords',
  'prevStop',
  'nextStop',
  'prevTerminal',
  'nextTerminal',
  'sameGroupPrev',
  'sameGroupNext',
  'windowProse',
  'w3to5',
  'w6to10',
  'w11to20',
  'w21to40',
  'prose',
  'stopWeighted',
  'lowStop',
  'wideProse',
  'proseDistance',
  'proseBefore',
  'beforeAllProse',
  'afterAllProse',
  'timeLike',
  'yearLike',
  'colonShort',
  'windowTime',
  'relWords',
  'topBlock',
  'lineCaps'
] as const

export const FEATURE_COUNT = FEATURES.length

/** A block with at least this many words and a sentence end reads as prose. */
const PROSE_WORDS = 10
/** Blocks shorter than this (in words) make up menus when they come in runs. */
const SHORT_WORDS = 5

/**
 * The feature matrix, row-major, `FEATURE_COUNT` columns per block.
 * `anchor` is the index of the block repeating the headline, or -1.
 */
export function featureMatrix(stats: readonly BlockStats[], anchor: number, hasStopList: boolean): Float64Array {
  const n = stats.length
  const F = FEATURE_COUNT
  const x = new Float64Array(n * F)
  // Runs of short blocks (menus, link lists): length of the run a block is in.
  const run = new Float64Array(n)
  for (let i = 0; i < n; ) {
    let j = i
    while (j < n && stats[j].words < SHORT_WORDS) j++
    for (let k = i; k < j; k++) run[k] = j - i
    i = j === i ? i + 1 : j
  }
  // Blocks per group.
  const groupSize = new Map<number, number>()
  for (const s of stats) groupSize.set(s.group, (groupSize.get(s.group) ?? 0) + 1)
  const logWords = new Float64Array(n)
  const density = new Float64Array(n)
  const prose = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const s = stats[i]
    logWords[i] = Math.log1p(s.words)
    density[i] = s.words > 0 ? s.stopwords / s.words : 0
    prose[i] = s.words >= PROSE_WORDS && s.terminal ? 1 : 0
  }
  // Share of prose among the 5 blocks either side (prefix sums keep it linear).
  const prefix = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + prose[i]
  // Prose words before each block (as a share of all prose words) and the distance to the nearest prose block.
  const proseWords = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) proseWords[i + 1] = proseWords[i] + prose[i] * stats[i].words
  const totalProse = proseWords[n] || 1
  const distance = new Float64Array(n).fill(n)
  for (let i = 0, last = -n; i < n; i++) {
    if (prose[i]) last = i
    distance[i] = i - last
  }
  for (let i = n - 1, last = 2 * n; i >= 0; i--) {
    if (prose[i]) last = i
    distance[i] = Math.min(distance[i], last - i)
  }
  let maxWords = 1
  for (const st of stats) if (st.words > maxWords) maxWords = st.words
  const times = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) times[i + 1] = times[i] + (stats[i].timeLike ? 1 : 0)
  const W = 5
  const WIDE = 15
  for (let i = 0; i < n; i++) {
    const s = stats[i]
    const row = i * F
    const words = Math.max(1, s.words)
    const prev = i > 0 ? i - 1 : -1
    const next = i + 1 < n ? i + 1 : -1
    const lo = Math.max(0, i - W)
    const hi = Math.min(n, i + W + 1)
    const around = hi - lo - 1
    let c = 0
    x[row + c++] = 1
    x[row + c++] = logWords[i]
    x[row + c++] = Math.log1p(s.chars)
    x[row + c++] = density[i]
    x[row + c++] = s.capitalised / words
    x[row + c++] = s.terminal ? 1 : 0
    x[row + c++] = s.colon ? 1 : 0
    x[row + c++] = Math.min(1, s.commas / words)
    x[row + c++] = s.chars > 0 ? s.digits / s.chars : 0
    x[row + c++] = s.linkLike ? 1 : 0
    x[row + c++] = s.allCaps ? 1 : 0
    x[row + c++] = s.listMarker ? 1 : 0
    x[row + c++] = s.copyright ? 1 : 0
    x[row + c++] = s.lines > 1 ? 1 : 0
    x[row + c++] = Math.log1p(run[i])
    x[row + c++] = Math.log1p(groupSize.get(s.group) ?? 1)
    x[row + c++] = n > 1 ? i / (n - 1) : 0
    x[row + c++] = s.repeats > 1 ? 1 : 0
    x[row + c++] = anchor >= 0 && i < anchor ? 1 : 0
    x[row + c++] = i === anchor ? 1 : 0
    x[row + c++] = hasStopList ? 0 : 1
    x[row + c++] = s.words <= 2 ? 1 : 0
    x[row + c++] = s.words >= 40 ? 1 : 0
    x[row + c++] = prev >= 0 ? logWords[prev] : 0
    x[row + c++] = next >= 0 ? logWords[next] : 0
    x[row + c++] = prev >= 0 ? density[prev] : 0
    x[row + c++] = next >= 0 ? density[next] : 0
    x[row + c++] = prev >= 0 && stats[prev].terminal ? 1 : 0
    x[row + c++] = next >= 0 && stats[next].terminal ? 1 : 0
    x[row + c++] = prev >= 0 && stats[prev].group === s.group ? 1 : 0
    x[row + c++] = next >= 0 && stats[next].group === s.group ? 1 : 0
    x[row + c++] = around > 0 ? (prefix[hi] - prefix[lo] - prose[i]) / around : 0
    const w = s.words
    x[row + c++] = w >= 3 && w <= 5 ? 1 : 0
    x[row + c++] = w >= 6 && w <= 10 ? 1 : 0
    x[row + c++] = w >= 11 && w <= 20 ? 1 : 0
    x[row + c++] = w >= 21 && w < 40 ? 1 : 0
    x[row + c++] = prose[i]
    x[row + c++] = density[i] * logWords[i]
    x[row + c++] = w >= 5 && density[i] < 0.15 ? 1 : 0
    const wlo = Math.max(0, i - WIDE)
    const whi = Math.min(n, i + WIDE + 1)
    x[row + c++] = (prefix[whi] - prefix[wlo] - prose[i]) / Math.max(1, whi - wlo - 1)
    x[row + c++] = Math.log1p(Math.min(distance[i], 50))
    const before = proseWords[i] / totalProse
    const after = (proseWords[n] - proseWords[i + 1]) / totalProse
    x[row + c++] = before
    x[row + c++] = before < 0.02 ? 1 : 0
    x[row + c++] = after < 0.02 ? 1 : 0
    x[row + c++] = s.timeLike ? 1 : 0
    x[row + c++] = s.yearLike ? 1 : 0
    x[row + c++] = s.colon && w <= 6 ? 1 : 0
    x[row + c++] = (times[whi] - times[wlo] - (s.timeLike ? 1 : 0)) / Math.max(1, whi - wlo - 1)
    x[row + c++] = s.words / maxWords
    x[row + c++] = s.words >= maxWords * 0.5 && s.words >= 15 ? 1 : 0
    x[row + c++] = s.lineCaps
  }
  return x
}

/**
 * The block that repeats the headline (the article starts after it), or -1.
 * Only short blocks are compared, so this stays linear.
 */
export function findAnchor(stats: readonly BlockStats[], title: string | undefined): number {
  if (!title) return -1
  const want = new Set(title.toLowerCase().match(TOKEN) ?? [])
  if (want.size < 2) return -1
  for (let i = 0; i < stats.length; i++) {
    const tokens = stats[i].tokens
    if (tokens.length < 2 || tokens.length > want.size * 2 + 2) continue
    let hit = 0
    for (const t of tokens) if (want.has(t)) hit++
    if (hit >= tokens.length * 0.9 && hit >= want.size * 0.7) return i
  }
  return -1
}

/** Content words: not stopwords, at least 3 characters, not numbers. */
function isContent(token: string, stop: ReadonlySet<string> | undefined): boolean {
  if (token.length < 3 || (stop !== undefined && stop.has(token))) return false
  const c = token.charCodeAt(0)
  return !(c >= 48 && c <= 57)
}

/** Blocks that count as the article's core: at least this probability and word count. */
const CORE_P = 0.7
const CORE_WORDS = 8
/** Most consecutive non-core blocks the core may step over. */
const CORE_GAP = 2

/**
 * The article's core: starting from the block with the most content mass
 * (`p × words`), the strong blocks reachable without stepping over more than
 * `CORE_GAP` weaker blocks in a row. Related-story teasers after a break in
 * the article are left out even when they read as prose.
 */
export function articleCore(stats: readonly BlockStats[], p: Float64Array): Uint8Array {
  const n = stats.length
  const core = new Uint8Array(n)
  let seed = -1
  let best = 0
  for (let i = 0; i < n; i++) {
    const mass = p[i] * stats[i].words
    if (mass > best) {
      best = mass
      seed = i
    }
  }
  if (seed < 0) return core
  core[seed] = 1
  const strong = (i: number) => p[i] >= CORE_P && stats[i].words >= CORE_WORDS
  for (const step of [-1, 1]) {
    let gap = 0
    for (let i = seed + step; i >= 0 && i < n; i += step) {
      if (strong(i)) {
        core[i] = 1
        gap = 0
      } else if (++gap > CORE_GAP) break
    }
  }
  return core
}

/**
 * Topic cohesion: for every block, the share of its distinct content words
 * that also occur in another block of the article's core (see
 * {@link articleCore}), and the share that occur in the title. Related-story
 * teasers and other chrome talk about something else.
 */
export function cohesion(
  stats: readonly BlockStats[],
  p: Float64Array,
  stop: ReadonlySet<string> | undefined,
  title: string | undefined
): {topic: Float64Array; title: Float64Array; core: Uint8Array} {
  const n = stats.length
  const core = articleCore(stats, p)
  // Document frequency over core blocks; `seen` holds the last block that counted a word.
  const df = new Map<string, number>()
  const seen = new Map<string, number>()
  for (let i = 0; i < n; i++) {
    if (!core[i]) continue
    for (const t of stats[i].tokens) {
      if (seen.get(t) === i || !isContent(t, stop)) continue
      seen.set(t, i)
      df.set(t, (df.get(t) ?? 0) + 1)
    }
  }
  const titleWords = new Set<string>()
  for (const t of title?.toLowerCase().match(TOKEN) ?? []) if (isContent(t, stop)) titleWords.add(t)
  const topic = new Float64Array(n)
  const inTitle = new Float64Array(n)
  const mine = new Map<string, number>()
  for (let i = 0; i < n; i++) {
    let distinct = 0
    let shared = 0
    let titled = 0
    for (const t of stats[i].tokens) {
      if (mine.get(t) === i || !isContent(t, stop)) continue
      mine.set(t, i)
      distinct++
      if ((df.get(t) ?? 0) - core[i] > 0) shared++
      if (titleWords.has(t)) titled++
    }
    topic[i] = distinct > 0 ? shared / distinct : 0
    inTitle[i] = distinct > 0 ? titled / distinct : 0
  }
  return {topic, title: inTitle, core}
}
