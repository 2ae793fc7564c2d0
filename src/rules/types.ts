/** What kind of cruft a rule removes; the first part of every rule id. */
export const CATEGORIES = [
  'cookie',
  'consent',
  'newsletter',
  'related',
  'share',
  'ad',
  'placeholder',
  'teaser',
  'navigation',
  'legal',
  'comments',
  'paywall',
  'byline',
  'media'
] as const

export type Category = (typeof CATEGORIES)[number]

/** One boilerplate rule, kept as data. */
export interface Rule {
  /** Stable id, `category/name`: users pin it in configs and read it in reports. */
  id: string
  category: Category
  /**
   * Regular expression source, matched case-insensitively with the `u` flag
   * against the block's normalized text. It must use no capturing groups
   * (write `(?:...)`) so that rules compile into one combined pass, and no
   * backreferences or nested quantifiers (checked when the pack compiles).
   */
  pattern: string
  /**
   * `block`: a matching block is removed.
   * `terminator`: a matching short block in the article's tail starts site
   * chrome; it and everything after it are removed.
   */
  kind: 'block' | 'terminator'
  /** Why it is removed, shown by `decruft explain`. */
  reason: string
  /**
   * Only blocks of at most this many characters match, so a rule never
   * removes prose that merely mentions its words.
   * @default 200 for `block`, 60 for `terminator`
   */
  maxLength?: number
}

/** The rules of one language. */
export interface RulePack {
  /** ISO 639-1 code, e.g. `en`. */
  language: string
  rules: Rule[]
}
