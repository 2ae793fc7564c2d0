/** Options for ALL-CAPS teaser detection. */
export interface TeaserOptions {
  /**
   * Fewest words a teaser has.
   * @default 4
   */
  minWords?: number
  /**
   * Fewest cased letters; shorter caps (acronyms, "BREAKING") are left alone.
   * @default 20
   */
  minLetters?: number
  /**
   * Share of cased letters that must be upper case.
   * @default 0.9
   */
  minUpperShare?: number
}

/**
 * Whether a block is an inline ALL-CAPS teaser headline: several words, nearly
 * every cased letter upper case, not a quotation and not a sentence of prose.
 */
export function isTeaser(text: string, options: TeaserOptions = {}): boolean {
  const minWords = options.minWords ?? 4
  const minLetters = options.minLetters ?? 20
  const minShare = options.minUpperShare ?? 0.9
  if (text.length > 300 || /^["“‘'«„]/u.test(text)) return false
  // Prose gives itself away within a few letters: stop once the lower-case
  // letters alone rule out the share, however the rest of the text goes.
  const maxLower = (1 - minShare) * text.length + 1e-6
  let upper = 0
  let cased = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let isUpper: boolean
    let isLower: boolean
    if (code < 128) {
      isUpper = code >= 65 && code <= 90
      isLower = code >= 97 && code <= 122
    } else {
      const char = String.fromCodePoint(text.codePointAt(i)!)
      if (char.length === 2) i++
      isUpper = char !== char.toLowerCase()
      isLower = char !== char.toUpperCase()
    }
    if (isUpper) upper++
    if (isUpper || isLower) cased++
    if (cased - upper > maxLower) return false
  }
  return cased >= minLetters && upper / cased >= minShare && words(text) >= minWords
}

/** The number of pieces `text.split(/\s+/u)` gives, without making them. */
function words(text: string): number {
  let pieces = 1
  let inSpace = false
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i))
    if (space && !inSpace) pieces++
    inSpace = space
  }
  return pieces
}

/** JavaScript's `\s`: ASCII and Unicode white space, line terminators and the BOM. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13)
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}
