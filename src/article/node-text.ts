import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'

/**
 * `toString(node)` from mdast-util-to-string, with the common case (a block
 * holding one text node, what the text parser makes) answered directly: the
 * general walk builds an array and joins it for every block, and several
 * plugins ask for every block's text.
 */
export function nodeText(node: Nodes): string {
  if ('children' in node && !('value' in node) && !('alt' in node) && node.children.length === 1) {
    const child = node.children[0]
    if (child.type === 'text' && typeof child.value === 'string') return child.value
  }
  return toString(node)
}
