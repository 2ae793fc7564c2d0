import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse as parseYaml} from 'yaml'
import type {z} from 'zod'
import {checkRuleSafety, validateRule, type Rule} from '../rules/index.js'
import {pipelineSchema, stepSchemas, type PipelineFile, type Step, type StepName} from './schema.js'

/** A validated pipeline: its steps in order and its corpus-level settings. */
export interface Pipeline extends Omit<PipelineFile, 'steps'> {
  /** Where it came from: a file path or `<inline>`. */
  source: string
  steps: Step[]
}

/** A pipeline file that is missing, unreadable or invalid. */
export class PipelineError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PipelineError'
  }
}

/** Folder of the shipped pipelines (`pipelines/` at the package root). */
export const PIPELINES_DIR = findPipelinesDir()

// dist/pipeline/ in the package, build/src/pipeline/ for the bench build:
// the shipped pipelines sit beside package.json either way.
function findPipelinesDir(): string {
  for (const up of ['../../pipelines/', '../../../pipelines/']) {
    const dir = fileURLToPath(new URL(up, import.meta.url))
    if (existsSync(path.join(dir, 'news.yaml'))) return dir
  }
  return fileURLToPath(new URL('../../pipelines/', import.meta.url))
}

/** The pipeline used when none is given. */
export const DEFAULT_PIPELINE = 'news'

/** Resolve a name (`news`, `minimal`) or a path to a pipeline file. */
export function resolvePipeline(nameOrPath: string = DEFAULT_PIPELINE): string {
  if (/[\\/]|\.(ya?ml|json)$/i.test(nameOrPath)) return path.resolve(nameOrPath)
  for (const ext of ['.yaml', '.yml', '.json']) {
    const candidate = path.join(PIPELINES_DIR, nameOrPath + ext)
    if (existsSync(candidate)) return candidate
  }
  throw new PipelineError(`unknown pipeline "${nameOrPath}": not a file, and not one of the shipped pipelines in ${PIPELINES_DIR}`)
}

/** Read and validate a pipeline by name or path. */
export function loadPipeline(nameOrPath: string = DEFAULT_PIPELINE): Pipeline {
  const file = resolvePipeline(nameOrPath)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new PipelineError(`${file}: cannot read pipeline: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  let data: unknown
  try {
    data = parseYaml(text)
  } catch (error) {
    throw new PipelineError(`${file}: not valid YAML: ${(error as Error).message}`)
  }
  return validatePipeline(data, file)
}

/** How deep `extends` may chain before it is taken for a cycle. */
const MAX_EXTENDS = 8

/** Validate pipeline data (already parsed); errors name the source, the key and what was expected. */
export function validatePipeline(data: unknown, source = '<inline>', depth = 0): Pipeline {
  const parsed = pipelineSchema.safeParse(data)
  if (!parsed.success) throw new PipelineError(formatIssues(source, parsed.error.issues))
  const {extends: parent, ...own} = parsed.data
  const base = parent === undefined ? undefined : loadBase(parent, source, depth)
  if (!own.steps && !base) throw new PipelineError(`${source}: steps: required (or extend a pipeline with "extends")`)
  const steps = own.steps ? own.steps.map((entry, index) => toStep(entry, index, source)) : base!.steps
  // Sections merge key by key over the base: a CI file can extend news and add thresholds.
  return {
    ...base,
    ...own,
    dedup: merge(base?.dedup, own.dedup),
    drop: merge(base?.drop, own.drop),
    check: merge(base?.check, own.check),
    steps,
    source
  }
}

function loadBase(parent: string, source: string, depth: number): Pipeline {
  if (depth >= MAX_EXTENDS) throw new PipelineError(`${source}: extends: more than ${MAX_EXTENDS} levels (a cycle?)`)
  const relative = /[\\/]|\.(ya?ml|json)$/i.test(parent) && source !== '<inline>' ? path.resolve(path.dirname(source), parent) : parent
  const file = resolvePipeline(relative)
  let data: unknown
  try {
    data = parseYaml(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new PipelineError(`${source}: extends: cannot read ${file}: ${(error as Error).message}`)
  }
  return validatePipeline(data, file, depth + 1)
}

function merge<T extends object>(base: T | undefined, own: T | undefined): T | undefined {
  return base || own ? ({...base, ...own} as T) : undefined
}

function toStep(entry: string | Record<string, unknown>, index: number, source: string): Step {
  const [name, options] = typeof entry === 'string' ? [entry, {}] : singleKey(entry, index, source)
  if (!Object.hasOwn(stepSchemas, name)) {
    throw new PipelineError(`${source}: steps[${index}]: unknown step "${name}" (expected one of: ${Object.keys(stepSchemas).join(', ')})`)
  }
  const schema = stepSchemas[name as StepName] as z.ZodType
  const result = schema.safeParse(options ?? {})
  if (!result.success) throw new PipelineError(formatIssues(source, result.error.issues, `steps[${index}].${name}`))
  const stepOptions = (result.data ?? {}) as Record<string, unknown>
  if (name === 'strip-boilerplate') checkUserRules(stepOptions.rules as Rule[] | undefined, `${source}: steps[${index}].${name}.rules`)
  return {name: name as StepName, options: stepOptions}
}

/**
 * User rules run on untrusted text: each must have a valid shape and be
 * proven free of catastrophic backtracking (ReDoS), else the pipeline is refused.
 */
function checkUserRules(rules: Rule[] | undefined, where: string): void {
  for (const [i, rule] of (rules ?? []).entries()) {
    try {
      // Backtracking first: it is the check that protects the run.
      if (compiles(rule.pattern)) checkRuleSafety(rule)
      validateRule(rule)
    } catch (error) {
      throw new PipelineError(`${where}[${i}]: ${(error as Error).message}`)
    }
  }
}

function singleKey(entry: Record<string, unknown>, index: number, source: string): [string, unknown] {
  const keys = Object.keys(entry)
  if (keys.length !== 1) {
    throw new PipelineError(`${source}: steps[${index}]: a step is a name or a map with one key (the name), got keys ${keys.join(', ') || '(none)'}`)
  }
  return [keys[0], entry[keys[0]]]
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu')
    return true
  } catch {
    return false
  }
}

function formatIssues(source: string, issues: z.core.$ZodIssue[], prefix = ''): string {
  const lines = issues.map((issue) => {
    const where = [prefix, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
      .filter(Boolean)
      .join('.')
      .replace(/\.\[/g, '[')
    return `${source}: ${where || '(top level)'}: ${issue.message}`
  })
  return lines.join('\n')
}
