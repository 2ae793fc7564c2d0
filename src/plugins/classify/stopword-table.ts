/**
 * All stopwords of all languages in one open-addressing table keyed by
 * `hashRange`, so that the token scanner can look a word up where it stands
 * in the text, without slicing it out. A hit gives the word's languages as a
 * bit set (`languageWords()` 32-bit words, bit `i` for language `i` of
 * `stopwordLanguages()`).
 */
import {hashRange, sameRange, tableSize} from './hash.js'
import {stopwordIndex} from './stopwords.js'

interface Table {
  /** Per slot the hash's top bits over the entry + 1 (`ENTRY_BITS` bits; 0 is empty): 128 kB. */
  slots: Int32Array
  /** One bit per value of the hash's top bits: most words that are no stopword stop here. */
  filter: Uint32Array
  words: string[]
  /** Per entry, `width` words of language bits. */
  bits: Int32Array
  width: number
}

/** Bits of the lookup filter (2^17 bits: 16 kB, about one in eight other words passes). */
const FILTER_BITS = 17
/** Low bits of a slot for the entry; the hash's other bits tell entries apart before their words are compared. */
const ENTRY_BITS = 15
const HIGH = -1 << ENTRY_BITS

let table: Table | undefined

function build(): Table {
  const {languages, byWord} = stopwordIndex()
  const width = Math.ceil(languages.length / 32)
  const words = [...byWord.keys()]
  if (words.length >= 1 << ENTRY_BITS) throw new Error(`${words.length} stopwords do not fit the table`)
  const size = tableSize(words.length * 1.5)
  const slots = new Int32Array(size)
  const filter = new Uint32Array(1 << (FILTER_BITS - 5))
  const bits = new Int32Array(words.length * width)
  words.forEach((word, e) => {
    for (const i of byWord.get(word)!) bits[e * width + (i >> 5)] |= 1 << (i & 31)
    const h = hashRange(word, 0, word.length)
    filter[h >>> (37 - FILTER_BITS)] |= 1 << ((h >>> (32 - FILTER_BITS)) & 31)
    let slot = h & (size - 1)
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1)
    slots[slot] = (h & HIGH) | (e + 1)
  })
  table = {slots, filter, words, bits, width}
  return table
}

/** How many 32-bit words a language bit set takes. */
export function languageWords(): number {
  return (table ?? build()).width
}

/**
 * Write the language bits of the lower-cased word `s[start..end)` (whose
 * `hashRange` is `hash`) to `out[at..at + languageWords())`; leaves them
 * alone (zero) when it is no stopword.
 */
export function stopwordBits(s: string, start: number, end: number, hash: number, out: Int32Array, at: number): void {
  const {slots, filter, words, bits, width} = table ?? build()
  if ((filter[hash >>> (37 - FILTER_BITS)] & (1 << ((hash >>> (32 - FILTER_BITS)) & 31))) === 0) return
  const mask = slots.length - 1
  const high = hash & HIGH
  const length = end - start
  for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
    const v = slots[slot]
    if ((v & HIGH) !== high) continue
    const e = (v & ~HIGH) - 1
    if (words[e].length === length && sameRange(words[e], 0, s, start, length)) {
      for (let w = 0; w < width; w++) out[at + w] = bits[e * width + w]
      return
    }
  }
}
