import {Command, CommanderError} from 'commander'
import {checkCommand} from './check.js'
import {cleanCommand} from './clean.js'
import {CliError, EXIT} from './errors.js'
import {explainCommand} from './explain.js'
import {learnCommand} from './learn.js'

/** Build the `decruft` program. */
export function program(): Command {
  return new Command('decruft')
    .description('Clean scraped news text, and say what was removed and why.')
    .version('0.1.0')
    .showHelpAfterError()
    .addCommand(cleanCommand())
    .addCommand(explainCommand())
    .addCommand(learnCommand())
    .addCommand(checkCommand())
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const cli = program()
  cli.exitOverride()
  for (const sub of cli.commands) sub.exitOverride()
  try {
    await cli.parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    if (error instanceof CliError) {
      process.stderr.write(`decruft: ${error.message}\n`)
      return error.code
    }
    throw error
  }
  const ran = cli.commands.find((c) => c.getOptionValue('exitCode') !== undefined)
  return (ran?.getOptionValue('exitCode') as number | undefined) ?? EXIT.ok
}
