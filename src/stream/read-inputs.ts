import {createReadStream} from 'node:fs'
import {readdir, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import type {Readable, Transform} from 'node:stream'
import {createGunzip} from 'node:zlib'
import type {ArticleRecord} from '../article/index.js'
import {readLines} from './read-lines.js'
import type {InputFormat, InputItem} from './types.js'

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
export async function* readInputs(inputs: string[], options: ReadInputsOptions = {}): AsyncGenerator<InputItem> {
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
      let value: unknown
      try {
        value = JSON.parse(line.text)
      } catch (error) {
        yield reject(file, line.lineNo, `malformed JSON: ${shortError(error)}`, line.text)
        continue
      }
      if (!isRecord(value)) {
        yield reject(file, line.lineNo, `expected a JSON object, got ${kindOf(value)}`, line.text)
        continue
      }
      yield checked(value, {file, line: line.lineNo}, options, line.text)
    }
  } catch (error) {
    items++
    yield reject(file, lineNo + 1, `read failed after line ${lineNo}: ${describeFsError(error)}`)
  }
  if (items === 0) yield reject(file, 0, file === '-' ? 'empty input: no records' : 'empty file: no records')
}

/**
 * Read a JSON array one element at a time: a byte scanner finds where each
 * top-level element starts and ends (tracking strings and nesting), and each
 * element is parsed on its own. Memory holds one element, never the array; a
 * bad element is one reject and the scan goes on with the next; an array cut
 * off (or left unbalanced) ends in one reject naming the record where it broke.
 */
async function* readJsonArray(source: AsyncIterable<Uint8Array>, file: string, options: ReadInputsOptions): AsyncGenerator<InputItem> {
  const max = options.maxLineBytes ?? 64 * 1024 * 1024
  const decoder = new TextDecoder('utf-8', {fatal: true})
  let phase: 'before' | 'inside' | 'after' = 'before'
  let depth = 0
  let inString = false
  let escaped = false
  let parts: Uint8Array[] = []
  let size = 0
  let inElement = false
  let overflow = false
  let index = 0
  let first = true
  let trailing = false

  const element = (): InputItem | undefined => {
    if (!inElement) return undefined
    index++
    inElement = false
    const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, size)
    parts = []
    size = 0
    if (overflow) {
      overflow = false
      return reject(file, index, `record ${index} is longer than ${max} bytes`)
    }
    let text: string
    try {
      text = decoder.decode(bytes)
    } catch {
      return reject(file, index, `record ${index}: invalid UTF-8`, Buffer.from(bytes).toString('utf8'))
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      return reject(file, index, `record ${index}: malformed JSON: ${shortError(error)}`, text)
    }
    if (!isRecord(value)) return reject(file, index, `record ${index}: expected a JSON object, got ${kindOf(value)}`, text)
    return checked(value, {file, line: index}, options, text)
  }
  const keep = (chunk: Uint8Array, from: number, to: number) => {
    if (to <= from || overflow) return
    if (size + (to - from) > max) {
      overflow = true
      parts = []
      size = 0
      return
    }
    parts.push(chunk.slice(from, to))
    size += to - from
  }

  try {
    for await (let chunk of source) {
      if (first) {
        first = false
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3)
      }
      let start = inElement ? 0 : -1
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]
        if (inString) {
          if (escaped) escaped = false
          else if (b === 0x5c) escaped = true
          else if (b === 0x22) inString = false
          continue
        }
        const space = b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09
        if (phase === 'before') {
          if (space) continue
          if (b !== 0x5b) {
            yield reject(file, 0, 'not a JSON array (a .json input holds an array of records)')
            return
          }
          phase = 'inside'
          continue
        }
        if (phase === 'after') {
          if (!space) trailing = true
          continue
        }
        if (depth === 0) {
          if (space) continue
          if (b === 0x2c || b === 0x5d) {
            // `,` or `]` ends the element at top level.
            if (inElement) {
              keep(chunk, start, i)
              const item = element()
              if (item) yield item
            } else if (b === 0x2c || index > 0) {
              yield reject(file, index + 1, `record ${index + 1}: missing (an empty element between commas)`)
              index++
            }
            start = -1
            if (b === 0x5d) phase = 'after'
            continue
          }
          if (!inElement) {
            inElement = true
            start = i
          }
        }
        if (b === 0x22) inString = true
        else if (b === 0x7b || b === 0x5b) depth++
        else if (b === 0x7d || b === 0x5d) depth--
        if (depth < 0) depth = 0
      }
      if (inElement && start !== -1) keep(chunk, Math.max(0, start), chunk.length)
      else if (inElement) keep(chunk, 0, chunk.length)
    }
  } catch (error) {
    yield reject(file, index + 1, `read failed after record ${index}: ${describeFsError(error)}`)
    return
  }
  if (phase === 'before') {
    yield reject(file, 0, file === '-' ? 'empty input: no records' : 'empty file: no records')
    return
  }
  if (phase === 'inside') {
    // Cut off: what was read before the break is kept; the break is one reject.
    const what = inElement ? `JSON array broken at record ${index + 1} (${index} read before it): cut off inside it` : `JSON array broken after record ${index} (${index} read before it): no closing ]`
    yield reject(file, index + 1, what)
    return
  }
  if (trailing) yield reject(file, index + 1, `data after the end of the JSON array (${index} records read)`)
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

