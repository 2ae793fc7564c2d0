import type {ReadInputsOptions} from './read-inputs.js'
import {checked, describeFsError, isRecord, kindOf, reject, shortError} from './record-check.js'
import type {InputItem} from './types.js'

/**
 * Read a JSON array one element at a time: a byte scanner finds where each
 * top-level element starts and ends (tracking strings and nesting), and each
 * element is parsed on its own. Memory holds one element, never the array; a
 * bad element is one reject and the scan goes on with the next; an array cut
 * off (or left unbalanced) ends in one reject naming the record where it broke.
 */
export async function* readJsonArray(source: AsyncIterable<Uint8Array>, file: string, options: ReadInputsOptions): AsyncGenerator<InputItem> {
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
