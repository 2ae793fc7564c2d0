import type {Plugin} from 'unified'
import normalize from '../plugins/normalize.js'
import stripBoilerplate from '../plugins/strip-boilerplate.js'
import dedupeParagraphs from '../plugins/dedupe-paragraphs.js'
import type {StepName} from './schema.js'

/** The plugin behind every step name a pipeline file may use. */
export const PLUGINS: Record<StepName, Plugin<[any?], any>> = {
  normalize,
  'strip-boilerplate': stripBoilerplate,
  'dedupe-paragraphs': dedupeParagraphs,
  'classify-blocks': () => () => {},
  'strip-site-chrome': () => () => {}
}
