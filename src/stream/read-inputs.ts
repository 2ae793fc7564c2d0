import {createReadStream} from 'node:fs'
import {readdir, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import type {Readable, Transform} from 'node:stream'
import {createGunzip} from 'node:zlib'
import type {ArticleRecord} from '../article/index.js'
import {readJsonArray} from './read-json-array.js'
import {readLines} from './read-lines.js'
import {describeFsError, parseRecordLine, reject} from './record-check.js'
import type {InputFormat, InputItem, ParsedItem} from './types.js'

/** Options for {@link readInputs}. */
export interface ReadInputsOptions {
  /**
   * Input format; `auto` decides by file extension (`.jsonl`, `.json`, `.txt`,
   * `.md`, each optionally `.gz`) and, for stdin, by the first character.
   * @default 'auto'
   */
  format?: InputFormat | 'auto'
  /**
   * Longest JSONL line, in bytes.
   * @default 64 MiB
   */
  maxLineBytes?: number
  /**
   * Deepest nesting of arrays and objects accepted in a record; deeper ones
   * are rejected (they would overflow the stack when written back out).
   * @default 256
   */
  maxDepth?: number
  /**
   * Yield JSONL lines unparsed (`kind: 'line'`), for the thread that cleans
   * them to parse with `parseRecordLine`: the reading thread then only splits lines.
   * @default false
   */
  deferParse?: boolean
  /**
   * Where `-` reads from.
   * @default process.stdin
   */
  stdin?: Readable
}

const EXTENSIONS: Record<string, InputFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown'
}

/** The format a file name implies, or undefined for files decruft does not read. */
export function formatOf(file: string): InputFormat | undefined {
  const name = file.toLowerCase().replace(/\.gz$/, '')
  return EXTENSIONS[path.extname(name)]
}

/**
 * Read every input (files, directories recursively in name order, `-` for
 * stdin) as a stream of records and rejects, in input order.
 */
export function readInputs(inputs: string[], options: ReadInputsOptions & {deferParse: true}): AsyncGenerator<InputItem>
export function readInputs(inputs: string[], options?: ReadInputsOptions): AsyncGenerator<ParsedItem>
export function readInputs(inputs: string[], options: ReadInputsOptions = {}): AsyncGenerator<InputItem> {
  return readAll(inputs, options)
}

async function* readAll(inputs: string[], options: ReadInputsOptions): AsyncGenerator<InputItem> {
  for (const input of inputs) {
    if (input === '-') {
      yield* readStream(options.stdin ?? process.stdin, '-', options.format ?? 'auto', options)
      continue
    }
    let info
    try {
      info = await stat(input)
    } catch (error) {
      yield reject(input, 0, describeFsError(error))
      continue
    }
    if (info.isDirectory()) {
      yield* readDirectory(input, options, new Set())
    } else {
      yield* readFile(input, options)
    }
  }
}

async function* readDirectory(dir: string, options: ReadInputsOptions, visited: Set<string>): AsyncGenerator<InputItem> {
  let entries
  try {
    // A symlinked directory is walked once, so a link back up cannot loop.
    const real = await realpath(dir)
    if (visited.has(real)) return
    visited.add(real)
    entries = await readdir(dir, {withFileTypes: true})
  } catch (error) {
    yield reject(dir, 0, describeFsError(error))
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      yield* readDirectory(full, options, visited)
      continue
    }
    const wanted = formatOf(entry.name) !== undefined
    if (entry.isFile()) {
      if (wanted) yield* readFile(full, options)
      continue
    }
    if (entry.isSymbolicLink()) {
      let info
      try {
        info = await stat(full)
      } catch (error) {
        // A dangling or looping link named like an input is an input we cannot read.
        if (wanted) yield reject(full, 0, `broken symbolic link: ${describeFsError(error)}`)
        continue
      }
      if (info.isDirectory()) yield* readDirectory(full, options, visited)
      else if (wanted && info.isFile()) yield* readFile(full, options)
      else if (wanted) yield reject(full, 0, 'not a regular file (a FIFO, socket or device is not read inside a directory)')
      continue
    }
    // FIFOs, sockets and devices could block forever or never end: name them, do not read them.
    if (wanted) yield reject(full, 0, 'not a regular file (a FIFO, socket or device is not read inside a directory)')
  }
}

async function* readFile(file: string, options: ReadInputsOptions): AsyncGenerator<InputItem> {
  const format = options.format && options.format !== 'auto' ? options.format : formatOf(file)
  if (!format) {
    yield reject(file, 0, 'unknown file type (expected .jsonl, .ndjson, .json, .txt or .md, optionally .gz)')
    return
  }
  const stream = createReadStream(file)
  const opened = await new Promise<Error | undefined>((resolve) => {
    stream.once('open', () => resolve(undefined))
    stream.once('error', resolve)
  })
  if (opened) {
    yield reject(file, 0, describeFsError(opened))
    return
  }
  const source = /\.gz$/i.test(file) ? stream.pipe(gunzip(stream)) : stream
  yield* readStream(source, file, format, options)
}

