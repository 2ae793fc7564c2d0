// The plain-text parser as it was before its line scan avoided trim(): the
// reference tests/parse-text.test.ts compares the parser with.
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
  text: string
  lineNo: number
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
export function parseTextReference(text: string, options: ParseTextOptions = {}): Root {
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
  let lineNo = 1
  const length = text.length
  while (start <= length) {
    let end = start
    while (end < length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++
    const raw = text.slice(start, end)
    if (raw.trim() === '') flush()
    else current.push({start, end, text: raw, lineNo})
    if (end >= length) break
    // CRLF, lone CR and LF all end a line.
    const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1
    start = next
    lineNo++
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
  const widths = lines.map((l) => l.text.trimEnd().length)
  const widest = Math.max(...widths)
  const wrapped = lines.length > 1 && widest <= opts.maxWidth && widest >= opts.minWidth
  let first = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const next = lines[i + 1]
    const joins =
      wrapped &&
      next !== undefined &&
      widths[i] >= widest * opts.wrapRatio &&
      continues(line.text.trimEnd(), next.text.trimStart())
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
  const lead = startLine.text.length - startLine.text.trimStart().length
  const trail = endLine.text.length - endLine.text.trimEnd().length
  const start = startLine.start + lead
  const end = endLine.end - trail
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