/**
 * A parsed record made safe to pass on: too deep a nesting is a reject;
 * strings holding lone UTF-16 surrogates (from `\ud800`-style escapes) are
 * repaired with U+FFFD, so every output stays valid UTF-8, and noted.
 */
function checked(record: ArticleRecord, source: {file: string; line: number}, options: ReadInputsOptions, raw?: string): InputItem {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH
  const result = inspect(record, maxDepth)
  if (result === 'too-deep') {
    return reject(source.file, source.line, `record nested deeper than ${maxDepth} levels`, raw ?? undefined)
  }
  const item: InputItem = {kind: 'record', record, source}
  if (result > 0) {
    item.note = `${result} ${result === 1 ? 'string' : 'strings'} with lone UTF-16 surrogates (invalid Unicode), repaired with U+FFFD`
  }
  return item
}

const DEFAULT_MAX_DEPTH = 256

/** Walk a parsed JSON value without recursion: repair lone surrogates in place, count them, bound the depth. */
function inspect(root: object, maxDepth: number): number | 'too-deep' {
  const stack: Array<[object, number]> = [[root, 1]]
  let repaired = 0
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (depth > maxDepth) return 'too-deep'
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i]
        if (typeof v === 'string') {
          if (!isWellFormed(v)) {
            value[i] = toWellFormed(v)
            repaired++
          }
        } else if (typeof v === 'object' && v !== null) stack.push([v, depth + 1])
      }
      continue
    }
    const object = value as Record<string, unknown>
    for (const key of Object.keys(object)) {
      let k = key
      if (!isWellFormed(key)) {
        k = toWellFormed(key)
        const v = object[key]
        delete object[key]
        Object.defineProperty(object, k, {value: v, enumerable: true, writable: true, configurable: true})
        repaired++
      }
      const v = object[k]
      if (typeof v === 'string') {
        if (!isWellFormed(v)) {
          Object.defineProperty(object, k, {value: toWellFormed(v), enumerable: true, writable: true, configurable: true})
          repaired++
        }
      } else if (typeof v === 'object' && v !== null) stack.push([v, depth + 1])
    }
  }
  return repaired
}

// String.prototype.isWellFormed / toWellFormed: in Node 20, not yet in the ES2023 lib.
type WellFormed = {isWellFormed(): boolean; toWellFormed(): string}
const isWellFormed = (s: string) => (s as unknown as WellFormed).isWellFormed()
const toWellFormed = (s: string) => (s as unknown as WellFormed).toWellFormed()

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

function reject(file: string, line: number, error: string, raw?: string): InputItem {
  return {kind: 'reject', source: {file, line}, error, raw}
}

function isRecord(value: unknown): value is ArticleRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`
}

function shortError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200)
}

function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a directory'
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return `corrupt gzip data (${e.message})`
    default:
      return e?.message ?? String(error)
  }
}