function gunzip(raw: Readable): Transform {
  const unzip = createGunzip()
  raw.once('error', (error) => unzip.destroy(error))
  return unzip
}

async function* readStream(
  stream: Readable,
  file: string,
  format: InputFormat | 'auto',
  options: ReadInputsOptions
): AsyncGenerator<InputItem> {
  let source: AsyncIterable<Uint8Array> = stream
  if (format === 'auto') {
    let sniffed
    try {
      sniffed = await sniff(stream)
    } catch (error) {
      // E.g. gzip on stdin that breaks before the first record.
      yield reject(file, 1, `read failed: ${describeFsError(error)}`)
      return
    }
    format = sniffed.format
    source = sniffed.source
  }
  if (format === 'jsonl') yield* readJsonl(source, file, options)
  else if (format === 'json') yield* readJsonArray(source, file, options)
  else yield* readWhole(source, file, format, options)
}

async function* readJsonl(source: AsyncIterable<Uint8Array>, file: string, options: ReadInputsOptions): AsyncGenerator<InputItem> {
  let lineNo = 0
  let items = 0
  try {
    for await (const line of readLines(source, {maxLineBytes: options.maxLineBytes})) {
      lineNo = line.lineNo
      if (line.error !== undefined) {
        items++
        yield reject(file, line.lineNo, line.error, line.raw)
        continue
      }
      if (line.text.trim() === '') continue
      items++
      const source = {file, line: line.lineNo}
      yield options.deferParse ? {kind: 'line', text: line.text, source} : parseRecordLine(line.text, source, options)
    }
  } catch (error) {
    items++
    yield reject(file, lineNo + 1, `read failed after line ${lineNo}: ${describeFsError(error)}`)
  }
  if (items === 0) yield reject(file, 0, file === '-' ? 'empty input: no records' : 'empty file: no records')
}

async function* readWhole(
  source: AsyncIterable<Uint8Array>,
  file: string,
  format: 'text' | 'markdown',
  options: ReadInputsOptions
): AsyncGenerator<InputItem> {
  const max = options.maxLineBytes ?? 64 * 1024 * 1024
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for await (const chunk of source) {
      size += chunk.length
      if (size <= max) chunks.push(chunk)
    }
  } catch (error) {
    yield reject(file, 1, `read failed: ${describeFsError(error)}`)
    return
  }
  if (size > max) {
    yield reject(file, 1, `article is longer than ${max} bytes (--max-line-bytes)`)
    return
  }
  let bytes = Buffer.concat(chunks)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
  if (bytes.length === 0) {
    yield reject(file, 0, file === '-' ? 'empty input' : 'empty file')
    return
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    const at = firstBadByte(bytes)
    const line = countLines(bytes, at)
    yield reject(file, line, `invalid UTF-8 (byte ${at}, line ${line})`, bytes.toString('utf8'))
    return
  }
  const id = file === '-' ? 'stdin' : file
  const record: ArticleRecord = {id, text}
  if (format === 'markdown') record.format = 'markdown'
  yield {kind: 'record', record, source: {file, line: 1}}
}

/** Offset of the first byte that breaks UTF-8: the longest prefix that decodes (a sequence cut by the prefix's end is fine). */
function firstBadByte(bytes: Uint8Array): number {
  let lo = 0
  let hi = bytes.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, mid), {stream: true})
      lo = mid
    } catch {
      hi = mid - 1
    }
  }
  return lo
}

function countLines(bytes: Uint8Array, end: number): number {
  let lines = 1
  for (let i = bytes.indexOf(10); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) lines++
  return lines
}

/** Peek at the first non-space byte: `[` is a JSON array, `{` JSONL, anything else text. */
async function sniff(stream: Readable): Promise<{format: InputFormat; source: AsyncIterable<Uint8Array>}> {
  const iterator = stream[Symbol.asyncIterator]()
  const seen: Uint8Array[] = []
  let format: InputFormat = 'text'
  let gz = false
  for (;;) {
    const next = await iterator.next()
    if (next.done) break
    const chunk = next.value as Uint8Array
    seen.push(chunk)
    if (seen.length === 1 && chunk[0] === 0x1f && chunk[1] === 0x8b) {
      gz = true
      break
    }
    const index = chunk.findIndex((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf)
    if (index === -1) continue
    format = chunk[index] === 0x5b ? 'json' : chunk[index] === 0x7b ? 'jsonl' : 'text'
    break
  }
  async function* replay() {
    yield* seen
    for (;;) {
      const next = await iterator.next()
      if (next.done) return
      yield next.value as Uint8Array
    }
  }
  if (!gz) return {format, source: replay()}
  const {Readable} = await import('node:stream')
  const unzipped = Readable.from(replay()).pipe(createGunzip())
  return sniff(unzipped)
}
