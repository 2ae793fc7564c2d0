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
  if (text.split(/\s+/u).length < minWords) return false
  let upper = 0
  let cased = 0
  for (const char of text) {
    const isUpper = char !== char.toLowerCase()
    const isLower = char !== char.toUpperCase()
    if (isUpper) upper++
    if (isUpper || isLower) cased++
  }
  return cased >= minLetters && upper / cased >= minShare
}
