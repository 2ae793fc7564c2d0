import type {Heading, Paragraph, Parent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {DEFAULT_SEED, hash64Hex} from '../similarity/hash.js'

/**
 * Version of {@link normalizeBlock}. Saved in every site model: a model
 * hashed under another normalization would silently match nothing.
 */
export const NORMALIZATION_VERSION = 1

/** The hash saved models are keyed by (algorithm and seed), checked on load. */
export const BLOCK_HASH = `xxh64:${DEFAULT_SEED.toString(16)}`

/** A block the site model counts: a paragraph or heading, wherever it sits. */
export interface SiteBlock {
  node: Paragraph | Heading
  parent: Parent
  /** The block's text, trimmed. */
  text: string
}

/** A block's identity in the model: its hash and how many words it has. */
export interface BlockKey {
  /** xxHash64 of the normalized text, 16 hex digits. */
  hash: string
  /** Words in the normalized text. */
  words: number
  /** Length of the normalized text, to pick an article's longest block. */
  length: number
}

const NOT_WORD = /[^\p{L}\p{N}]+/gu
// Whether or not the normalize step ran first, a block must get one key:
// invisible characters go, and an HTML entity counts as the punctuation it
// usually stands for.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g
const ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi
const DIGIT = /\p{Nd}/gu
const LETTER = /\p{L}/u

/**
 * CCNet-style normalization: NFKC, lower case, every digit `0`, punctuation
 * and spacing collapsed. So "© 2023 Example" and "(c) 2024 example." count as
 * one block, and the model does not depend on which cleanup steps ran first.
 */
export function normalizeBlock(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(ENTITY, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(DIGIT, '0')
    .replace(NOT_WORD, ' ')
    .trim()
}

/**
 * The key of a block's text, or `undefined` for a block without letters:
 * list numbers, scores and bare dates recur everywhere and say nothing
 * about chrome.
 */
export function blockKey(text: string): BlockKey | undefined {
  const normalized = normalizeBlock(text)
  if (!LETTER.test(normalized)) return undefined
  let words = 1
  for (let i = 0; i < normalized.length; i++) if (normalized.charCodeAt(i) === 32) words++
  return {hash: hash64Hex(normalized), words, length: normalized.length}
}

/**
 * Paragraphs and headings of a tree in document order, with their parents.
 * Learning and stripping both go through here so they see the same blocks.
 */
export function siteBlocks(tree: Root): SiteBlock[] {
  const out: SiteBlock[] = []
  const walk = (parent: Parent) => {
    for (const child of parent.children) {
      if (child.type === 'paragraph' || child.type === 'heading') {
        out.push({node: child, parent, text: toString(child).trim()})
      } else if ('children' in child && child.type !== 'table') {
        walk(child)
      }
    }
  }
  walk(tree)
  return out
}

/**
 * Remove `targets` from the tree, then any list, list item or blockquote the
 * removal left empty (an empty bullet is chrome's shadow, not content).
 */
export function removeBlocks(tree: Root, targets: Set<unknown>): void {
  const prune = (parent: Parent) => {
    const kept: typeof parent.children = []
    for (const child of parent.children) {
      if (targets.has(child)) continue
      if ('children' in child && child.children.length > 0 && child.type !== 'paragraph' && child.type !== 'heading') {
        prune(child)
        if (child.children.length === 0 && isContainer(child.type)) continue
      }
      kept.push(child)
    }
    parent.children = kept
  }
  prune(tree)
}

function isContainer(type: string): boolean {
  return type === 'list' || type === 'listItem' || type === 'blockquote'
}
