import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {hash64Hex} from '../similarity/hash.js'
import {BLOCK_HASH, blockKey, NORMALIZATION_VERSION, siteBlocks, type BlockKey} from './site-model-blocks.js'
import {
  SITE_MODEL_FORMAT,
  SITE_MODEL_VERSION,
  SiteModelFormatError,
  validateSiteModelJSON,
  type BlockEntryJSON,
  type SiteModelJSON
} from './site-model-format.js'
import {definedOnly, settings, STORY_KEYS, type SiteModelOptions, type SiteModelSettings} from './site-model-options.js'

export * from './site-model-format.js'
export {DEFAULT_KEEP, type SiteModelOptions} from './site-model-options.js'
export {blockKey, normalizeBlock, siteBlocks} from './site-model-blocks.js'

/** A block the model calls chrome, with the counts that say why. */
export interface ChromeMatch {
  site: string
  /** Distinct articles of the site holding the block. */
  count: number
  /** Articles learned for the site. */
  articles: number
}

/** Blocks of at least this many words are the prose that tells stories apart. */
const STORY_WORDS = 10

interface SiteCounts {
  articles: number
  /** hash → [articles, words, ...storyIds]; the first story id is where it was first seen. */
  blocks: Map<string, number[]>
  fingerprints: Set<string>
}

/**
 * Which blocks recur across many articles of one site (CCNet-style paragraph
 * hashes): menus, footers, share bars, bios. Learned in one streaming pass,
 * bounded in memory, saved as versioned JSON.
 */
export class SiteModel {
  readonly options: Readonly<SiteModelSettings>
  private readonly sites = new Map<string, SiteCounts>()
  private total = 0

  constructor(options: SiteModelOptions = {}) {
    this.options = settings(options)
  }

  /** Learn one parsed article; its site is `file.data.decruft.site`. Returns whether it counted. */
  learn(tree: Root, file: VFile): boolean {
    return this.addArticle(file.data.decruft?.site, siteBlocks(tree).map((block) => block.text))
  }

  /**
   * Learn one article from its block texts. Articles without a site, without
   * text, or identical to one already learned for the site are skipped.
   */
  addArticle(site: string | undefined, blocks: Iterable<string>): boolean {
    if (!site) return false
    const keys = new Map<string, BlockKey>()
    for (const text of blocks) {
      const key = blockKey(text)
      if (key && !keys.has(key.hash)) keys.set(key.hash, key)
    }
    if (keys.size === 0) return false
    const counts = this.site(site)
    const fingerprint = hash64Hex([...keys.keys()].sort().join(''))
    if (counts.fingerprints.has(fingerprint)) return false
    if (counts.fingerprints.size < this.options.maxArticlesPerSite) counts.fingerprints.add(fingerprint)
    counts.articles++
    const story = this.storyOf(counts, keys)
    for (const key of keys.values()) {
      const entry = counts.blocks.get(key.hash)
      if (!entry) {
        counts.blocks.set(key.hash, [1, key.words, story])
        this.total++
        continue
      }
      entry[0]++
      if (entry.length - 2 < STORY_KEYS && entry.indexOf(story, 2) === -1) entry.push(story)
    }
    if (counts.blocks.size > this.options.maxBlocksPerSite) this.prune([site], this.options.maxBlocksPerSite)
    if (this.total > this.options.maxBlocks) this.prune([...this.sites.keys()], this.options.maxBlocks)
    return true
  }

  /** The counts that make `text` chrome on `site`, or `undefined` when it is not. */
  lookup(site: string | undefined, text: string): ChromeMatch | undefined {
    const counts = site ? this.sites.get(site) : undefined
    if (!counts || !site) return undefined
    const key = blockKey(text)
    const entry = key && counts.blocks.get(key.hash)
    if (!entry || !this.isFrequent(counts, entry[0], entry[1])) return undefined
    if (entry.length - 2 < this.options.minStories || keeps(this.options.keep, text)) return undefined
    return {site, count: entry[0], articles: counts.articles}
  }

  /** Sites learned, in no particular order. */
  siteNames(): string[] {
    return [...this.sites.keys()]
  }

  /** Articles learned for `site`. */
  articleCount(site: string): number {
    return this.sites.get(site)?.articles ?? 0
  }

  /** Blocks counted over all sites (what the memory caps bound). */
  get size(): number {
    return this.total
  }

