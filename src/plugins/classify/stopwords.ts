/**
 * Stopword lists for many languages (the `stopwords-iso` package) and a
 * cheap language guess: the language whose list covers most of the tokens.
 */
import {createRequire} from 'node:module'
import {hashRange, sameRange, tableSize} from './hash.js'

const require = createRequire(import.meta.url)

/** A word → languages index over all lists, built once on first use. */
interface StopwordIndex {
  languages: string[]
  /** For every stopword, the indices of the languages listing it. */
  byWord: Map<string, number[]>
  /**
   * The same words in an open-addressing table keyed by `hashRange`, so that a
   * word can be looked up where it stands in a text: per slot its hash and
   * its entry + 1 (0 is empty), side by side so that a probe reads one line.
   */
  table: Int32Array
  /** One bit per value of the hash's top bits: most words that are no stopword stop here. */
  filter: Uint32Array
  words: string[]
  langs: number[][]
}

/** Bits of the lookup filter (2^17 bits: 16 kB, about one in eight other words passes). */
const FILTER_BITS = 17

let index: StopwordIndex | undefined
const perLanguage = new Map<string, ReadonlySet<string>>()

function load(): StopwordIndex {
  if (index) return index
  const lists = require('stopwords-iso') as Record<string, string[]>
  const languages = Object.keys(lists).sort()
  const byWord = new Map<string, number[]>()
  languages.forEach((language, i) => {
    for (const word of lists[language]) {
      const key = word.toLowerCase()
      const entry = byWord.get(key)
      if (entry === undefined) byWord.set(key, [i])
      else if (entry[entry.length - 1] !== i) entry.push(i)
    }
  })
  const words = [...byWord.keys()]
  const slots = tableSize(words.length * 1.5)
  const table = new Int32Array(slots * 2)
  const filter = new Uint32Array(1 << (FILTER_BITS - 5))
  words.forEach((word, e) => {
    const h = hashRange(word, 0, word.length)
    filter[h >>> (37 - FILTER_BITS)] |= 1 << ((h >>> (32 - FILTER_BITS)) & 31)
    let slot = h & (slots - 1)
    while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & (slots - 1)
    table[slot * 2] = h
    table[slot * 2 + 1] = e + 1
  })
  index = {languages, byWord, table, filter, words, langs: words.map((w) => byWord.get(w)!)}
  return index
}

/** The ISO 639-1 codes that have a stopword list. */
export function stopwordLanguages(): readonly string[] {
  return load().languages
}

/** The position of a language in {@link stopwordLanguages}, or -1. */
export function stopwordLanguageIndex(language: string): number {
  return load().languages.indexOf(language)
}

/**
 * The languages (indices into {@link stopwordLanguages}) whose lists hold the
 * lower-cased word `s[start..end)`, whose `hashRange` is `hash`.
 */
export function stopwordLanguagesAt(s: string, start: number, end: number, hash: number): readonly number[] | undefined {
  const {table, filter, words, langs} = index ?? load()
  if ((filter[hash >>> (37 - FILTER_BITS)] & (1 << ((hash >>> (32 - FILTER_BITS)) & 31))) === 0) return undefined
  const mask = (table.length >> 1) - 1
  const length = end - start
  for (let slot = hash & mask; table[slot * 2 + 1] !== 0; slot = (slot + 1) & mask) {
    if (table[slot * 2] !== hash) continue
    const e = table[slot * 2 + 1] - 1
    if (words[e].length === length && sameRange(words[e], 0, s, start, length)) return langs[e]
  }
  return undefined
}

/** The stopwords of one language (lower case), or an empty set when it has no list. */
export function stopwordsFor(language: string): ReadonlySet<string> {
  const cached = perLanguage.get(language)
  if (cached) return cached
  const lists = require('stopwords-iso') as Record<string, string[] | undefined>
  const set = new Set((lists[language] ?? []).map((w) => w.toLowerCase()))
  perLanguage.set(language, set)
  return set
}

/**
 * Guess the language of lower-cased tokens: the language whose stopword list
 * covers most of them. Returns `undefined` when fewer than `minHits` tokens
 * are stopwords of any language (too little text, or a script without spaces).
 */
export function guessLanguage(tokens: Iterable<string>, minHits = 5): string | undefined {
  const {byWord} = load()
  const tally = new LanguageTally()
  for (const token of tokens) tally.add(byWord.get(token))
  return tally.best(minHits)
}

/** Stopword hits per language, token by token, for {@link guessLanguage}. */
export class LanguageTally {
  private readonly hits = new Uint32Array(load().languages.length)
  private any = 0

  /** Count one token, given as its stopword languages (see {@link stopwordLanguagesAt}). */
  add(langs: readonly number[] | undefined): void {
    if (langs === undefined) return
    this.any++
    for (let j = 0; j < langs.length; j++) this.hits[langs[j]]++
  }

  /** The language with the most hits (the first in code order on a tie), or `undefined` below `minHits` hits. */
  best(minHits = 5): string | undefined {
    if (this.any < minHits) return undefined
    const hits = this.hits
    let best = 0
    for (let i = 1; i < hits.length; i++) if (hits[i] > hits[best]) best = i
    return load().languages[best]
  }
}
