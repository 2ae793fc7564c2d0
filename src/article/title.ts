import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {fold, foldEquals} from './fold.js'
import {nodeText} from './node-text.js'

/** Options for {@link detectTitle}. */
export interface DetectTitleOptions {
  /**
   * Longest first line, in characters, that may be taken as a title.
   * @default 200
   */
  maxLength?: number
  /**
   * Most words a detected title may have.
   * @default 30
   */
  maxWords?: number
}

/**
 * Find the title in a parsed plain-text article: a short first line that
 * stands alone (a blank line follows) and is not itself a sentence.
 * Removes it from the tree and returns it.
 */
export function detectTitle(tree: Root, options: DetectTitleOptions = {}): string | undefined {
  const maxLength = options.maxLength ?? 200
  const maxWords = options.maxWords ?? 30
  const [first, second] = tree.children
  if (!first || !second || first.type !== 'paragraph') return undefined
  const data = first.data?.decruft
  const nextData = second.type === 'paragraph' ? second.data?.decruft : undefined
  // A hard-wrapped first block counts too: once cleaned it is a single line,
  // and cleaning that again must find the same title.
  if (!data || !nextData || nextData.group === data.group) return undefined
  const text = toString(first).trim().replace(/\s+/gu, ' ')
  if (text.length === 0 || text.length > maxLength) return undefined
  if (text.split(/\s+/u).length > maxWords) return undefined
  if (/[.,;:]$/u.test(text) && !/\.\.\.$|…$/u.test(text)) return undefined
  tree.children.shift()
  return text
}

/**
 * Remove the leading blocks that repeat the record's own title (scraped page
 * text often starts with it). Comparison ignores case, spacing and punctuation.
 */
export function dropRepeatedTitle(tree: Root, title: string): boolean {
  const folded = fold(title)
  let dropped = false
  // Every leading copy: leaving one would make it the title of a second cleaning.
  for (let first = tree.children[0]; first && first.type === 'paragraph' && foldEquals(nodeText(first), folded); first = tree.children[0]) {
    tree.children.shift()
    dropped = true
  }
  return dropped
}
