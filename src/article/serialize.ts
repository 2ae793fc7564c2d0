import type {Root, RootContent} from 'mdast'
import {nodeText} from './node-text.js'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'

/**
 * Serialize a cleaned tree as plain text: lines of one group are joined by a
 * newline, groups by a blank line. Nothing is escaped.
 */
export function toText(tree: Root): string {
  let out = ''
  let lastGroup: number | undefined
  let index = 0
  for (const node of tree.children) {
    const text = blockText(node)
    if (text === '') continue
    const group = groupOf(node, index++)
    if (out !== '') out += group === lastGroup ? '\n' : '\n\n'
    out += text
    lastGroup = group
  }
  return out
}

/** Serialize a cleaned tree as Markdown. */
export function toMarkdown(tree: Root): string {
  return unified().use(remarkStringify).stringify(tree).trimEnd()
}

/** A block's text as {@link toText} writes it. */
export function blockText(node: RootContent): string {
  return nodeText(node).trim()
}

function groupOf(node: RootContent, index: number): number {
  const data = node.data as {decruft?: {group: number}} | undefined
  // Markdown blocks carry no group: each is its own.
  return data?.decruft?.group ?? -1 - index
}
