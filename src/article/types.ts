import type {Root} from 'mdast'
import type {ArticleMemo} from './memo.js'

/** A record as read from the input: any JSON object. */
export type ArticleRecord = Record<string, unknown>

/** Where a record came from, so errors and reports can point back at it. */
export interface SourceRef {
  /** Input file path, or `-` for stdin. */
  file: string
  /** 1-based line (JSONL, text) or record index (JSON array). */
  line: number
}

/** What decruft keeps in `file.data` for one article. */
export interface ArticleData {
  /** Stable id: the record's `id`, else its url, else `source:line`. */
  id: string
  url?: string
  /** Hostname or explicit `site` field; groups articles for the site model. */
  site?: string
  title?: string
  /** Whether `title` came from the record or was detected in the text. */
  titleSource?: 'field' | 'text'
  /** The record as read, for writing every input field back out. */
  record?: ArticleRecord
  source?: SourceRef
  /** `text` or `markdown`: which parser built the tree. */
  format?: 'text' | 'markdown'
  /** Kept by the cleaner across the passes over this article. */
  memo?: ArticleMemo
}

/** Block-level data the plain-text parser attaches to every paragraph. */
export interface BlockData {
  /** Index of the blank-line-separated group this line belongs to. */
  group: number
  /** Number of physical lines merged into this paragraph (hard-wrapped prose). */
  lines: number
}

declare module 'vfile' {
  interface DataMap {
    decruft: ArticleData
  }
}

declare module 'mdast' {
  interface ParagraphData {
    decruft?: BlockData
  }
  interface HeadingData {
    decruft?: BlockData
  }
}

export type {Root}
