import type {ArticleRecord, SourceRef} from '../article/index.js'

/** A record read from the input, or a piece of input that could not be read as one. */
export type InputItem =
  | {kind: 'record'; record: ArticleRecord; source: SourceRef}
  | {kind: 'reject'; source: SourceRef; error: string; raw?: string}

/** Input formats decruft reads. */
export type InputFormat = 'jsonl' | 'json' | 'text' | 'markdown'
