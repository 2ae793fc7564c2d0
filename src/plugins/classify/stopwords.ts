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
  index = {languages, byWord}
  return index
}

/** The ISO 639-1 codes that have a stopword list. */
export function stopwordLanguages(): readonly string[] {
  return load().languages
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
  const counts = new Map<string, number>()
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1)
  return guessLanguageCounted([...counts.keys()], [...counts.values()], minHits)
}

/**
 * {@link guessLanguage} over distinct tokens and how often each occurs
 * (`counts[i]` for `words[i]`): every word is looked up once.
 */
export function guessLanguageCounted(words: readonly string[], counts: ArrayLike<number>, minHits = 5): string | undefined {
  const {languages, byWord} = load()
  const hits = new Uint32Array(languages.length)
  let any = 0
  for (let k = 0; k < words.length; k++) {
    const langs = byWord.get(words[k])
    if (langs === undefined) continue
    const count = counts[k]
    any += count
    for (const i of langs) hits[i] += count
  }
  if (any < minHits) return undefined
  let best = 0
  for (let i = 1; i < hits.length; i++) if (hits[i] > hits[best]) best = i
  return languages[best]
}
