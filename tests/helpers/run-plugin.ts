import type {Root} from 'mdast'
import {unified, type Plugin} from 'unified'
import {recordToArticle, toText, decruftMessages, toRemovalRecord} from '../../src/article/index.js'

/** Parse plain text, run one plugin on it, and return the text and messages. */
export function runPlugin<O>(plugin: Plugin<[O?], Root>, text: string, options?: O) {
  const {file, tree} = recordToArticle({text}, undefined, {detectTitle: false})
  unified().use(plugin, options).runSync(tree, file)
  return {text: toText(tree), messages: decruftMessages(file).map(toRemovalRecord), file}
}
