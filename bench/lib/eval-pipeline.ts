/**
 * Which cleaning the evaluation runs, so ablations are one flag away:
 *
 * - `default`: the library's own `clean()` (src/index.ts) with its default
 *   pipeline (`news`), i.e. exactly the `text` field `decruft clean` writes;
 *   `news`, `minimal` or a path: that pipeline file through `clean()`;
 * - `raw`: the page text untouched (the "no cleaning" reference row);
 * - `none`: parse and serialize only (title detection, no plugins);
 * - `linefilter`: keep lines of >= 5 words ending in . ? ! or a quote (the
 *   README's reference row);
 * - `plugins:a,b,c`: parse, run the plugins of src/plugins/a.ts, b.ts, c.ts
 *   in that order with default options, serialize;
 *
 * `skip` names steps to leave out of a pipeline, `insert` adds steps
 * (`name@after`); either makes the evaluation run the edited pipeline's
 * plugins itself (same parser and serializer as `clean()`);
 * `stepOptions` (plugin name → options) overrides plugin options.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
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
interface Step {
  name: string
  options: Record<string, unknown>
}
type LoadPipelineFn = (nameOrPath: string) => {steps: Step[]}

/** The repository's `pipelines/` folder (this file is build/bench/lib/eval-pipeline.js). */
const PIPELINES = new URL('../../../pipelines/', import.meta.url)

/** `default` → the shipped `news` pipeline; a bare name → `pipelines/<name>.yaml`; else a path. */
function pipelineFile(spec: string): string {
  const name = spec === 'default' ? 'news' : spec
  if (/^[\w-]+$/.test(name)) return fileURLToPath(new URL(`${name}.yaml`, PIPELINES))
  return path.resolve(name)
}

/** A step to add: `name@after` (after the step `after`), or `name` (at the end). */
function parseInsert(spec: string, stepOptions: Record<string, Record<string, unknown>>): {step: Step; after?: string} {
  const [name, after] = spec.split('@')
  return {step: {name, options: stepOptions[name] ?? {}}, after}
}

/**
 * Resolve a `--pipeline` value. With no `skip` or `insert`, named pipelines and
 * pipeline files go through the library's `clean()`, i.e. exactly what
 * `decruft clean` writes. With them, the pipeline file is loaded, edited and
 * its steps run from src/plugins directly (same parse and serializer).
 */
export async function choosePipeline(
  spec: string,
  skip: readonly string[] = [],
  stepOptions: Record<string, Record<string, unknown>> = {},
  insert: readonly string[] = []
): Promise<PipelineChoice> {
  if (spec === 'raw') return {label: 'raw', clean: (r) => (typeof r.text === 'string' ? r.text : '')}
  if (spec === 'linefilter') return {label: 'linefilter', clean: lineFilter}
  if (spec === 'none') return {label: 'none', clean: pluginCleaner([])}
  if (spec.startsWith('plugins:')) {
    const names = spec.slice('plugins:'.length).split(',').map((s) => s.trim()).filter((s) => s && !skip.includes(s))
    const plugins = await Promise.all(names.map(loadPlugin))
    return {label: `plugins:${names.join(',')}`, clean: pluginCleaner(plugins, names.map((n) => stepOptions[n]))}
  }
  const lib = await importOptional('../../src/index.js')
  if (!lib || typeof lib.clean !== 'function' || typeof lib.loadPipeline !== 'function') {
    throw new Error('src/index.ts exports no clean()/loadPipeline(); use --pipeline plugins:...')
  }
  const file = pipelineFile(spec)
  if (skip.length === 0 && insert.length === 0) {
    const clean = lib.clean as CleanFn
    const options: Record<string, unknown> = {pipeline: file}
    if (Object.keys(stepOptions).length > 0) options.stepOptions = stepOptions
    return {label: `${spec} (${path.basename(file)} via clean())`, clean: async (record) => (await clean(record, options)).text ?? ''}
  }
  const steps = (lib.loadPipeline as LoadPipelineFn)(file).steps.filter((s) => !skip.includes(s.name))
  for (const entry of insert) {
    const {step, after} = parseInsert(entry, stepOptions)
    const at = after === undefined ? -1 : steps.findIndex((s) => s.name === after)
    if (after !== undefined && at < 0) throw new Error(`--insert ${entry}: no step ${after} in ${file}`)
    if (at < 0) steps.push(step)
    else steps.splice(at + 1, 0, step)
  }
  const plugins = await Promise.all(steps.map((s) => loadPlugin(s.name)))
  const label = `${spec} (${path.basename(file)}) steps: ${steps.map((s) => s.name).join(', ')}`
  return {label, clean: pluginCleaner(plugins, steps.map((s) => ({...s.options, ...stepOptions[s.name]})))}
}
