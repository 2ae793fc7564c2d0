/**
 * The character-level measures of one block: one pass over its characters
 * (digits, separators, capitals, line starts, link and copyright marks, and
 * which of a few telling characters occur), then the checks that need
 * substrings or regexes, skipped when a character they need never occurs.
 */

/** What the character pass fills in. */
export interface CharMeasures {
  digits: number
  commas: number
  capitalised: number
  allCaps: boolean
  lineCaps: number
}

const LINK_WORDS = /\.(?:com|org|net)\b|^(?:more|next|previous|prev|back)\b|\b(?:read|see|view|show|load) (?:more|all)\b/u
const COPYRIGHT_C = /\(c\)\s*\d{4}/u

// Classes of ASCII characters for the character pass: counts add up without branching.
const LETTER = 1
const UPPER = 2
const DIGIT = 4
const COMMA = 8
/** A letter, a digit or `_`. */
const WORD = 16
/** `|` and line feeds: handled apart. */
const SPECIAL = 32
// Characters some substring checks need (letters in either case: lower-casing
// makes no other character an ASCII m, w, y or v).
const DOT = 1 << 6
const COLON = 1 << 7
const PAREN = 1 << 8
const M = 1 << 9
const W = 1 << 10
const Y = 1 << 11
const V = 1 << 12
/** Link marks (| » › → ▶ ►) and the © sign, seen by the pass. */
export const LINK_MARK = 1 << 13
export const COPY_MARK = 1 << 14

const ASCII = new Uint16Array(128)
for (let c = 0; c < 128; c++) {
  const lower = c | 0x20
  if (c >= 65 && c <= 90) ASCII[c] = LETTER | UPPER | WORD
  else if (c >= 97 && c <= 122) ASCII[c] = LETTER | WORD
  else if (c >= 48 && c <= 57) ASCII[c] = DIGIT | WORD
  else if (c === 95) ASCII[c] = WORD
  else if (c === 44 || c === 59) ASCII[c] = COMMA
  else if (c === 124 || c === 10) ASCII[c] = SPECIAL
  else if (c === 46) ASCII[c] = DOT
  else if (c === 58) ASCII[c] = COLON
  else if (c === 40) ASCII[c] = PAREN
  if (ASCII[c] & LETTER) ASCII[c] |= lower === 109 ? M : lower === 119 ? W : lower === 121 ? Y : lower === 118 ? V : 0
}

/** Per UTF-16 unit: 0 not asked yet, 1 when upper-casing changes it (a lower-case letter), 2 when not. */
const hasUpper = new Uint8Array(0x10000)

/** What the characters handled apart ({@link rareChar}) add to one block's measures. */
const rare = {commas: 0, capitalised: 0, cased: 0, upper: 0, seen: 0, breaks: 0, capsAfterBreak: 0, inWord: 0}

/**
 * One pass over the characters: digits, separators, capitals, line starts.
 * Returns the character classes seen (with {@link LINK_MARK} and
 * {@link COPY_MARK}), for {@link linkLike} and {@link copyright}.
 *
 * The loop itself handles the ASCII characters that only add to counters;
 * `|`, line feeds and non-ASCII units go to {@link rareChar}, whose sums are
 * added at the end. A short loop body keeps its counters in registers: the
 * one pass with every case inline took three times as long.
 */
export function scanChars(out: CharMeasures, text: string, lower: string): number {
  let digits = 0
  let commas = 0
  let capitalised = 0
  let cased = 0
  let upper = 0
  let seen = 0
  /** 1 when the previous character is a letter, a digit or `_`. */
  let inWord = 0
  rare.commas = rare.capitalised = rare.cased = rare.upper = rare.seen = rare.breaks = rare.capsAfterBreak = 0
  const len = text.length
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i)
    const k = c < 128 ? ASCII[c] : SPECIAL
    if ((k & SPECIAL) !== 0) {
      rare.inWord = inWord
      rareChar(text, lower, i, c)
      inWord = rare.inWord
      continue
    }
    const up = (k >> 1) & 1
    digits += (k >> 2) & 1
    commas += (k >> 3) & 1
    cased += k & LETTER
    upper += up
    capitalised += up & (inWord ^ 1)
    inWord = (k >> 4) & 1
    seen |= k
  }
  cased += rare.cased
  upper += rare.upper
  out.digits = digits
  out.commas = commas + rare.commas
  out.capitalised = capitalised + rare.capitalised
  out.allCaps = cased >= 4 && upper >= cased * 0.9
  out.lineCaps = rare.breaks > 0 ? rare.capsAfterBreak / rare.breaks : 0
  return seen | rare.seen
}

