import type {ArticleRecord} from '../article/index.js'
import type {ReadInputsOptions} from './read-inputs.js'
import type {InputItem} from './types.js'

/**
 * A parsed record made safe to pass on: too deep a nesting is a reject;
 * strings holding lone UTF-16 surrogates (from `\ud800`-style escapes) are
 * repaired with U+FFFD, so every output stays valid UTF-8, and noted.
 */
export function checked(record: ArticleRecord, source: {file: string; line: number}, options: ReadInputsOptions, raw?: string): InputItem {
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

/** One JSONL line as a record (checked as {@link checked} does) or a reject naming the line. */
export function parseRecordLine(text: string, source: {file: string; line: number}, options: ReadInputsOptions): InputItem {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return reject(source.file, source.line, `malformed JSON: ${shortError(error)}`, text)
  }
  if (!isRecord(value)) return reject(source.file, source.line, `expected a JSON object, got ${kindOf(value)}`, text)
  return checked(value, source, options, text)
}

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

export function reject(file: string, line: number, error: string, raw?: string): InputItem {
  return {kind: 'reject', source: {file, line}, error, raw}
}

export function isRecord(value: unknown): value is ArticleRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`
}

export function shortError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200)
}

export function describeFsError(error: unknown): string {
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
