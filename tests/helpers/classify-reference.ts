/**
 * The classifier's measures as first written: strings, regexes and Maps, one
 * step at a time. The fast code (word ids, hashed tables, branch-free
 * character classes, side-by-side sums) must agree with it exactly; see
 * tests/classify-reference.test.ts.
 */
import type {BlockInput, BlockStats} from '../../src/plugins/classify/measure.js'
import type {MlpModel} from '../../src/plugins/classify/predict.js'
import {createRequire} from 'node:module'

const lists = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>
const languages = Object.keys(lists).sort()
const stopSets = new Map(languages.map((l) => [l, new Set(lists[l].map((w) => w.toLowerCase()))]))
const stopwordsFor = (language: string): ReadonlySet<string> => stopSets.get(language) ?? new Set()

/** The language whose list holds most of the tokens (the first in code order on a tie). */
export function referenceGuess(tokens: readonly string[], minHits = 5): string | undefined {
  const hits = languages.map((l) => tokens.filter((t) => stopSets.get(l)!.has(t)).length)
  if (tokens.filter((t) => languages.some((l) => stopSets.get(l)!.has(t))).length < minHits) return undefined
  let best = 0
  for (let i = 1; i < hits.length; i++) if (hits[i] > hits[best]) best = i
  return languages[best]
}

const TOKEN = /[\p{L}\p{N}_]+/gu
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Hangul}]/u
const TERMINAL = /[.!?…。！？]["'”’»)\]]*$|[.!?…]\s*["”’»]$|["”»]$/u
const LINK_WORDS = /\.(?:com|org|net)\b|^(?:more|next|previous|prev|back)\b|\b(?:read|see|view|show|load) (?:more|all)\b/u
const LIST_MARKER = /^(?:[•·▪◦●■*–-]|\d{1,2}[.)]\s|[a-z][.)]\s)/u
const TIME_OF_DAY = /\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}\s?[ap]\.?m\b/iu
const YEAR = /\b(?:19|20)\d{2}\b/u
const COPYRIGHT_C = /\(c\)\s*\d{4}/u

/** Everything of {@link BlockStats} but the ids, with the tokens as strings. */
export type ReferenceStats = Omit<BlockStats, 'page' | 'from' | 'to' | 'tokens'> & {tokens: string[]}

function linkLike(lower: string): boolean {
  if (lower.includes('://') || lower.includes('www.')) return true
  const cheap = lower.includes('.com') || lower.includes('.org') || lower.includes('.net') || lower.includes('more') || lower.includes(' all')
  return (cheap || lower.startsWith('next') || lower.startsWith('prev') || lower.startsWith('back')) && LINK_WORDS.test(lower)
}

function copyright(lower: string): boolean {
  return lower.includes('copyright') || lower.includes('all rights reserved') || (lower.includes('(c)') && COPYRIGHT_C.test(lower))
}

export function referenceMeasure(
  blocks: readonly BlockInput[],
  language?: string
): {stats: ReferenceStats[]; language: string | undefined; stopwords: ReadonlySet<string> | undefined} {
  const stats: ReferenceStats[] = []
  const seen = new Map<string, number>()
  for (const block of blocks) {
    const text = block.text
    const lower = text.toLowerCase()
    const tokens = lower.match(TOKEN) ?? []
    let words = 0
    for (const token of tokens) words += token.length > 12 && CJK.test(token) ? Math.ceil(token.length / 2) : 1
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
  const sample: string[] = []
  for (const s of stats) if (s.tokens.length >= 8) sample.push(...s.tokens)
  const lang = language ?? referenceGuess(sample.slice(0, 1500))
  const stop = lang ? stopwordsFor(lang) : undefined
  if (stop && stop.size > 0) for (const s of stats) s.stopwords = s.tokens.filter((t) => stop.has(t)).length
  return {stats, language: lang, stopwords: stop && stop.size > 0 ? stop : undefined}
}

export function referenceAnchor(stats: readonly ReferenceStats[], title: string | undefined): number {
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

function isContent(token: string, stop: ReadonlySet<string> | undefined): boolean {
  if (token.length < 3 || (stop !== undefined && stop.has(token))) return false
  const c = token.charCodeAt(0)
  return !(c >= 48 && c <= 57)
}

/** Topic and title shares given the core (the core itself is not changed by the ids). */
export function referenceCohesion(
  stats: readonly ReferenceStats[],
  core: Uint8Array,
  stop: ReadonlySet<string> | undefined,
  title: string | undefined
): {topic: number[]; title: number[]} {
  const df = new Map<string, number>()
  stats.forEach((s, i) => {
    if (!core[i]) return
    for (const t of new Set(s.tokens)) if (isContent(t, stop)) df.set(t, (df.get(t) ?? 0) + 1)
  })
  const titleWords = new Set((title?.toLowerCase().match(TOKEN) ?? []).filter((t) => isContent(t, stop)))
  const topic: number[] = []
  const inTitle: number[] = []
  stats.forEach((s, i) => {
    const mine = [...new Set(s.tokens)].filter((t) => isContent(t, stop))
    const shared = mine.filter((t) => (df.get(t) ?? 0) - core[i] > 0).length
    const titled = mine.filter((t) => titleWords.has(t)).length
    topic.push(mine.length > 0 ? shared / mine.length : 0)
    inTitle.push(mine.length > 0 ? titled / mine.length : 0)
  })
  return {topic, title: inTitle}
}

/** One hidden unit at a time, each summing its terms in column order. */
export function referencePredict(model: MlpModel, x: Float64Array, columns: number): Float64Array {
  const n = x.length / columns
  const out = new Float64Array(n)
  const z = new Float64Array(columns)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns; j++) z[j] = (x[i * columns + j] - model.mean[j]) / model.scale[j]
    let o = model.outputBias
    for (let h = 0; h < model.hiddenBias.length; h++) {
      let a = model.hiddenBias[h]
      for (let j = 0; j < columns; j++) a += model.hiddenWeights[h * columns + j] * z[j]
      o += model.outputWeights[h] * Math.tanh(a)
    }
    out[i] = 1 / (1 + Math.exp(-o))
  }
  return out
}
