import type {EncodingKind} from './check-encoding.js'

/** A place in the input: file and 1-based line, as an editor or CI annotation wants it. */
export interface Place {
  file: string
  line: number
}

/** A short example of an offender, with where it is. */
export interface Example extends Place {
  /** Article id, when the example is an article. */
  id?: string
  /** A short excerpt (at most {@link EXCERPT} characters). */
  text: string
}

/** The figures `decruft check` measures on a corpus. Shares are fractions (0.05 = 5%). */
export interface CheckFigures {
  /** Records read: articles plus rejected records. */
  records: number
  /** Records that became articles (every share below except `rejected` is of these). */
  articles: number
  /** Bad records (malformed JSON, no text field, ...); share of records. */
  rejected: {count: number; share: number}
  /** Articles with nothing (or too little) left after cleaning, by reason. */
  empty: {count: number; share: number; byReason: Record<string, number>}
  /** Characters removed / characters in, overall and by removal category. */
  boilerplate: {
    charsIn: number
    charsRemoved: number
    share: number
    byCategory: Record<string, {blocks: number; chars: number; share: number}>
  }
  /** Articles in which a repeated paragraph was removed. */
  repeats: {articles: number; share: number}
  /**
   * Articles that are duplicates of another (not their cluster's representative),
   * clusters with more than one member, and the largest one. `null` when dedup is off.
   */
  duplicates: {count: number; share: number; clusters: number; largestCluster: number} | null
  /** Articles whose input text shows encoding trouble, and occurrences by kind. */
  encoding: {articles: number; share: number; replacement: number; mojibake: number; control: number}
  /** Articles by language, when a language step is on; `null` (n/a) otherwise. */
  languages: Record<string, number> | null
}

/** Top offenders and worst examples, each list bounded. */
export interface CheckOffenders {
  rules: {ruleId: string; category: string; count: number; chars: number; example: Example}[]
  sites: {site: string; articles: number; charsIn: number; charsRemoved: number; share: number; approximate: boolean; example?: Example}[]
  clusters: {cluster: string; size: number; example: Example}[]
  /** Articles with the most characters removed. */
  boilerplate: (Example & {chars: number; share: number; ruleId: string})[]
  /** Articles with the most encoding trouble. */
  encoding: (Example & {count: number; kind: EncodingKind})[]
  rejected: (Place & {error: string})[]
  empty: (Example & {reason: string})[]
  repeats: Example[]
}

/** Longest excerpt in examples. */
export const EXCERPT = 80
/** Entries kept per top list. */
export const TOP = 10

/** Collapse whitespace and cut to {@link EXCERPT} characters. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT ? flat.slice(0, EXCERPT - 1) + '…' : flat
}
