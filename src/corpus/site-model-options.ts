/** Story ids kept per block; `minStories` above this cannot be told apart. */
export const STORY_KEYS = 8

/** Options for `SiteModel`. */
export interface SiteModelOptions {
  /**
   * A block is chrome only if at least this many distinct articles of the
   * site hold it (at least 2).
   * @default 3
   */
  minArticles?: number
  /**
   * ...and at least this share of the site's articles: on a big site, a line
   * in 3 of 5,000 articles is a shared quote, not chrome.
   * @default 0.1
   */
  minShare?: number
  /**
   * ...and those articles tell at least this many different stories, so an
   * article scraped twice, or the updates of one story, count once.
   * @default 3
   */
  minStories?: number
  /**
   * An article is a copy or an update of an earlier story when at least this
   * share of its prose (blocks of 10+ words, by length) was first seen in
   * that story.
   * @default 0.5
   */
  sameStory?: number
  /**
   * Blocks of at least this many words are prose: news sites reuse background
   * paragraphs and wire copy across stories, so prose needs `proseShare`.
   * @default 25
   */
  proseWords?: number
  /**
   * Share of the site's articles a prose block must appear in to be chrome
   * (a disclaimer under every article, not a reused background paragraph).
   * @default 0.5
   */
  proseShare?: number
  /**
   * Blocks never treated as chrome even when they recur: credit lines such
   * as "The Associated Press contributed to this report." belong to the story.
   * Not saved with the model.
   * @default {@link DEFAULT_KEEP}
   */
  keep?: RegExp
  /**
   * Blocks counted per site before the rarest are pruned (memory bound).
   * @default 100000
   */
  maxBlocksPerSite?: number
  /**
   * Blocks counted over all sites before the rarest are pruned (memory bound).
   * @default 2000000
   */
  maxBlocks?: number
  /**
   * Article fingerprints kept per site to skip exact duplicates; past this
   * many, copies are caught by story ids only.
   * @default 50000
   */
  maxArticlesPerSite?: number
}

/** Credit and contribution lines, which recur on a site yet belong to each story. */
export const DEFAULT_KEEP =
  /\b(?:contributed (?:to this )?report(?:ing)?|contributed to this (?:story|article)|(?:additional )?reporting by|editing by|writing by|mitarbeit:|mit material von|a contribué|ont contribué|colaboró|contribuyeron|ha collaborato|colaborou|aan dit artikel werkte)/iu

/** Every option, defaults applied. */
export type SiteModelSettings = Required<SiteModelOptions>

/** Options with their defaults filled in and checked. */
export function settings(options: SiteModelOptions): SiteModelSettings {
  const s: SiteModelSettings = {
    minArticles: options.minArticles ?? 3,
    minShare: options.minShare ?? 0.1,
    minStories: options.minStories ?? 3,
    sameStory: options.sameStory ?? 0.5,
    proseWords: options.proseWords ?? 25,
    proseShare: options.proseShare ?? 0.5,
    keep: options.keep ?? DEFAULT_KEEP,
    maxBlocksPerSite: options.maxBlocksPerSite ?? 100_000,
    maxBlocks: options.maxBlocks ?? 2_000_000,
    maxArticlesPerSite: options.maxArticlesPerSite ?? 50_000
  }
  // Singletons are pruned and never saved, so one article can never make chrome.
  if (!(s.minArticles >= 2)) throw new RangeError(`site model: minArticles must be at least 2 (got ${s.minArticles})`)
  if (!(s.minStories >= 1 && s.minStories <= STORY_KEYS)) {
    throw new RangeError(`site model: minStories must be between 1 and ${STORY_KEYS} (got ${s.minStories})`)
  }
  for (const key of ['minShare', 'proseShare', 'sameStory'] as const) {
    if (!(s[key] >= 0 && s[key] <= 1)) throw new RangeError(`site model: ${key} must be between 0 and 1 (got ${s[key]})`)
  }
  if (!(s.maxBlocksPerSite >= 4 && s.maxBlocks >= 4)) throw new RangeError('site model: block caps must be at least 4')
  return s
}

/** The options that are set, to lay over saved ones. */
export function definedOnly(options: SiteModelOptions): SiteModelOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
}
