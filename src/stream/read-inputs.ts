import {createReadStream} from 'node:fs'
import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import type {Readable, Transform} from 'node:stream'
import {createGunzip} from 'node:zlib'
import {streamArray} from 'stream-json/streamers/stream-array.js'
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
      yield* readDirectory(input, options)
    } else {
      yield* readFile(input, options)
    }
  }
}

async function* readDirectory(dir: string, options: ReadInputsOptions): AsyncGenerator<InputItem> {
  let entries
  try {
    entries = await readdir(dir, {withFileTypes: true})
  } catch (error) {
    yield reject(dir, 0, describeFsError(error))
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* readDirectory(full, options)
    else if (entry.isFile() && formatOf(entry.name)) yield* readFile(full, options)
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
    const sniffed = await sniff(stream)
    format = sniffed.format
    source = sniffed.source
  }
  if (format === 'jsonl') yield* readJsonl(source, file, options)
  else if (format === 'json') yield* readJsonArray(source, file)
  else yield* readWhole(source, file, format)
}

async function* readJsonl(source: AsyncIterable<Uint8Array>, file: string, options: ReadInputsOptions): AsyncGenerator<InputItem> {
  let lineNo = 0
  try {
    for await (const line of readLines(source, {maxLineBytes: options.maxLineBytes})) {
      lineNo = line.lineNo
      if (line.error !== undefined) {
        yield reject(file, line.lineNo, line.error, line.raw)
        continue
      }
      if (line.text.trim() === '') continue
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
      yield {kind: 'record', record: value, source: {file, line: line.lineNo}}
    }
  } catch (error) {
    yield reject(file, lineNo + 1, `read failed: ${describeFsError(error)}`)
  }
}

async function* readJsonArray(source: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<InputItem> {
  const parser = streamArray.withParserAsStream()
  const feed = (async () => {
    try {
      for await (const chunk of source) {
        if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve))
      }
      parser.end()
    } catch (error) {
      parser.destroy(error as Error)
    }
  })()
  let index = 0
  try {
    for await (const item of parser as AsyncIterable<{key: number; value: unknown}>) {
      index = item.key + 1
      if (isRecord(item.value)) yield {kind: 'record', record: item.value, source: {file, line: index}}
      else yield reject(file, index, `record ${index}: expected a JSON object, got ${kindOf(item.value)}`, safeJson(item.value))
    }
  } catch (error) {
    yield reject(file, index + 1, `JSON array broken after record ${index}: ${shortError(error)}`)
  }
  await feed
}

async function* readWhole(source: AsyncIterable<Uint8Array>, file: string, format: 'text' | 'markdown'): AsyncGenerator<InputItem> {
  const chunks: Uint8Array[] = []
  try {
    for await (const chunk of source) chunks.push(chunk)
  } catch (error) {
    yield reject(file, 1, `read failed: ${describeFsError(error)}`)
    return
  }
  let bytes = Buffer.concat(chunks)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    yield reject(file, 1, 'invalid UTF-8', bytes.toString('utf8'))
    return
  }
  const id = file === '-' ? 'stdin' : file
  const record: ArticleRecord = {id, text}
  if (format === 'markdown') record.format = 'markdown'
  yield {kind: 'record', record, source: {file, line: 1}}
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

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value)
  } catch {
    return undefined
  }
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
