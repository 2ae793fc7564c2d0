import type {Plugin} from 'unified'
import classifyBlocks from '../plugins/classify-blocks.js'
import dedupeParagraphs from '../plugins/dedupe-paragraphs.js'
import normalize from '../plugins/normalize.js'
import stripBoilerplate from '../plugins/strip-boilerplate.js'
import stripSiteChrome from '../plugins/strip-site-chrome.js'
import type {StepName} from './schema.js'

/** The plugin behind every step name a pipeline file may use. */
export const PLUGINS: Record<StepName, Plugin<[any?], any>> = {
  normalize,
  'strip-site-chrome': stripSiteChrome,
  'strip-boilerplate': stripBoilerplate,
  'classify-blocks': classifyBlocks,
  'dedupe-paragraphs': dedupeParagraphs
}
