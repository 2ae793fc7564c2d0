import type {Root} from 'mdast'
import {unified, type Processor} from 'unified'
import type {VFile} from 'vfile'
import {
  decruftMessages,
  dropRepeatedTitle,
  isRemoval,
  recordToArticle,
  toMarkdown,
  toRemovalRecord,
  toText,
  type ArticleOptions,
  type ArticleRecord,
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

  const clean = (record: ArticleRecord, source?: SourceRef): CleanedArticle => {
    const {file, tree} = recordToArticle(record, source, options)
    processor.runSync(tree, file)
    const data = file.data.decruft!
    // Cleaning may bring a copy of the title to the top of the body: drop it as the
    // parser would have, so that cleaning the output again changes nothing.
    if (data.title !== undefined && data.format !== 'markdown') dropRepeatedTitle(tree, data.title)
    const text = data.format === 'markdown' ? toMarkdown(tree) : toText(tree)
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
      title: data.title,
      text,
      markdown: () => toMarkdown(tree),
      status: dropReason ? 'dropped' : 'kept',
      dropReason,
      messages,
      removed,
      charsIn: String(file.value).length,
      charsRemoved,
      file,
      tree
    }
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
