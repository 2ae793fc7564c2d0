import {Command, Option} from 'commander'
import {createColors} from 'picocolors'
import type {RemovalRecord} from '../article/index.js'
import {isRemoval} from '../article/index.js'
import {createCleaner} from '../pipeline/index.js'
import {readInputs} from '../stream/read-inputs.js'
import {ClosedPipeError, streamSink} from '../stream/sink.js'
import {CliError, EXIT} from './errors.js'
import {inputOptions, type InputFlags} from './options.js'
import {pipelineOrExit} from './run-clean.js'
import {siteModelOptions, siteModelSetup, type SiteModelFlags} from './site-model-setup.js'

interface ExplainFlags extends SiteModelFlags, InputFlags {
  json?: boolean
  color?: boolean
  changes?: boolean
}

/** `decruft explain`: what was removed from each article, where, and by which rule. */
export function explainCommand(): Command {
  const command = new Command('explain')
    .description('show each article with its removed parts struck through and tagged with rule and reason')
    .argument('<inputs...>', 'files, directories or - for stdin')
    .option('--json', 'print the messages as JSON lines, one article a line')
    .option('--changes', 'also list normalization changes')
    .addOption(new Option('--no-color', 'mark removals with ~~…~~ instead of colour'))
  for (const option of [...inputOptions(), ...siteModelOptions()]) command.addOption(option)
  return command.action(async (inputs: string[], flags: ExplainFlags, cmd: Command) => {
    cmd.setOptionValue('exitCode', await explain(inputs, flags))
  })
}

async function explain(inputs: string[], flags: ExplainFlags): Promise<number> {
  try {
    return await explainAll(inputs, flags)
  } catch (error) {
    // `decruft explain ... | head`: the reader has seen enough.
    if (error instanceof ClosedPipeError) return EXIT.ok
    throw error
  }
}

async function explainAll(inputs: string[], flags: ExplainFlags): Promise<number> {
  const out = streamSink(process.stdout)
  const read = {format: flags.format, maxLineBytes: flags.maxLineBytes, textField: flags.textField}
  const {pipeline, stepOptions} = await siteModelSetup(flags, inputs, pipelineOrExit(flags.pipeline), read)
  const cleaner = createCleaner({pipeline, textField: flags.textField, stepOptions, maxPasses: flags.maxPasses})
  const color = flags.color !== false && wantsColor()
  let bad = 0
  let good = 0
  for await (const item of readInputs(inputs, {format: flags.format, maxLineBytes: flags.maxLineBytes})) {
    if (item.kind === 'reject') {
      bad++
      process.stderr.write(`decruft: ${item.source.file}:${item.source.line}: ${item.error}\n`)
      continue
    }
    let result
    try {
      result = cleaner.cleanRecord(item.record, item.source)
    } catch (error) {
      bad++
      process.stderr.write(`decruft: ${item.source.file}:${item.source.line}: ${(error as Error).message}\n`)
      continue
    }
    good++
    const messages = flags.changes ? result.messages : result.messages.filter(isRemoval)
    messages.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0))
    if (flags.json) {
      const line = {id: result.id, file: item.source.file, line: item.source.line, title: result.title, status: result.status, messages}
      await out.write(JSON.stringify(line) + '\n')
      continue
    }
    const original = String(result.file.value)
    await out.write(render(result.id, item.source, result.title, original, messages, color))
  }
  if (good === 0 && bad > 0) throw new CliError('no readable article in the input')
  return EXIT.ok
}

function render(
  id: string,
  source: {file: string; line: number},
  title: string | undefined,
  original: string,
  messages: RemovalRecord[],
  color: boolean
): string {
  const pc = createColors(color)
  const strike = (text: string) => (color ? pc.red(pc.strikethrough(text)) : `~~${text}~~`)
  const tag = (m: RemovalRecord) => (color ? pc.dim(pc.yellow(` ⟦${m.ruleId}: ${m.reason}⟧`)) : ` ⟦${m.ruleId}: ${m.reason}⟧`)
  let out = `${color ? pc.bold(`== ${id}`) : `== ${id}`} (${source.file}:${source.line})\n`
  if (title) out += `title: ${title}\n`
  out += '\n'
  let at = 0
  for (const m of messages) {
    if (m.offset === undefined || m.endOffset === undefined || m.offset < at || !isRemoval(m)) continue
    out += original.slice(at, m.offset) + strike(original.slice(m.offset, m.endOffset)) + tag(m)
    at = m.endOffset
  }
  out += original.slice(at)
  out += `\n\n${messages.length} ${messages.length === 1 ? 'removal' : 'removals'}:\n`
  for (const m of messages) {
    const where = m.line !== undefined ? `${m.line}:${m.column}` : '?'
    const cause = m.cause?.line !== undefined ? ` (see line ${m.cause.line})` : ''
    out += `  ${where.padEnd(7)} ${m.ruleId.padEnd(30)} ${m.reason}${cause}\n`
  }
  return out + '\n'
}

/** Colour on a terminal (not merely because CI is set), unless NO_COLOR; FORCE_COLOR forces it. */
function wantsColor(): boolean {
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true
  return process.stdout.isTTY === true && !('NO_COLOR' in process.env)
}
