import type {Root, RootContent} from 'mdast'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import type {Position} from 'unist'
import {blockText} from './serialize.js'

/** Where one kept block of a cleaned tree sits in its serialized text. */
interface BlockSpan {
  start: number
  end: number
  node: RootContent
}

/**
 * Maps places in a cleaned text back to the text its tree was parsed from:
 * a place inside a block maps to that whole block there.
 */
export interface PlaceMap {
  map(position: Position): Position | undefined
}

/**
 * The map from `text`, serialized from `tree`, back to the places of the
 * tree's blocks; `inner` continues from there (a chain of cleaning passes
 * maps to the original input).
 */
export function placeMap(tree: Root, text: string, format: 'text' | 'markdown', inner?: PlaceMap): PlaceMap {
  let spans: BlockSpan[] | undefined
  return {
    map(position) {
      spans ??= blockSpans(tree, text, format)
      const from = spanAt(spans, position.start.offset ?? 0)
      const to = spanAt(spans, Math.max((position.end.offset ?? 0) - 1, position.start.offset ?? 0))
      const start = from?.node.position?.start
      const end = to?.node.position?.end
      if (!start || !end) return undefined
      const place = {start: {...start}, end: {...end}}
      return inner ? inner.map(place) : place
    }
  }
}

/** The span holding `offset`, else the next one after it. */
function spanAt(spans: BlockSpan[], offset: number): BlockSpan | undefined {
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid].end <= offset) lo = mid + 1
    else hi = mid
  }
  return spans[lo] ?? spans[spans.length - 1]
}

function blockSpans(tree: Root, text: string, format: 'text' | 'markdown'): BlockSpan[] {
  const spans: BlockSpan[] = []
  const stringify = format === 'markdown' ? unified().use(remarkStringify) : undefined
  let cursor = 0
  for (const node of tree.children) {
    const value = stringify ? stringify.stringify({type: 'root', children: [node]}).trimEnd() : blockText(node)
    if (value === '') continue
    const at = text.indexOf(value, cursor)
    if (at === -1) continue
    spans.push({start: at, end: at + value.length, node})
    cursor = at + value.length
  }
  return spans
}
