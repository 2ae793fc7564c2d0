import {Command} from 'commander'
import {fileSink} from '../stream/sink.js'
import {EXIT} from './errors.js'
import {inputOptions} from './options.js'
import {learnSiteModel} from './site-model-setup.js'

interface LearnFlags {
  output: string
  format: 'auto' | 'jsonl' | 'json' | 'text' | 'markdown'
  textField?: string
  maxLineBytes?: number
}

/** `decruft learn`: learn which blocks recur across each site's articles. */
export function learnCommand(): Command {
  const command = new Command('learn')
    .description('learn a site model: blocks that recur across many articles of the same site (site field or URL host)')
    .argument('<inputs...>', 'files, directories or - for stdin')
    .requiredOption('-o, --output <file>', 'where to write the site model (JSON)')
  for (const option of inputOptions().filter((o) => o.long !== '--pipeline')) command.addOption(option)
  return command.addHelpText('after', '\nUse the model with `decruft clean --site-model FILE`, or let `decruft clean --learn` do both passes.').action(
    async (inputs: string[], flags: LearnFlags, cmd: Command) => {
      const model = await learnSiteModel(inputs, {format: flags.format, maxLineBytes: flags.maxLineBytes, textField: flags.textField})
      const sink = await fileSink(flags.output)
      await sink.write(JSON.stringify(model.toJSON()) + '\n')
      await sink.close(true)
      const sites = model.siteNames().length
      process.stderr.write(`decruft: learned ${sites} ${sites === 1 ? 'site' : 'sites'}, ${model.size} blocks counted → ${flags.output}\n`)
      cmd.setOptionValue('exitCode', EXIT.ok)
    }
  )
}
