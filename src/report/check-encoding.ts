/**
 * Encoding trouble in input text: replacement characters (U+FFFD, bytes that
 * were not valid UTF-8 somewhere upstream), mojibake (UTF-8 read as Latin-1 or
 * Windows-1252: `â€™`, `Ã©`, `Â `) and control characters other than tab and
 * line breaks.
 */

/** Kinds of encoding trouble. */
export type EncodingKind = 'replacement' | 'mojibake' | 'control'

/** Occurrences of each kind in one text, and where the first one is. */
export interface EncodingScan {
  replacement: number
  mojibake: number
  control: number
  /** First occurrence: offset in the text, kind and the characters found. */
  first?: {offset: number; kind: EncodingKind; found: string}
}

// What UTF-8 continuation bytes (0x80-0xBF) become when read as Windows-1252
// (or Latin-1, for the bytes Windows-1252 leaves undefined).
const CONT =
  '[\\u0080-\\u00BF\\u20AC\\u201A\\u0192\\u201E\\u2026\\u2020\\u2021\\u02C6\\u2030\\u0160\\u2039\\u0152\\u017D' +
  '\\u2018\\u2019\\u201C\\u201D\\u2022\\u2013\\u2014\\u02DC\\u2122\\u0161\\u203A\\u0153\\u017E\\u0178]'

// Lead bytes as Windows-1252: two-byte sequences are restricted to the leads
// that real mojibake shows (Â Ã for Latin-1 text, Å Ä for Central European,
// Î Ï for Greek, Ð Ñ for Cyrillic) so that, say, German `ß“` is not flagged;
// three- and four-byte leads (â..ï, ð..ô) need two or three continuations.
const MOJIBAKE = `[\\u00C2\\u00C3\\u00C4\\u00C5\\u00CE\\u00CF\\u00D0\\u00D1]${CONT}|[\\u00E2-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]'

// Alternation order matters: a C1 control inside mojibake counts as mojibake.
const PATTERN = new RegExp(`(\\uFFFD)|(${MOJIBAKE})|(${CONTROL})`, 'g')

/** Count encoding trouble in `text`. */
export function scanEncoding(text: string): EncodingScan {
  const scan: EncodingScan = {replacement: 0, mojibake: 0, control: 0}
  PATTERN.lastIndex = 0
  for (let match = PATTERN.exec(text); match; match = PATTERN.exec(text)) {
    const kind: EncodingKind = match[1] ? 'replacement' : match[2] ? 'mojibake' : 'control'
    scan[kind]++
    scan.first ??= {offset: match.index, kind, found: match[0]}
  }
  return scan
}

/** Total occurrences in a scan. */
export function encodingTotal(scan: EncodingScan): number {
  return scan.replacement + scan.mojibake + scan.control
}

/** Show a found sequence readably: control characters as `U+XXXX`. */
export function showFound(found: string): string {
  return [...found].map((c) => (/[\u0000-\u001F\u007F-\u009F]/.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c)).join('')
}
