import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {reportRemoval} from '../article/messages.js'
import {removeBlocks, siteBlocks} from '../corpus/site-model-blocks.js'
import {SiteModel, type ChromeMatch, type SiteModelJSON} from '../corpus/site-model.js'

/** Options for {@link stripSiteChrome}. */
export interface StripSiteChromeOptions {
  /**
   * The learned site model, or its JSON (what a worker thread receives).
   * Without one the step does nothing, so a pipeline can list it whether or
   * not a model was given.
   * @default undefined
   */
  model?: SiteModel | SiteModelJSON
}

// Workers get the same JSON object for every article: build its model once.
const fromJSON = new WeakMap<object, SiteModel>()

/**
 * Remove paragraphs and headings that recur across many articles of the
 * article's site (`file.data.decruft.site`), as learned by a {@link SiteModel}.
 * When every block of an article would go, nothing is removed: the article's
 * only content is never taken for chrome.
 */
export default function stripSiteChrome(options: StripSiteChromeOptions = {}) {
  const model = resolveModel(options.model)

  return (tree: Root, file: VFile) => {
    const site = file.data.decruft?.site
    if (!model || !site) return
    const blocks = siteBlocks(tree)
    const found: Array<{block: (typeof blocks)[number]; match: ChromeMatch}> = []
    let keeps = false
    for (const block of blocks) {
      if (block.text === '') continue
      const match = model.lookup(site, block.text)
      if (match) found.push({block, match})
      else keeps = true
    }
    if (found.length === 0 || !keeps) return
    for (const {block, match} of found) {
      reportRemoval(file, block.node, {
        ruleId: 'site/recurring-block',
        reason: `recurs in ${match.count} of ${match.articles} articles from ${match.site}`
      })
    }
    removeBlocks(tree, new Set(found.map(({block}) => block.node)))
  }
}

export {stripSiteChrome}

function resolveModel(model: SiteModel | SiteModelJSON | undefined): SiteModel | undefined {
  if (model === undefined || model instanceof SiteModel) return model
  let built = fromJSON.get(model)
  if (!built) {
    built = SiteModel.fromJSON(model)
    fromJSON.set(model, built)
  }
  return built
}
