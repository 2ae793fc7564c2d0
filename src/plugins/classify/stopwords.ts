/**
 * Stopword lists for many languages (the `stopwords-iso` package) and a
 * cheap language guess: the language whose list covers most of the tokens.
 */
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

/** A word → languages index over all lists, built once on first use. */
interface StopwordIndex {
  languages: string[]
  /** For every stopword, the indices of the languages listing it. */
  byWord: Map<string, number[]>
}

let index: StopwordIndex | undefined
const perLanguage = new Map<string, ReadonlySet<string>>()

/** Every stopword with the languages listing it. */
export function stopwordIndex(): StopwordIndex {
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
  index = {languages, byWord}
  return index
}

/** The ISO 639-1 codes that have a stopword list. */
export function stopwordLanguages(): readonly string[] {
  return stopwordIndex().languages
}

/** The position of a language in {@link stopwordLanguages}, or -1. */
export function stopwordLanguageIndex(language: string): number {
  return stopwordIndex().languages.indexOf(language)
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
  const {byWord} = stopwordIndex()
  const tally = new LanguageTally()
  for (const token of tokens) tally.add(byWord.get(token))
  return tally.best(minHits)
}

/** Stopword hits per language, token by token, for {@link guessLanguage}. */
export class LanguageTally {
  private readonly hits = new Uint32Array(stopwordIndex().languages.length)
  private any = 0

  /** Count one token, given as its stopword languages. */
  add(langs: readonly number[] | undefined): void {
    if (langs === undefined) return
    this.any++
    for (let j = 0; j < langs.length; j++) this.hits[langs[j]]++
  }

  /** Count one token, given as its language bits `bits[at..at + width)` (see `stopwordBits`). */
  addBits(bits: Int32Array, at: number, width: number): void {
    let any = 0
    for (let w = 0; w < width; w++) {
      let m = bits[at + w]
      any |= m
      while (m !== 0) {
        this.hits[w * 32 + 31 - Math.clz32(m & -m)]++
        m &= m - 1
      }
    }
    if (any !== 0) this.any++
  }

  /** The language with the most hits (the first in code order on a tie), or `undefined` below `minHits` hits. */
  best(minHits = 5): string | undefined {
    if (this.any < minHits) return undefined
    const hits = this.hits
    let best = 0
    for (let i = 1; i < hits.length; i++) if (hits[i] > hits[best]) best = i
    return stopwordIndex().languages[best]
  }
}
