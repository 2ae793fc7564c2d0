import {readFile} from 'node:fs/promises'
import {Option} from 'commander'
import {recordToArticle} from '../article/index.js'
import {SiteModel, type SiteModelJSON} from '../corpus/site-model.js'
import type {Pipeline} from '../pipeline/index.js'
import {readInputs, type ReadInputsOptions} from '../stream/read-inputs.js'
import {CliError} from './errors.js'

/** Site-model flags shared by `clean` and `check`. */
export interface SiteModelFlags {
  siteModel?: string
  learn?: boolean
}

/** The site-model options of commands that clean. */
export function siteModelOptions(): Option[] {
  return [
    new Option('--site-model <file>', 'remove blocks that recur across a site’s articles, as learned by `decruft learn`'),
    new Option('--learn', 'learn the site model from the inputs first (a second pass; inputs must be files)')
  ]
}

/** Learn a site model from the inputs in one streaming pass. */
export async function learnSiteModel(inputs: string[], read: ReadInputsOptions & {textField?: string}): Promise<SiteModel> {
  const model = new SiteModel()
  for await (const item of readInputs(inputs, read)) {
    if (item.kind !== 'record') continue
    try {
      const {tree, file} = recordToArticle(item.record, item.source, {textField: read.textField})
      model.learn(tree, file)
    } catch {
      // Bad records are reported by the cleaning pass; learning just skips them.
    }
  }
  return model
}

/** Read a saved site model, or fail as a usage error naming the file. */
export async function readSiteModel(file: string): Promise<SiteModelJSON> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new CliError(`--site-model ${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  try {
    return SiteModel.parse(text, {}, file).toJSON()
  } catch (error) {
    throw new CliError(`--site-model ${file}: ${(error as Error).message}`)
  }
}

/**
 * The step options that carry a site model to every thread, adding the
 * `strip-site-chrome` step after `normalize` when the pipeline lacks it.
 */
export async function siteModelSetup(
  flags: SiteModelFlags,
  inputs: string[],
  pipeline: Pipeline,
  read: ReadInputsOptions & {textField?: string}
): Promise<{pipeline: Pipeline; stepOptions: Record<string, Record<string, unknown>>}> {
  if (!flags.siteModel && !flags.learn) return {pipeline, stepOptions: {}}
  if (flags.siteModel && flags.learn) throw new CliError('give either --site-model or --learn, not both')
  if (flags.learn && inputs.some((input) => input === '-')) throw new CliError('--learn reads the inputs twice: give files, not stdin')
  const model = flags.siteModel ? await readSiteModel(flags.siteModel) : (await learnSiteModel(inputs, read)).toJSON()
  let steps = pipeline.steps
  if (!steps.some((step) => step.name === 'strip-site-chrome')) {
    const at = steps.findIndex((step) => step.name === 'normalize') + 1
    steps = [...steps.slice(0, at), {name: 'strip-site-chrome', options: {}}, ...steps.slice(at)]
  }
  return {pipeline: {...pipeline, steps}, stepOptions: {'strip-site-chrome': {model}}}
}
