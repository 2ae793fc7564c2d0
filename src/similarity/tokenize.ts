import {CONT, IDEOGRAPHIC, STABLE, START, bmpClass, charClass} from './char-class.js'

/** NFKC and lower case: full-width forms, ligatures and case no longer tell copies apart. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/**
 * Unicode-aware words of `text`, after {@link normalizeText}. A token is one
 * code point of a script written without spaces (see {@link IDEOGRAPHIC}), or
 * a run of other letters and digits, each followed by any combining marks.
 * Apostrophes and hyphens split words: curly vs straight quotes and the
 * half-dozen Unicode hyphens then cannot make two copies of one sentence look different.
 */
export function tokenize(text: string): string[] {
  return wordsOfNormalized(normalizeText(text))
}

/** Words of a text already passed through {@link normalizeText} (saves a second NFKC pass). */
export function wordsOfNormalized(normalized: string): string[] {
  const spans = scratch
  spans.length = 0
  wordSpans(normalized, 0, normalized.length, spans)
  const out = new Array<string>(spans.length)
  for (let i = 0; i < spans.length; i++) out[i] = normalized.slice(spans.start[i], spans.end[i])
  return out
}

/** Where words are in a text: `start[i]` to `end[i]` for i below `length`. */
export interface WordSpans {
  start: Int32Array
  end: Int32Array
  length: number
  /**
   * Whether every word found since this was last set to true is made of
   * {@link STABLE} characters only (then the words joined by spaces are
   * already in the form {@link normalizeText} gives).
   */
  stable: boolean
}

/** An empty, growable {@link WordSpans}. */
export function createWordSpans(capacity = 256): WordSpans {
  return {start: new Int32Array(capacity), end: new Int32Array(capacity), length: 0, stable: true}
}

const scratch = createWordSpans()

function grow(spans: WordSpans): void {
  const size = Math.max(16, spans.start.length * 2)
  const start = new Int32Array(size)
  const end = new Int32Array(size)
  start.set(spans.start)
  end.set(spans.end)
  spans.start = start
  spans.end = end
}

/**
 * Append the spans of the words of `text.slice(from, to)` (a text already
 * passed through {@link normalizeText}) to `spans`; `from` and `to` must not
 * split a surrogate pair. A char-code loop over cached flags: the equivalent
 * `\p{Script=…}` regex was most of the cost of signing an article.
 */
export function wordSpans(text: string, from: number, to: number, spans: WordSpans): void {
  let n = spans.length
  let stable = STABLE
  let i = from
  while (i < to) {
    const code = text.charCodeAt(i)
    let flags = bmpClass[code]
    let width = 1
    if (flags === 0) {
      width = codePointWidth(text, i, to)
      flags = charClass(width === 2 ? text.codePointAt(i)! : code)
    }
    const start = i
    i += width
    if (!(flags & START)) {
      // A character of a spaceless script is a word by itself; anything else that does not start a word is skipped.
      if (!(flags & IDEOGRAPHIC)) continue
    } else {
      // Letters and digits (not of a spaceless script) and marks continue the word.
      while (i < to) {
        const next = text.charCodeAt(i)
        let more = bmpClass[next]
        width = 1
        if (more === 0) {
          width = codePointWidth(text, i, to)
          more = charClass(width === 2 ? text.codePointAt(i)! : next)
        }
        if (!(more & CONT)) break
        flags &= more
        i += width
      }
    }
    if (n === spans.start.length) grow(spans)
    spans.start[n] = start
    spans.end[n++] = i
    stable &= flags
  }
  spans.length = n
  if (!stable) spans.stable = false
}

/** 2 at a surrogate pair that ends before `to`, else 1 (a lone surrogate is a code point of its own). */
function codePointWidth(text: string, i: number, to: number): number {
  const code = text.charCodeAt(i)
  if (code < 0xd800 || code >= 0xdc00 || i + 1 >= to) return 1
  const low = text.charCodeAt(i + 1)
  return low >= 0xdc00 && low < 0xe000 ? 2 : 1
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
  // Only runs that are not already one plain space are replaced (most are),
  // and \s is the same set of (BMP) code points with or without the u flag.
  return nfkc.replace(/\s{2,}|[^\S ]/g, ' ').trim()
}
