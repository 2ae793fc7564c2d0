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

/**
 * Split a byte stream into lines at LF (a CR before it is dropped; a lone CR
 * is content), decoding each as strict UTF-8 and dropping a leading BOM.
 * Keeps the partial last line; a line over the limit is reported, not buffered.
 */
export async function* readLines(source: AsyncIterable<Uint8Array>, options: ReadLinesOptions = {}): AsyncGenerator<Line> {
  const max = options.maxLineBytes ?? 64 * 1024 * 1024
  let parts: Uint8Array[] = []
  let size = 0
  let lineNo = 1
  let overflow = false
  let first = true

  const finish = (): Line | undefined => {
    const no = lineNo++
    if (overflow) {
      overflow = false
      parts = []
      size = 0
      return {lineNo: no, error: `line is longer than ${max} bytes`}
    }
    let bytes = parts.length === 1 ? parts[0] : concat(parts, size)
    parts = []
    size = 0
    if (first) {
      first = false
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
    }
    if (bytes.length > 0 && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1)
    try {
      return {lineNo: no, text: decoder.decode(bytes)}
    } catch {
      return {lineNo: no, error: 'invalid UTF-8', raw: Buffer.from(bytes).toString('utf8')}
    }
  }

  for await (const chunk of source) {
    let start = 0
    for (;;) {
      const nl = chunk.indexOf(10, start)
      const end = nl === -1 ? chunk.length : nl
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
      if (nl === -1) break
      const line = finish()
      if (line) yield line
      start = nl + 1
    }
    // Some streams reuse their chunks: copy the pending tail of this one.
    const last = parts.length - 1
    if (last >= 0 && parts[last].buffer === chunk.buffer) parts[last] = parts[last].slice()
  }
  if (size > 0 || overflow) {
    const line = finish()
    if (line) yield line
  }
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
