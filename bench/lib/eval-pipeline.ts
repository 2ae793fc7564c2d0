/**
 * Which cleaning the evaluation runs, so ablations are one flag away:
 *
 * - `default`: the library's own `clean()` (src/index.ts) with its default
 *   pipeline, i.e. exactly the `text` field `decruft clean` writes;
 * - `raw`: the page text untouched (the "no cleaning" reference row);
 * - `none`: parse and serialize only (title detection, no plugins);
 * - `linefilter`: keep lines of >= 5 words ending in . ? ! or a quote (the
 *   README's reference row);
 * - `plugins:a,b,c`: parse, run the plugins of src/plugins/a.ts, b.ts, c.ts
 *   in that order with default options, serialize;
 * - a path to a pipeline file (YAML), handed to `clean()` as its pipeline.
 *
 * `skip` names plugins to leave out of `default` or a pipeline file;
 * `stepOptions` (plugin name → options) overrides plugin options.
 */
import type {Root} from 'mdast'
import {unified, type Plugin} from 'unified'
import {recordToArticle, toText, type ArticleRecord} from '../../src/article/index.js'

/** Turns one record into the body text that gets scored. */
export type Cleaner = (record: ArticleRecord) => string | Promise<string>

export interface PipelineChoice {
  /** A short label for the report. */
  label: string
  clean: Cleaner
}

type AnyPlugin = Plugin<[Record<string, unknown>?], Root>

const here = new URL('.', import.meta.url)

async function importOptional(relative: string): Promise<Record<string, unknown> | undefined> {
  const url = new URL(relative, here)
  try {
    return (await import(url.href)) as Record<string, unknown>
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(url.pathname)) {
      return undefined
    }
    throw error
  }
}

/** Load the plugin of `src/plugins/<name>.ts`: its default export, else its one function export. */
export async function loadPlugin(name: string): Promise<AnyPlugin> {
  const mod = await importOptional(`../../src/plugins/${name}.js`)
  if (!mod) throw new Error(`no plugin src/plugins/${name}.ts`)
  if (typeof mod.default === 'function') return mod.default as AnyPlugin
  const camel = name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())
  if (typeof mod[camel] === 'function') return mod[camel] as AnyPlugin
  const fns = Object.values(mod).filter((v) => typeof v === 'function')
  if (fns.length === 1) return fns[0] as AnyPlugin
  throw new Error(`src/plugins/${name}.ts: no default export and no export named ${camel}`)
}

function pluginCleaner(plugins: AnyPlugin[], options: Array<Record<string, unknown> | undefined> = []): Cleaner {
  const processor = unified()
  plugins.forEach((plugin, i) => processor.use(plugin, options[i]))
  processor.freeze()
  return (record) => {
    const {file, tree} = recordToArticle(record)
    const out = processor.runSync(tree, file) as Root
    return toText(out)
  }
}

const terminalEnd = /[.?!"”’»]$/u

function lineFilter(record: ArticleRecord): string {
  const text = typeof record.text === 'string' ? record.text : ''
  const kept: string[] = []
  for (const line of text.split(/\r?\n/u)) {
    const trimmed = line.trim()
    if (trimmed.split(/\s+/u).length >= 5 && terminalEnd.test(trimmed)) kept.push(trimmed)
  }
  return kept.join('\n\n')
}

/** What `clean()` returns, as far as the evaluation cares. */
interface CleanResult {
  text?: string
}
type CleanFn = (record: ArticleRecord, options?: Record<string, unknown>) => CleanResult | Promise<CleanResult>

async function libraryClean(): Promise<CleanFn | undefined> {
  const mod = await importOptional('../../src/index.js')
  return mod && typeof mod.clean === 'function' ? (mod.clean as CleanFn) : undefined
}

/**
 * Resolve a `--pipeline` value. `default` falls back to the plugins found in
 * src/plugins (in pipeline order) while src/index.ts does not exist yet.
 */
export async function choosePipeline(
  spec: string,
  skip: readonly string[] = [],
  stepOptions: Record<string, Record<string, unknown>> = {}
): Promise<PipelineChoice> {
  if (spec === 'raw') return {label: 'raw', clean: (r) => (typeof r.text === 'string' ? r.text : '')}
  if (spec === 'linefilter') return {label: 'linefilter', clean: lineFilter}
  if (spec === 'none') return {label: 'none', clean: pluginCleaner([])}
  if (spec.startsWith('plugins:')) {
    const names = spec.slice('plugins:'.length).split(',').map((s) => s.trim()).filter((s) => s && !skip.includes(s))
    const plugins = await Promise.all(names.map(loadPlugin))
    return {label: `plugins:${names.join(',')}`, clean: pluginCleaner(plugins, names.map((n) => stepOptions[n]))}
  }
  const clean = await libraryClean()
  if (spec === 'default' && !clean) {
    const names = (await Promise.all(FALLBACK_ORDER.map(async (n) => ((await importOptional(`../../src/plugins/${n}.js`)) ? n : undefined))))
      .filter((n): n is string => n !== undefined && !skip.includes(n))
    console.error(`eval: src/index.ts not found, running plugins directly: ${names.join(', ') || '(none)'}`)
    const plugins = await Promise.all(names.map(loadPlugin))
    return {label: `plugins:${names.join(',')}`, clean: pluginCleaner(plugins, names.map((n) => stepOptions[n]))}
  }
  if (!clean) throw new Error('src/index.ts exports no clean(); use --pipeline plugins:...')
  const options: Record<string, unknown> = {}
  if (spec !== 'default') options.pipeline = spec
  if (skip.length > 0) options.skip = skip
  if (Object.keys(stepOptions).length > 0) options.stepOptions = stepOptions
  return {
    label: spec === 'default' ? 'default' : `pipeline ${spec}`,
    clean: async (record) => (await clean(record, options)).text ?? ''
  }
}

/** Plugin order used before the library's pipeline config exists. */
const FALLBACK_ORDER = ['normalize', 'strip-boilerplate', 'classify-blocks', 'dedupe-paragraphs']
