import type {Paragraph, Root} from 'mdast'
import type {Point} from 'unist'

/** Options for {@link parseText}. */
export interface ParseTextOptions {
  /**
   * Lines at least this share of a group's widest line, in a group whose widest
   * line is at most `maxWrapWidth`, are treated as hard-wrapped and joined with
   * the next line when the sentence clearly continues.
   * @default 0.6
   */
  wrapRatio?: number
  /**
   * Widest line (in characters) a hard-wrapped group may have.
   * @default 100
   */
  maxWrapWidth?: number
  /**
   * Narrowest column a hard-wrapped group may have.
   * @default 40
   */
  minWrapWidth?: number
}

interface Line {
  start: number
  end: number
  /** Where the line's text starts and ends once trimmed (`trimStart`, `trimEnd`). */
  lead: number
  trail: number
}

/** What `String.prototype.trim` strips: white space and line terminators. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

const terminal = /[.!?:;"”’»)\]]$/u

/**
 * Parse scraped plain text into an mdast tree without changing a character.
 *
 * Every non-blank line becomes a paragraph, except hard-wrapped prose, whose
 * lines are merged into one paragraph (their newlines stay in the text value).
 * Blank lines separate groups; `data.decruft.group` records the group.
 * Positions are exact offsets into `text`.
 */
export function parseText(text: string, options: ParseTextOptions = {}): Root {
  const wrapRatio = options.wrapRatio ?? 0.6
  const maxWidth = options.maxWrapWidth ?? 100
  const minWidth = options.minWrapWidth ?? 40
  const lineStarts = [0]
  const children: Paragraph[] = []
  let group = 0
  let current: Line[] = []

  const flush = () => {
    if (current.length === 0) return
    emitGroup(text, current, group, children, lineStarts, {wrapRatio, maxWidth, minWidth})
    group++
    current = []
  }

  let start = 0
  const length = text.length
  while (start <= length) {
    let end = start
    // The first character trim would keep: the line is blank without one.
    let lead = -1
    for (; end < length; end++) {
      const c = text.charCodeAt(end)
      if (c === 10 || c === 13) break
      if (lead < 0 && !isSpace(c)) lead = end
    }
    if (lead < 0) flush()
    else {
      let trail = end
      while (isSpace(text.charCodeAt(trail - 1))) trail--
      current.push({start, end, lead, trail})
    }
    if (end >= length) break
    // CRLF, lone CR and LF all end a line.
    const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1
    start = next
    lineStarts.push(start)
  }
  flush()

  return {
    type: 'root',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end: pointAt(length, lineStarts)}
  }
}

function emitGroup(
  text: string,
  lines: Line[],
  group: number,
  out: Paragraph[],
  lineStarts: number[],
  opts: {wrapRatio: number; maxWidth: number; minWidth: number}
) {
  const widths = lines.map((l) => l.trail - l.start)
  let widest = 0
  for (const width of widths) if (width > widest) widest = width
  const wrapped = lines.length > 1 && widest <= opts.maxWidth && widest >= opts.minWidth
  let first = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const next = lines[i + 1]
    const joins =
      wrapped &&
      next !== undefined &&
      widths[i] >= widest * opts.wrapRatio &&
      continues(text.slice(line.start, line.trail), text.slice(next.lead, next.end))
    if (joins) continue
    out.push(paragraph(text, lines, first, i, group, lineStarts))
    first = i + 1
  }
}

/** A wrapped line ends mid-sentence, or the next line starts in lower case. */
function continues(line: string, next: string): boolean {
  if (!terminal.test(line)) return true
  return /^\p{Ll}/u.test(next)
}

function paragraph(text: string, lines: Line[], from: number, to: number, group: number, lineStarts: number[]): Paragraph {
  // Trim the block's outer spaces; every inner character stays as it was.
  const startLine = lines[from]
  const endLine = lines[to]
  const start = startLine.lead
  const end = endLine.trail
  const value = text.slice(start, end)
  const position = {start: pointAt(start, lineStarts), end: pointAt(end, lineStarts)}
  return {
    type: 'paragraph',
    children: [{type: 'text', value, position}],
    position,
    data: {decruft: {group, lines: to - from + 1}}
  }
}

function pointAt(offset: number, lineStarts: number[]): Point {
  // Binary search: the last line start <= offset.
  let lo = 0
  let hi = lineStarts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (lineStarts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return {line: lo + 1, column: offset - lineStarts[lo] + 1, offset}
}
