import type {Parent, Root, Text} from 'mdast'
import {decodeHTML} from 'entities'
import type {VFile} from 'vfile'
import {SOURCE} from '../article/messages.js'

/** Options for {@link normalize}. */
export interface NormalizeOptions {
  /**
   * Replace curly quotes and apostrophes with straight ones.
   * @default false
   */
  straightenQuotes?: boolean
  /**
   * Decode HTML entities left in the text (`&amp;`, `&nbsp;`, `&#8217;`).
   * @default true
   */
  decodeEntities?: boolean
  /**
   * Report every changed text as a message (`normalize/*` rule ids).
   * @default true
   */
  report?: boolean
}

const ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i
// Zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g
// C0 and C1 controls except tab, newline and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
// Printable ASCII except `&` (entities), which no step below changes.
const PLAIN = /^[\x20-\x25\x27-\x7E]*$/
const NBSP = /[\u00A0\u2007\u202F]/g
const SPACE_RUN = /[ \t\f\v\u1680\u2000-\u200A\u205F\u3000]{2,}|\t|[\u1680\u2000-\u200A\u205F\u3000]/g

/**
 * Normalize text: Unicode NFC, leftover HTML entities, zero-width and control
 * characters, soft hyphens, non-breaking spaces and whitespace runs. Line
 * breaks inside a paragraph (hard-wrapped prose) become single spaces.
 */
export default function normalize(options: NormalizeOptions = {}) {
  const straighten = options.straightenQuotes ?? false
  const decode = options.decodeEntities ?? true
  const report = options.report ?? true

  return (tree: Root, file: VFile) => {
    eachText(tree, (node, parent) => {
      const result = normalizeText(node.value, {straighten, decode})
      const changes = result.changes
      // A lone text trims; one between inline nodes keeps its edge spaces.
      const value = parent && parent.children.length === 1 ? result.value.trim() : result.value
      if (value === node.value) return
      node.value = value
      if (!report || changes.length === 0) return
      const message = file.message(`normalized: ${changes.join(', ')}`, {
        place: node.position,
        ruleId: `normalize/${changes[0]}`,
        source: SOURCE
      })
      message.actual = value
    })
  }
}

/**
 * Every text node in tree order with its parent: what `unist-util-visit`
 * does for `'text'`, as a plain loop (its generic walk cost more than the
 * normalizing). `fn` may change a node's value, not the tree's shape.
 */
function eachText(parent: Parent, fn: (node: Text, parent: Parent) => void): void {
  const children = parent.children
  for (let i = 0; i < children.length; i++) {
    const node = children[i]
    if (node.type === 'text') fn(node, parent)
    if ('children' in node) eachText(node as Parent, fn)
  }
}

/** What {@link normalizeText} changed, by kind. */
export type NormalizeChange = 'entities' | 'invisible' | 'control' | 'nbsp' | 'whitespace' | 'quotes' | 'unicode'

/**
 * Characters no step changes, alone or next to each other (without quote
 * straightening): printable ASCII but `&`, Latin letters and signs up to
 * U+02FF but the soft hyphen, Cyrillic but its combining marks, and common
 * typographic punctuation. None is a mark or composes under NFC, so a text
 * made of them only (and without double spaces) comes out as it went in.
 * tests/normalize.test.ts checks the table against the steps.
 */
export const INERT = new Uint8Array(0x2200)
for (const [from, to] of [
  [0x20, 0x25], [0x27, 0x7e], [0xa1, 0xac], [0xae, 0x2ff], [0x400, 0x482], [0x48a, 0x52f],
  [0x2010, 0x2010], [0x2013, 0x2014], [0x2018, 0x201a], [0x201c, 0x201e], [0x2020, 0x2022], [0x2026, 0x2026],
  [0x2030, 0x2030], [0x2032, 0x2033], [0x2039, 0x203a], [0x20ac, 0x20ac], [0x2122, 0x2122]
]) INERT.fill(1, from, to + 1)

/** Whether no step of {@link normalizeText} (but quote straightening) changes `input`. */
function inert(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i)
    if (c >= 0x2200 || INERT[c] === 0 || (c === 32 && input.charCodeAt(i + 1) === 32)) return false
  }
  return true
}

/** Normalize one string; returns the result and the kinds of change made. */
export function normalizeText(
  input: string,
  options: {straighten?: boolean; decode?: boolean} = {}
): {value: string; changes: NormalizeChange[]} {
  // Printable ASCII without `&` or double spaces has nothing any step changes;
  // most other texts hold only characters that no step changes either.
  if (options.straighten ? PLAIN.test(input) && !input.includes('  ') : inert(input)) return {value: input, changes: []}
  const changes: NormalizeChange[] = []
  let value = input
  const step = (kind: NormalizeChange, next: string) => {
    if (next !== value) {
      changes.push(kind)
      value = next
    }
  }
  if ((options.decode ?? true) && ENTITY.test(value)) step('entities', decodeHTML(value))
  step('invisible', value.replace(INVISIBLE, ''))
  step('control', value.replace(CONTROL, ''))
  step('nbsp', value.replace(NBSP, ' '))
  step('unicode', value.normalize('NFC'))
  if (options.straighten) step('quotes', value.replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″«»]/g, '"'))
  // Unwrapping hard-wrapped lines is layout, not a change worth reporting.
  value = value.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ')
  step('whitespace', value.replace(SPACE_RUN, ' '))
  return {value, changes}
}
