import {mkdir} from 'node:fs/promises'
import path from 'node:path'
import type {ArticleOutput} from './process.js'
import {toOutputLine} from './output-record.js'
import {fileSink, streamSink, type Sink} from './sink.js'

/** How articles are written. */
export type OutputFormat = 'jsonl' | 'text' | 'markdown'

/** Options for {@link createOutput}. */
export interface OutputOptions {
  format?: OutputFormat
  /**
   * Output: `-` for stdout, a file, or a directory (ends with `/` or exists as
   * one) that gets one file per article for text and Markdown.
   * @default '-'
   */
  target?: string
  /** Write dropped and duplicate articles too, with their status. */
  includeDropped?: boolean
  /** Write duplicates too, with their status and cluster (dedup annotate mode). */
  includeDuplicates?: boolean
  /** Include removal messages in JSONL records. */
  messages?: boolean
  stdout?: NodeJS.WritableStream
}

/** Writes finished articles in order. */
export interface ArticleWriter {
  write(article: ArticleOutput): Promise<void>
  close(complete: boolean): Promise<string[]>
}

/** Build the writer for an output format and target. */
export async function createOutput(options: OutputOptions): Promise<ArticleWriter> {
  const format = options.format ?? 'jsonl'
  const target = options.target ?? '-'
  const include = (a: ArticleOutput) =>
    a.status === 'kept' ||
    (format === 'jsonl' && (options.includeDropped === true || (a.status === 'duplicate' && options.includeDuplicates === true)))
  if (format !== 'jsonl' && isDirTarget(target)) return directoryWriter(target, format, include)
  const sink: Sink =
    target === '-' ? streamSink((options.stdout ?? process.stdout) as NodeJS.WritableStream & import('node:stream').Writable) : await fileSink(target)
  let first = true
  return {
    async write(article) {
      if (!include(article)) return
      if (format === 'jsonl') {
        await sink.write(toOutputLine(article, {messages: options.messages}) + '\n')
        return
      }
      // Articles in one text stream are separated by a form feed line.
      const head = article.title ? (format === 'markdown' ? `# ${article.title}\n\n` : `${article.title}\n\n`) : ''
      await sink.write((first ? '' : '\n\f\n') + head + article.text + '\n')
      first = false
    },
    async close(complete) {
      const file = await sink.close(complete)
      return file ? [file] : []
    }
  }
}

function isDirTarget(target: string): boolean {
  return target !== '-' && (target.endsWith('/') || target.endsWith(path.sep) || path.extname(target) === '')
}

function directoryWriter(dir: string, format: OutputFormat, include: (a: ArticleOutput) => boolean): ArticleWriter {
  const ext = format === 'markdown' ? '.md' : '.txt'
  const used = new Set<string>()
  let made = false
  return {
    async write(article) {
      if (!include(article)) return
      if (!made) {
        await mkdir(dir, {recursive: true})
        made = true
      }
      let name = safeName(article.id)
      if (used.has(name)) name = `${name}-${article.seq}`
      used.add(name)
      const sink = await fileSink(path.join(dir, name + ext))
      const head = article.title ? (format === 'markdown' ? `# ${article.title}\n\n` : `${article.title}\n\n`) : ''
      await sink.write(head + article.text + '\n')
      await sink.close(true)
    },
    async close() {
      return [dir]
    }
  }
}

/** A file name from an id or URL: letters, digits, dot, dash and underscore only. */
export function safeName(id: string): string {
  const name = id
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+|_+$/g, '')
    .slice(0, 120)
  return name || 'article'
}
