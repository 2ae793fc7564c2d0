import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {parseText} from './parse-text.js'
import {detectTitle, dropRepeatedTitle} from './title.js'
import type {ArticleData, ArticleRecord, SourceRef} from './types.js'

/** Fields tried, in order, for the article text when none is configured. */
export const TEXT_FIELDS = ['text', 'content', 'body', 'maintext'] as const

/** Options for turning a record into an article. */
export interface ArticleOptions {
  /**
   * Field holding the article text.
   * @default first of `text`, `content`, `body`, `maintext` that is a string
   */
  textField?: string
  /**
   * How to parse the text: `text` (scraped plain text), `markdown`, or `auto`
   * (markdown for `.md` files and records with `format: "markdown"`).
   * @default 'auto'
   */
  format?: 'text' | 'markdown' | 'auto'
  /**
   * Detect a title in the text when the record has none.
   * @default true
   */
  detectTitle?: boolean
}

/** A record that cannot become an article; the message says why. */
export class RecordError extends Error {
  constructor(
    message: string,
    readonly source?: SourceRef
  ) {
    super(message)
    this.name = 'RecordError'
  }
}

/** An article ready for the plugins: its VFile and its tree. */
export interface Article {
  file: VFile
  tree: Root
}

/** Pick the text of a record, or throw a {@link RecordError}. */
export function recordText(record: ArticleRecord, textField?: string): {field: string; text: string} {
  const fields = textField ? [textField] : TEXT_FIELDS
  for (const field of fields) {
    if (!Object.hasOwn(record, field)) continue
    const value = record[field]
    if (typeof value === 'string') return {field, text: value}
    throw new RecordError(`field "${field}" is ${describe(value)}, expected a string`)
  }
  throw new RecordError(`no text field (looked for ${fields.map((f) => `"${f}"`).join(', ')})`)
}

/** Build the article for one record. */
export function recordToArticle(record: ArticleRecord, source?: SourceRef, options: ArticleOptions = {}): Article {
  const {text} = recordText(record, options.textField)
  const id = recordId(record, source)
  const url = typeof record.url === 'string' ? record.url : undefined
  const data: ArticleData = {id, url, site: siteOf(record, url), record, source}
  if (typeof record.title === 'string' && record.title.trim() !== '') {
    data.title = record.title
    data.titleSource = 'field'
  }
  const markdown = isMarkdown(record, source, options.format ?? 'auto')
  data.format = markdown ? 'markdown' : 'text'
  const file = new VFile({path: id, value: text, data: {decruft: data}})
  const tree = markdown ? parseMarkdown(text) : parseText(text)
  if (data.title !== undefined) dropRepeatedTitle(tree, data.title)
  else if (options.detectTitle !== false && !markdown) {
    const title = detectTitle(tree)
    if (title !== undefined) {
      data.title = title
      data.titleSource = 'text'
      // As for a title field: a body that opens by repeating it does not keep the copy
      // (so cleaning the output again, title as a field, changes nothing).
      dropRepeatedTitle(tree, title)
    }
  }
  return {file, tree}
}

/** Parse Markdown with remark-parse. */
export function parseMarkdown(text: string): Root {
  return unified().use(remarkParse).parse(text)
}

function recordId(record: ArticleRecord, source?: SourceRef): string {
  const id = record.id
  if (typeof id === 'string' && id !== '') return id
  if (typeof id === 'number' && Number.isFinite(id)) return String(id)
  if (typeof record.url === 'string' && record.url !== '') return record.url
  return source ? `${source.file}:${source.line}` : 'article'
}

function siteOf(record: ArticleRecord, url?: string): string | undefined {
  if (typeof record.site === 'string' && record.site !== '') return record.site
  if (!url) return undefined
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return undefined
  }
}

function isMarkdown(record: ArticleRecord, source: SourceRef | undefined, format: 'text' | 'markdown' | 'auto'): boolean {
  if (format !== 'auto') return format === 'markdown'
  if (record.format === 'markdown') return true
  return source !== undefined && /\.(md|markdown)(\.gz)?$/i.test(source.file)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
