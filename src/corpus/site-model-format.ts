import {BLOCK_HASH, NORMALIZATION_VERSION} from './site-model-blocks.js'

/** The `format` field of every site model file. */
export const SITE_MODEL_FORMAT = 'decruft-site-model'

/** The version this decruft writes and reads. */
export const SITE_MODEL_VERSION = 1

/**
 * One counted block: `[hash, articles, words, ...storyIds]`. `articles` is
 * how many distinct articles of the site hold it; the story ids (the first is
 * where it was first seen) tell different stories from copies of one story.
 */
export type BlockEntryJSON = [hash: string, articles: number, words: number, ...stories: number[]]

/** What a site model file holds. */
export interface SiteModelJSON {
  format: typeof SITE_MODEL_FORMAT
  version: typeof SITE_MODEL_VERSION
  /** Hash algorithm and seed of the block keys. */
  hash: string
  /** Version of the block normalization the keys were made with. */
  normalization: number
  /** The thresholds the model was learned with (applied again on load unless overridden). */
  options: SavedOptions
  /** Per site: articles learned and the blocks seen in at least two of them. */
  sites: Record<string, {articles: number; blocks: BlockEntryJSON[]}>
}

/** Thresholds saved with a model; memory caps and `keep` are not. */
export interface SavedOptions {
  minArticles: number
  minShare: number
  minStories: number
  sameStory: number
  proseWords: number
  proseShare: number
}

/** A site model file that is not one, is damaged, or is from another version. */
export class SiteModelFormatError extends Error {
  constructor(message: string, source?: string) {
    super(source ? `${source}: ${message}` : message)
    this.name = 'SiteModelFormatError'
  }
}

/**
 * Check that `value` is a site model this version can read and return it
 * typed; throw a {@link SiteModelFormatError} that says what is wrong.
 */
export function validateSiteModelJSON(value: unknown, source?: string): SiteModelJSON {
  const fail = (why: string): never => {
    throw new SiteModelFormatError(why, source)
  }
  if (!isObject(value)) return fail('not a decruft site model (expected a JSON object)')
  if (value.format !== SITE_MODEL_FORMAT) {
    return fail(`not a decruft site model (format is ${JSON.stringify(value.format)}, expected "${SITE_MODEL_FORMAT}")`)
  }
  if (value.version !== SITE_MODEL_VERSION) {
    const newer = typeof value.version === 'number' && value.version > SITE_MODEL_VERSION
    return fail(
      newer
        ? `site model version ${value.version} is newer than this decruft reads (${SITE_MODEL_VERSION}); upgrade decruft`
        : `unsupported site model version ${JSON.stringify(value.version)} (expected ${SITE_MODEL_VERSION})`
    )
  }
  if (value.hash !== BLOCK_HASH || value.normalization !== NORMALIZATION_VERSION) {
    fail(
      `site model was built with hash ${JSON.stringify(value.hash)} and normalization ${JSON.stringify(value.normalization)}; ` +
        `this decruft uses "${BLOCK_HASH}" and ${NORMALIZATION_VERSION}: learn it again`
    )
  }
  const options = value.options
  if (!isObject(options)) return fail('"options" must be an object')
  for (const key of ['minArticles', 'minShare', 'minStories', 'sameStory', 'proseWords', 'proseShare'] as const) {
    if (typeof options[key] !== 'number' || !Number.isFinite(options[key])) fail(`"options.${key}" must be a number`)
  }
  if (!isObject(value.sites)) return fail('"sites" must be an object')
  for (const [site, entry] of Object.entries(value.sites)) {
    if (!isObject(entry)) fail(`site ${JSON.stringify(site)} must be an object`)
    const {articles, blocks} = entry as Record<string, unknown>
    if (!isCount(articles)) fail(`site ${JSON.stringify(site)}: "articles" must be a non-negative integer`)
    if (!Array.isArray(blocks)) return fail(`site ${JSON.stringify(site)}: "blocks" must be an array`)
    blocks.forEach((block, index) => {
      if (!isBlockEntry(block, articles as number)) {
        fail(`site ${JSON.stringify(site)}: block ${index} is not [hash (16 hex digits), articles <= ${articles}, words, ...story ids]`)
      }
    })
  }
  return value as unknown as SiteModelJSON
}

function isBlockEntry(block: unknown, articles: number): boolean {
  if (!Array.isArray(block) || block.length < 3) return false
  const [hash, count, words, ...stories] = block
  return (
    typeof hash === 'string' &&
    /^[0-9a-f]{16}$/.test(hash) &&
    isCount(count) &&
    count <= articles &&
    isCount(words) &&
    stories.every((story) => isCount(story) && story <= 0xffffffff)
  )
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
