import {Command, Option} from 'commander'
import {writeFile} from 'node:fs/promises'
import {createOutput, type OutputFormat} from '../stream/write-output.js'
import {ClosedPipeError} from '../stream/sink.js'
import {EXIT} from './errors.js'
import {concurrencyOption, inputOptions, type InputFlags} from './options.js'
import {dedupOptions, setupDedup, type DedupFlags} from './dedup-setup.js'
import {siteModelOptions, siteModelSetup, type SiteModelFlags} from './site-model-setup.js'
import {pipelineOrExit, runClean} from './run-clean.js'

interface CleanFlags extends InputFlags, DedupFlags, SiteModelFlags {
  output: string
  outputFormat: OutputFormat
  concurrency?: number
  rejects?: string
  strict?: boolean
  includeDropped?: boolean
  messages?: boolean
  summary?: string
  quiet?: boolean
}

/** `decruft clean`: the main job. */
export function cleanCommand(): Command {
  const command = new Command('clean')
    .description('clean scraped articles: strip boilerplate and repeated paragraphs, write clean articles')
    .argument('[inputs...]', 'files, directories or - for stdin (.jsonl, .json, .txt, .md, optionally .gz)', ['-'])
    .option('-o, --output <path>', 'output file or directory (- for stdout)', '-')
    .addOption(new Option('--output-format <format>', 'how articles are written').choices(['jsonl', 'text', 'markdown']).default('jsonl'))
  for (const option of [...inputOptions(), ...dedupOptions(), ...siteModelOptions()]) command.addOption(option)
  return command
    .addOption(concurrencyOption())
    .option('--rejects <file>', 'write bad records here (JSONL: file, line, error, raw)')
    .option('--strict', 'stop at the first bad record (exit 2)')
    .option('--include-dropped', 'also write dropped and duplicate articles (JSONL), with their status')
    .option('--messages', 'include every removal under decruft.messages (JSONL)')
    .option('--summary <file>', 'write the run summary as JSON')
    .option('-q, --quiet', 'no summary line on stderr')
    .addHelpText(
      'after',
      `
Every input record ends up in the output, among the dropped (with a reason), or
among the rejected (with an error); the summary's counts add up.

Exit codes: 0 done (bad records, if any, are reported and skipped), 2 usage error
or a bad record under --strict, 130/143 interrupted (output left as *.partial-PID).`
    )
    .action(async (inputs: string[], flags: CleanFlags, cmd: Command) => {
      cmd.setOptionValue('exitCode', await clean(inputs, flags))
    })
}

async function clean(inputs: string[], flags: CleanFlags): Promise<number> {
  const read = {format: flags.format, maxLineBytes: flags.maxLineBytes, textField: flags.textField}
  const {pipeline, stepOptions} = await siteModelSetup(flags, inputs, pipelineOrExit(flags.pipeline), read)
  const dedup = await setupDedup(flags, pipeline)
  const output = await createOutput({
    format: flags.outputFormat,
    target: flags.output,
    includeDropped: flags.includeDropped,
    includeDuplicates: dedup.mode === 'annotate',
    messages: flags.messages
  })
  let code: number = EXIT.ok
  let summaryText = ''
  try {
    const stages = dedup.stage ? [dedup.stage] : []
    // The writer needs only the serialized record (JSONL) or the clean text.
    const shape = {serialize: (flags.outputFormat ?? 'jsonl') === 'jsonl', slim: true, messages: flags.messages}
    const run = await runClean({...flags, inputs, stages, stepOptions, spool: dedup.spool, signer: dedup.signer, shape}, pipeline, (article) =>
      output.write(article)
    )
    code = run.code
    await dedup.finish(code === EXIT.ok)
    summaryText = run.summary.line()
    if (flags.summary) await writeFile(flags.summary, JSON.stringify(run.summary.counts, null, 2) + '\n')
  } catch (error) {
    await dedup.finish(false)
    if (error instanceof ClosedPipeError) {
      await output.close(false)
      return EXIT.ok
    }
    await output.close(false)
    throw error
  }
  const written = await output.close(code === EXIT.ok)
  if (!flags.quiet) process.stderr.write(summaryText + '\n')
  if (code !== EXIT.ok && written.length > 0 && flags.output !== '-') {
    process.stderr.write(`decruft: output incomplete, left as ${written.join(', ')}\n`)
  }
  return code
}
