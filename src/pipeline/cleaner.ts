import type {Root} from 'mdast'
import {unified, type Processor} from 'unified'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {
  decruftMessages,
  dropRepeatedTitle,
  isRemoval,
  placeMap,
  recordText,
  recordToArticle,
  toMarkdown,
  toRemovalRecord,
  toText,
  type ArticleOptions,
  type ArticleMemo,
  type ArticleRecord,
  type PlaceMap,
  type RemovalRecord,
  type SourceRef
} from '../article/index.js'
import {loadPipeline, type Pipeline} from './load.js'
import {PLUGINS} from './registry.js'

/** Options for {@link createCleaner}. */
export interface CleanerOptions extends ArticleOptions {
  /**
   * Pipeline: a shipped name (`news`, `minimal`), a file path, or a pipeline
   * from `loadPipeline` / `validatePipeline`.
   * @default 'news'
   */
  pipeline?: string | Pipeline
  /**
   * Extra options merged into steps by name at run time (objects that a YAML
   * file cannot hold, such as a loaded site model for `strip-site-chrome`).
   * @default {}
   */
  stepOptions?: Record<string, Record<string, unknown>>
  /**
   * Most passes over an article. After the first, the cleaner cleans its own
   * output again (title as a field) until a pass changes nothing, so that
   * cleaning the output changes nothing. `1` cleans once: faster, without
   * that guarantee.
   * @default 16
   */
  maxPasses?: number
}

/** One article after cleaning. */
export interface CleanedArticle {
  id: string
  title?: string
  /** The clean body as plain text (or Markdown for Markdown input). */
  text: string
  /** The clean body as Markdown. */
  markdown(): string
  /** `dropped` when nothing worth keeping is left. */
  status: 'kept' | 'dropped'
  dropReason?: string
  /** Every removal and change, as plain data. */
  messages: RemovalRecord[]
  /** Removed blocks by category. */
  removed: Record<string, number>
  /** Characters of the original text, and of the blocks removed from it. */
  charsIn: number
  charsRemoved: number
  file: VFile
  tree: Root
}

/** A configured cleaner: parse, run the pipeline's plugins, serialize. */
export interface Cleaner {
  pipeline: Pipeline
  /** Clean one record (`{id?, url?, title?, text, ...}`). Throws `RecordError` on a bad record. */
  cleanRecord(record: ArticleRecord, source?: SourceRef): CleanedArticle
}

/** Build a cleaner from a pipeline. */
export function createCleaner(options: CleanerOptions = {}): Cleaner {
  const pipeline = typeof options.pipeline === 'object' ? options.pipeline : loadPipeline(options.pipeline)
  const processor = buildProcessor(pipeline, options.stepOptions ?? {})
  const minWords = pipeline.drop?.minWords ?? 1
  const maxPasses = options.maxPasses ?? MAX_PASSES

  const pass = (record: ArticleRecord, source: SourceRef | undefined, memo: ArticleMemo | undefined): Pass => {
    const {file, tree} = recordToArticle(record, source, options)
    const data = file.data.decruft!
    data.memo = memo
    processor.runSync(tree, file)
    // Cleaning may bring a copy of the title to the top of the body: drop it as the
    // parser would have, so that cleaning the output again changes nothing.
    if (data.title !== undefined && data.format !== 'markdown') dropRepeatedTitle(tree, data.title)
    const format = data.format ?? 'text'
    return {file, tree, title: data.title, format, text: format === 'markdown' ? toMarkdown(tree) : toText(tree)}
  }

  const clean = (record: ArticleRecord, source?: SourceRef): CleanedArticle => {
    // Only a later pass reads the memo: a single pass need not fill one.
    const memo: ArticleMemo | undefined = maxPasses > 1 ? new Map() : undefined
    const first = pass(record, source, memo)
    const {file} = first
    const last = settle(first, record, source, memo)
    const data = file.data.decruft!
    data.title = last.title
    delete data.memo
    const text = last.text
    const messages = decruftMessages(file).map(toRemovalRecord)
    const removed: Record<string, number> = {}
    let charsRemoved = 0
    for (const message of messages) {
      if (!isRemoval(message)) continue
      removed[message.category] = (removed[message.category] ?? 0) + 1
      charsRemoved += message.actual?.length ?? 0
    }
    // Only whether there are none, or fewer than minWords, matters: stop counting there.
    const words = countWords(text, Math.max(1, minWords))
    const dropReason = words === 0 ? 'empty' : words < minWords ? 'too-short' : undefined
    return {
      id: data.id,
      title: last.title,
      text,
      markdown: () => toMarkdown(last.tree),
      status: dropReason ? 'dropped' : 'kept',
      dropReason,
      messages,
      removed,
      charsIn: String(file.value).length,
      charsRemoved,
      file,
      tree: last.tree
    }
  }

  /**
   * Clean the output again, title as a field, until a pass changes nothing,
   * so that cleaning decruft's own output is a no-op. A later pass's
   * messages move to the first file, placed in the original text.
   */
  const settle = (first: Pass, record: ArticleRecord, source: SourceRef | undefined, memo: ArticleMemo | undefined): Pass => {
    const field = recordText(record, options.textField).field
    let last = first
    let map: PlaceMap | undefined
    for (let n = 2; n <= maxPasses && last.text !== ''; n++) {
      const next = pass({...record, [field]: last.text, title: last.title}, source, memo)
      if (next.text === last.text && next.title === last.title) break
      map = placeMap(last.tree, last.text, last.format, map)
      for (const message of decruftMessages(next.file)) first.file.messages.push(relocate(message, map, n))
      last = next
    }
    return last
  }

  return {
    pipeline,
    cleanRecord(record, source) {
      // Every removal is a VFileMessage, an Error: V8 would capture a stack
      // trace for each, which vfile-message then overwrites. Capturing none
      // saves about a fifth of the cleaning time. A failure is cleaned again
      // with stack traces on, so its error still says where it came from.
      const limit = Error.stackTraceLimit
      Error.stackTraceLimit = 0
      try {
        return clean(record, source)
      } catch {
        Error.stackTraceLimit = limit
        return clean(record, source)
      } finally {
        Error.stackTraceLimit = limit
      }
    }
  }
}

/** One cleaning pass over a record. */
interface Pass {
  file: VFile
  tree: Root
  title?: string
  format: 'text' | 'markdown'
  text: string
}

/** Every pass only removes blocks, so real input settles after two or three. */
const MAX_PASSES = 16

/** Move a later pass's message (and its cause) to its place in the original text, and say which pass it is from. */
function relocate(message: VFileMessage, map: PlaceMap, pass: number): VFileMessage {
  const move = (m: VFileMessage) => {
    const place = m.place && 'start' in m.place ? map.map(m.place) : undefined
    m.place = place
    m.line = place?.start.line
    m.column = place?.start.column
  }
  move(message)
  if (message.cause instanceof VFileMessage) move(message.cause)
  message.reason += ` (pass ${pass}: cleaning the clean text again)`
  message.message = message.reason
  return message
}

function buildProcessor(pipeline: Pipeline, extra: Record<string, Record<string, unknown>>): Processor<Root, Root, Root> {
  const processor = unified() as unknown as Processor<Root, Root, Root>
  for (const step of pipeline.steps) {
    processor.use(PLUGINS[step.name], {...step.options, ...extra[step.name]})
  }
  return processor.freeze()
}

/** Words (runs of letters and digits) in `text`, counted up to `limit`. */
function countWords(text: string, limit: number): number {
  const word = /[\p{L}\p{N}]+/gu
  let n = 0
  while (n < limit && word.exec(text) !== null) n++
  return n
}
