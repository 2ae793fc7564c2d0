// Required-literal analysis of a rule pattern, for prefiltering: most blocks
// contain none of a rule's keywords, and a substring scan for them is far
// cheaper than running the rule's regex. The analysis is conservative: any
// construct it does not follow counts as "could be anything", so a pattern it
// cannot reduce simply gets no prefilter.

import {better, type Info, score} from './pattern-info.js'
import {Parser} from './pattern-parser.js'

/** What every text a pattern matches must contain; see {@link analyzePattern}. */
export interface PatternNeeds {
  /** Strings one of which the text contains, ignoring case (lower case, minimal). */
  literals?: string[]
  /** Strings one of which a match starts with, ignoring case (lower case, minimal). */
  prefixes?: string[]
}

/**
 * What a pattern (compiled with `iu`) needs in a text to match it. Either
 * set is left out when nothing useful is known; neither ever holds ''.
 */
export function analyzePattern(pattern: string): PatternNeeds {
  let info: Info
  try {
    const parser = new Parser(pattern)
    info = parser.alternation()
    if (parser.i !== pattern.length) return {}
  } catch {
    return {}
  }
  const any = better(info.any, info.exact)
  return {
    literals: any && score(any) > 0 ? minimal(any, (a, b) => a.includes(b)) : undefined,
    prefixes: !info.nullable && info.prefix.length > 0 && score(info.prefix) > 0 ? minimal(info.prefix, (a, b) => a.startsWith(b)) : undefined
  }
}

/** Drops every string that already holds a shorter member, which is needed anyway. */
function minimal(set: string[], holds: (a: string, b: string) => boolean): string[] {
  const out: string[] = []
  for (const s of [...new Set(set)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    if (!out.some((kept) => holds(s, kept))) out.push(s)
  }
  return out
}

