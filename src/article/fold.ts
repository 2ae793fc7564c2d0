/**
 * The folded form titles are compared in: NFKC, lower case, every run of
 * characters other than letters and digits one space, trimmed. Most texts
 * are ASCII, where NFKC changes nothing and only A-Z and 0-9 are letters or
 * digits: those are folded by a char-code loop, and a block is compared
 * with a folded title as it is read, stopping at the first difference
 * (the ICU normalizer and the Unicode regex cost microseconds per call).
 */

/** The reference definition; the fast paths must agree with it. */
export function foldSlow(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** An ASCII letter or digit, lower-cased; -1 for any other ASCII unit. */
function alnum(c: number): number {
  if (c >= 97 && c <= 122) return c
  if (c >= 65 && c <= 90) return c + 32
  if (c >= 48 && c <= 57) return c
  return -1
}

/** {@link foldSlow} of `text`. */
export function fold(text: string): string {
  let out = ''
  let gap = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 128) return foldSlow(text)
    const a = alnum(c)
    if (a < 0) gap = out !== ''
    else {
      if (gap) out += ' '
      gap = false
      out += String.fromCharCode(a)
    }
  }
  return out
}

/** Whether `fold(text) === folded`. */
export function foldEquals(text: string, folded: string): boolean {
  const len = text.length
  let k = 0
  let gap = false
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i)
    if (c >= 128) return foldSlow(text) === folded
    const a = alnum(c)
    if (a < 0) {
      gap = k > 0
      continue
    }
    // A non-ASCII unit right after this one may still change it (a combining
    // mark composes with it under NFKC): decide a difference only when not.
    const settled = i + 1 === len || text.charCodeAt(i + 1) < 128
    if (gap) {
      if (folded.charCodeAt(k) !== 32) return settled ? false : foldSlow(text) === folded
      k++
      gap = false
    }
    if (folded.charCodeAt(k) !== a) return settled ? false : foldSlow(text) === folded
    k++
  }
  return k === folded.length
}
