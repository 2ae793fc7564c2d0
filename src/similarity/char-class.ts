/**
 * What a code point is to the tokenizer, as bit flags. The definitions are
 * Unicode properties (the regex engine's tables, so they follow the Node
 * version's Unicode like the pattern they replace did); the char-code loop in
 * tokenize.ts only looks them up.
 */

/** A letter or a digit (`\p{L}` or `\p{N}`): starts or continues a word. */
export const WORD = 1
/** A combining mark (`\p{M}`): continues a word, never starts one. */
export const MARK = 2
/**
 * A script written without spaces between words (Han, Hiragana, Katakana,
 * Thai, Lao, Khmer, Myanmar): each such code point is a token by itself,
 * since a "word" would otherwise be a whole sentence and shingles would never match.
 */
export const IDEOGRAPHIC = 4

/**
 * A letter or digit (not a mark) of the BMP that neither NFKC nor lower
 * casing changes and that composes with no neighbour (Hangul jamo do): a
 * word of such characters, and spaces between words, are already in the
 * form {@link normalizeText} gives.
 */
export const STABLE = 16

/** A letter or digit not of a spaceless script: starts a word. */
export const START = 32
/** Starts a word or is a mark: continues a word. */
export const CONT = 64

const ideographic = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`
const wordPattern = /^[\p{L}\p{N}]$/u
const markPattern = /^\p{M}$/u
const ideographicPattern = new RegExp(`^[${ideographic}]$`, 'u')

const KNOWN = 8
/** Flags of every BMP code point, filled in on first sight (KNOWN marks a filled entry). */
const bmp = new Uint8Array(0x10000)
const astral = new Map<number, number>()

function classify(codePoint: number): number {
  const char = String.fromCodePoint(codePoint)
  let flags = KNOWN
  if (wordPattern.test(char)) flags |= WORD
  if (markPattern.test(char)) flags |= MARK
  if (ideographicPattern.test(char)) flags |= IDEOGRAPHIC
  const jamo = (codePoint >= 0x1100 && codePoint < 0x1200) || (codePoint >= 0xa960 && codePoint < 0xa980) || (codePoint >= 0xd7b0 && codePoint < 0xd800)
  if ((flags & (WORD | MARK)) === WORD && codePoint < 0x10000 && !jamo && char.normalize('NFKC') === char && char.toLowerCase() === char) flags |= STABLE
  if ((flags & (WORD | IDEOGRAPHIC)) === WORD) flags |= START
  if (flags & (START | MARK)) flags |= CONT
  return flags
}

for (let c = 0; c < 0x80; c++) bmp[c] = classify(c)

/** Flags of a code point (a lone surrogate is none of them). */
export function charClass(codePoint: number): number {
  if (codePoint < 0x10000) {
    const flags = bmp[codePoint]
    if (flags !== 0) return flags
    // High surrogates stay 0, so the tokenizer's one check also catches the start of a pair.
    if (codePoint >= 0xd800 && codePoint < 0xdc00) return KNOWN
    return (bmp[codePoint] = classify(codePoint))
  }
  let flags = astral.get(codePoint)
  if (flags === undefined) astral.set(codePoint, (flags = classify(codePoint)))
  return flags
}

/**
 * Flags of the BMP code points seen so far, 0 for one not yet classified
 * and for every high surrogate: the tokenizer reads it inline and calls
 * {@link charClass} on a 0.
 */
export const bmpClass: Readonly<Uint8Array> = bmp
