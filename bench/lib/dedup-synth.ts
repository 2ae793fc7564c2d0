/**
 * Deterministic synthetic news: articles of random prose from a fixed
 * vocabulary, and the copies a scraped corpus holds (exact, wire reprint,
 * teaser). Used by the dedup benchmark and tests; the same seed always gives
 * the same corpus on every platform.
 */
import {rng} from './random.js'


const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'an', 'or', 'el', 'us', 'ip', 'da', 'gro', 'bel', 'tor', 'min', 'qua']

/** A vocabulary of `size` distinct pseudo-words. */
export function vocabulary(size: number, seed = 1): string[] {
  // 1-4 syllables: 20 + 400 + 8,000 + 160,000 possible words.
  if (size > 100_000) throw new RangeError(`vocabulary of ${size} words is too large`)
  const random = rng(seed)
  const words = new Set<string>()
  while (words.size < size) {
    let word = ''
    const n = 1 + Math.floor(random() * 4)
    for (let i = 0; i < n; i++) word += syllables[Math.floor(random() * syllables.length)]
    words.add(word)
  }
  return [...words]
}

/** A paragraph of `words` words, as a sentence or two. */
export function paragraph(random: () => number, vocab: readonly string[], words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) {
    // Zipf-like: common words recur as in real text, so shingles are not trivially unique.
    const rank = Math.floor(vocab.length * random() ** 3)
    out.push(vocab[rank])
  }
  out[0] = out[0][0].toUpperCase() + out[0].slice(1)
  return out.join(' ') + '.'
}

/** An article of `paragraphs` paragraphs (blank-line separated). */
export function article(random: () => number, vocab: readonly string[], paragraphs: number, wordsPer = 30): string[] {
  return Array.from({length: paragraphs}, () => paragraph(random, vocab, wordsPer - 5 + Math.floor(random() * 10)))
}

/** A wire reprint: a dateline, one edited word, one dropped paragraph, a credit line. */
export function reprint(random: () => number, paragraphs: readonly string[]): string[] {
  const out = [...paragraphs]
  out[0] = 'LONDON (Reuters) — ' + out[0]
  if (out.length > 4) out.splice(1 + Math.floor(random() * (out.length - 2)), 1)
  const p = Math.floor(random() * out.length)
  const words = out[p].split(' ')
  words[Math.floor(random() * words.length)] = 'edited'
  out[p] = words.join(' ')
  out.push('Reporting by staff; editing by the desk.')
  return out
}

/** A teaser: the first part of the article and a pointer to the rest. */
export function teaser(paragraphs: readonly string[], share = 0.5): string[] {
  return [...paragraphs.slice(0, Math.max(1, Math.ceil(paragraphs.length * share))), 'Read the full article on our app.']
}

export {rng}
