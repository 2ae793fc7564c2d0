import type {ArticleRecord, SourceRef} from '../article/index.js'

/**
 * A record read from the input, or a piece of input that could not be read as
 * one. `note` says what the reader repaired in a record (e.g. lone surrogates).
 * A `line` is a JSONL line not parsed yet (see `deferParse`).
 */
export type InputItem =
  | {kind: 'record'; record: ArticleRecord; source: SourceRef; note?: string}
  | {kind: 'line'; text: string; source: SourceRef}
  | {kind: 'reject'; source: SourceRef; error: string; raw?: string}

/** Input formats decruft reads. */
export type InputFormat = 'jsonl' | 'json' | 'text' | 'markdown'

/** An input item once parsed: a record or a reject. */
export type ParsedItem = Exclude<InputItem, {kind: 'line'}>
