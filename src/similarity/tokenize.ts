/**
 * Scripts written without spaces between words: each character is a token,
 * since a "word" would otherwise be a whole sentence and shingles would never match.
 */
const ideographic = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`

// Letters (with their combining marks) and digits. Apostrophes and hyphens
// split words: curly vs straight quotes and the half-dozen Unicode hyphens
// then cannot make two copies of one sentence look different.
const tokenPattern = new RegExp(
  String.raw`[${ideographic}]|(?:(?![${ideographic}])[\p{L}\p{N}]\p{M}*)+`,
  'gu'
)

/** NFKC and lower case: full-width forms, ligatures and case no longer tell copies apart. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** Unicode-aware words of `text`, after {@link normalizeText}. */
export function tokenize(text: string): string[] {
  return normalizeText(text).match(tokenPattern) ?? []
}

/** Words of a text already passed through {@link normalizeText} (saves a second NFKC pass). */
export function wordsOfNormalized(normalized: string): string[] {
  return normalized.match(tokenPattern) ?? []
}

/**
 * The words of a text joined by single spaces: the form two texts are
 * compared in when case, punctuation and spacing should not count.
 */
export function foldText(text: string): string {
  return tokenize(text).join(' ')
}

/**
 * The text with NFKC applied and every run of white space collapsed to one
 * space, trimmed: two copies hash the same however they were wrapped.
 */
export function normalizeBody(text: string): string {
  return collapseSpace(text.normalize('NFKC'))
}

/** {@link normalizeBody} for a text already in NFKC. */
export function collapseSpace(nfkc: string): string {
  return nfkc.replace(/\s+/gu, ' ').trim()
}