/** `|`, a line feed or a non-ASCII unit at `i`: its share of the measures, into {@link rare}. */
function rareChar(text: string, lower: string, i: number, c: number): void {
  const len = text.length
  if (c < 128) {
    rare.seen |= SPECIAL
    rare.inWord = 0
    if (c === 124) rare.seen |= LINK_MARK
    else if (i + 1 < len) {
      rare.breaks++
      let j = i + 1
      while (j < len && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++
      // Lower-casing may shift later units (İ → i̇); compare at the same index as before.
      if (j < len && text.charCodeAt(j) !== lower.charCodeAt(j)) rare.capsAfterBreak++
    }
    return
  }
  let letter = false
  let isUpper = false
  if (c === 0xbb || c === 0x203a || c === 0x2192 || c === 0x25b6 || c === 0x25ba) rare.seen |= LINK_MARK
  else if (c === 0xa9) rare.seen |= COPY_MARK
  else if (c === 0xff0c || c === 0x3001) rare.commas++
  else if (lower.charCodeAt(i) !== c) letter = isUpper = true
  else {
    let known = hasUpper[c]
    if (known === 0) {
      const ch = String.fromCharCode(c)
      known = ch.toUpperCase() !== ch ? 1 : 2
      hasUpper[c] = known
    }
    letter = known === 1
  }
  if (letter) {
    rare.cased++
    if (isUpper) {
      rare.upper++
      rare.capitalised += rare.inWord ^ 1
    }
  }
  rare.inWord = letter ? 1 : 0
}

/** URLs, "read more", "next" in the lower-cased block; `seen` is what {@link scanChars} returned. */
export function linkLike(lower: string, seen: number): boolean {
  if ((seen & LINK_MARK) !== 0) return true
  if (((seen & COLON) !== 0 && lower.includes('://')) || ((seen & W) !== 0 && (seen & DOT) !== 0 && lower.includes('www.'))) return true
  const cheap =
    ((seen & DOT) !== 0 && (lower.includes('.com') || lower.includes('.org') || lower.includes('.net'))) ||
    ((seen & M) !== 0 && lower.includes('more')) ||
    lower.includes(' all')
  return (cheap || lower.startsWith('next') || lower.startsWith('prev') || lower.startsWith('back')) && LINK_WORDS.test(lower)
}

/** Copyright lines in the lower-cased block; `seen` is what {@link scanChars} returned. */
export function copyright(lower: string, seen: number): boolean {
  if ((seen & COPY_MARK) !== 0) return true
  return (
    ((seen & Y) !== 0 && lower.includes('copyright')) ||
    ((seen & V) !== 0 && lower.includes('all rights reserved')) ||
    ((seen & PAREN) !== 0 && lower.includes('(c)') && COPYRIGHT_C.test(lower))
  )
}

/** `\s` of a regex (and what `trimEnd` strips). */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/** Quotes and brackets that may close a sentence: " ' ” ’ » ) ]. */
const isCloser = (c: number) => c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x29 || c === 0x5d
/** . ! ? … */
const isStop = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026
/** . ! ? … 。 ！ ？ */
const isEnd = (c: number) => isStop(c) || c === 0x3002 || c === 0xff01 || c === 0xff1f

/**
 * Whether `text[0..end)` ends a sentence: what
 * `/[.!?…。！？]["'”’»)\]]*$|[.!?…]\s*["”’»]$|["”»]$/u` accepts.
 */
export function endsSentence(text: string, end: number): boolean {
  if (end === 0) return false
  const last = text.charCodeAt(end - 1)
  if (last === 0x22 || last === 0x201d || last === 0xbb) return true
  let j = end - 1
  while (j >= 0 && isCloser(text.charCodeAt(j))) j--
  if (j >= 0 && isEnd(text.charCodeAt(j))) return true
  // A closing ’ after a space: `."’` has been taken above, `. ’` is taken here.
  if (last !== 0x2019) return false
  j = end - 2
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--
  return j >= 0 && isStop(text.charCodeAt(j))
}
