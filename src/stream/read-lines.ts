/** A line of bytes decoded as UTF-8, or why it could not be. */
export type Line =
  | {lineNo: number; text: string; error?: undefined}
  | {lineNo: number; error: string; raw?: string}

/** Options for {@link readLines}. */
export interface ReadLinesOptions {
  /**
   * Longest line kept, in bytes; a longer one is reported as an error and skipped.
   * @default 64 MiB
   */
  maxLineBytes?: number
}

const decoder = new TextDecoder('utf-8', {fatal: true})
const LF = 10
const CR = 13

/**
 * Split a byte stream into lines at LF, CRLF or a lone CR (old Mac files;
 * JSON never holds a raw CR inside a string, so a CR is always a line end or
 * insignificant whitespace), decoding each as strict UTF-8 and dropping a
 * leading BOM. Keeps the partial last line; a line over the limit is
 * reported, not buffered.
 */
export async function* readLines(source: AsyncIterable<Uint8Array>, options: ReadLinesOptions = {}): AsyncGenerator<Line> {
  const max = options.maxLineBytes ?? 64 * 1024 * 1024
  let parts: Uint8Array[] = []
  let size = 0
  let lineNo = 1
  let overflow = false
  let first = true
  // The previous chunk ended in CR: a LF at the start of this one belongs to it.
  let afterCR = false

  const finish = (): Line => {
    const no = lineNo++
    if (overflow) {
      overflow = false
      parts = []
      size = 0
      first = false
      return {lineNo: no, error: `line is longer than ${max} bytes`}
    }
    let bytes = parts.length === 1 ? parts[0] : concat(parts, size)
    parts = []
    size = 0
    if (first) {
      first = false
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
    }
    try {
      return {lineNo: no, text: decoder.decode(bytes)}
    } catch {
      return {lineNo: no, error: 'invalid UTF-8', raw: Buffer.from(bytes).toString('utf8')}
    }
  }

  for await (const chunk of source) {
    let start = 0
    // Next LF and CR positions, each found once per pass over the chunk.
    let lf = -2
    let cr = -2
    if (afterCR && chunk.length > 0) {
      if (chunk[0] === LF) start = 1
      afterCR = false
    }
    for (;;) {
      if (lf !== -1 && lf < start) lf = chunk.indexOf(LF, start)
      if (cr !== -1 && cr < start) cr = chunk.indexOf(CR, start)
      const end = lf === -1 ? (cr === -1 ? chunk.length : cr) : cr === -1 ? lf : Math.min(lf, cr)
      if (!overflow && end > start) {
        if (size + (end - start) > max) {
          overflow = true
          parts = []
          size = 0
        } else {
          parts.push(chunk.subarray(start, end))
          size += end - start
        }
      }
      if (end === chunk.length) break
      yield finish()
      start = end + 1
      if (chunk[end] === CR) {
        if (start === chunk.length) afterCR = true
        else if (chunk[start] === LF) start++
      }
    }
    // Some streams reuse their chunks: copy the pending tail of this one.
    const last = parts.length - 1
    if (last >= 0 && parts[last].buffer === chunk.buffer) parts[last] = parts[last].slice()
  }
  if (size > 0 || overflow) yield finish()
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
