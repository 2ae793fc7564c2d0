import {InvalidArgumentError, Option} from 'commander'

/** Parse a positive integer flag. */
export function positiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1')
  return n
}

/** Flags every command that reads articles shares (see {@link inputOptions}). */
export interface InputFlags {
  format: 'auto' | 'jsonl' | 'json' | 'text' | 'markdown'
  textField?: string
  pipeline: string
  maxLineBytes?: number
  maxPasses?: number
}

/** `-j, --concurrency`: worker threads for the commands that clean a corpus. */
export function concurrencyOption(): Option {
  return new Option('-j, --concurrency <n>', 'worker threads (default: available cores)').argParser(positiveInt)
}

/** Options every command that reads articles shares. */
export function inputOptions(): Option[] {
  return [
    new Option('--format <format>', 'input format').choices(['auto', 'jsonl', 'json', 'text', 'markdown']).default('auto'),
    new Option('--text-field <name>', 'field holding the article text (default: text, content, body, maintext)'),
    new Option('-p, --pipeline <name|path>', 'pipeline name (news, minimal) or YAML file').default('news'),
    new Option('--max-line-bytes <n>', 'longest JSONL line accepted, in bytes').argParser(positiveInt),
    new Option('--max-passes <n>', 'clean the output again until nothing changes, at most n passes; 1 cleans once (faster, not idempotent)').argParser(positiveInt)
  ]
}