  /**
   * The model as JSON. Blocks seen in a single article are left out: they can
   * never be chrome, and they are most of the count.
   */
  toJSON(): SiteModelJSON {
    const sites: SiteModelJSON['sites'] = {}
    for (const name of [...this.sites.keys()].sort()) {
      const counts = this.sites.get(name)!
      const blocks: BlockEntryJSON[] = []
      for (const [hash, entry] of counts.blocks) {
        if (entry[0] >= 2) blocks.push([hash, entry[0], entry[1], ...entry.slice(2)])
      }
      blocks.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      sites[name] = {articles: counts.articles, blocks}
    }
    const {minArticles, minShare, minStories, sameStory, proseWords, proseShare} = this.options
    return {
      format: SITE_MODEL_FORMAT,
      version: SITE_MODEL_VERSION,
      hash: BLOCK_HASH,
      normalization: NORMALIZATION_VERSION,
      options: {minArticles, minShare, minStories, sameStory, proseWords, proseShare},
      sites
    }
  }

  /**
   * A model from {@link toJSON}'s output. Thresholds come from the file
   * unless `options` overrides them. Throws a {@link SiteModelFormatError}.
   */
  static fromJSON(value: unknown, options: SiteModelOptions = {}, source?: string): SiteModel {
    const json = validateSiteModelJSON(value, source)
    const model = new SiteModel({...json.options, ...definedOnly(options)})
    for (const [name, site] of Object.entries(json.sites)) {
      const counts = model.site(name)
      counts.articles = site.articles
      for (const [hash, count, words, ...stories] of site.blocks) {
        counts.blocks.set(hash, [count, words, ...stories.slice(0, STORY_KEYS)])
      }
      model.total += counts.blocks.size
    }
    return model
  }

  /** A model from the text of a site model file; `source` names it in errors. */
  static parse(text: string, options: SiteModelOptions = {}, source?: string): SiteModel {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      throw new SiteModelFormatError(`not a decruft site model: invalid JSON (${(error as Error).message})`, source)
    }
    return SiteModel.fromJSON(value, options, source)
  }

  private site(name: string): SiteCounts {
    let counts = this.sites.get(name)
    if (!counts) {
      counts = {articles: 0, blocks: new Map(), fingerprints: new Set()}
      this.sites.set(name, counts)
    }
    return counts
  }

  private isFrequent(counts: SiteCounts, count: number, words: number): boolean {
    const {minArticles, minShare, proseWords, proseShare} = this.options
    let need = Math.max(minArticles, Math.ceil(minShare * counts.articles))
    if (words >= proseWords) need = Math.max(need, Math.ceil(proseShare * counts.articles))
    return count >= need
  }

  /**
   * Which story the article tells: the earlier story in which at least
   * `sameStory` of its prose (by length) was first seen, else a new one.
   * Only prose decides, so menus shared by every page do not make two
   * articles one story, while a copy or an update of a story does.
   */
  private storyOf(counts: SiteCounts, keys: Map<string, BlockKey>): number {
    const firstSeen = new Map<number, number>()
    let prose = 0
    for (const key of keys.values()) {
      if (key.words < STORY_WORDS) continue
      prose += key.length
      const entry = counts.blocks.get(key.hash)
      if (entry) firstSeen.set(entry[2], (firstSeen.get(entry[2]) ?? 0) + key.length)
    }
    for (const [story, length] of firstSeen) if (length >= prose * this.options.sameStory) return story
    // Story ids are per site and never reused, also after a saved model is loaded.
    return counts.articles
  }

  /**
   * Drop the rarest blocks (lossy counting) until the sites hold at most
   * three quarters of `cap`: a block pruned at count 1 that is really chrome
   * comes back with the next articles.
   */
  private prune(names: string[], cap: number): void {
    const target = Math.floor(cap * 0.75)
    let size = names.reduce((sum, name) => sum + this.sites.get(name)!.blocks.size, 0)
    for (let floor = 1; size > target; floor++) {
      for (const name of names) {
        const site = this.sites.get(name)!
        for (const [hash, entry] of site.blocks) {
          if (entry[0] > floor) continue
          site.blocks.delete(hash)
          size--
          this.total--
        }
      }
    }
    // A site left with no blocks (typically one seen once) costs memory for nothing.
    for (const name of names) if (this.sites.get(name)!.blocks.size === 0) this.sites.delete(name)
  }
}

function keeps(pattern: RegExp, text: string): boolean {
  // A user's /g or /y pattern would carry lastIndex from one block to the next.
  pattern.lastIndex = 0
  return pattern.test(text)
}
