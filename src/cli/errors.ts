/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** `check`: a threshold failed. */
  failed: 1,
  /** Usage error, unreadable input, or a bad record under `--strict`. */
  usage: 2,
  /** A record read but not accounted for: a bug; the output is left incomplete. */
  internal: 70,
  /** SIGINT (Ctrl-C): stopped reading, finished what was read, output left as *.partial-PID. */
  interrupted: 130,
  /** SIGTERM: as for SIGINT. */
  terminated: 143
} as const

/** An error that ends the command with a message and an exit code, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.usage
  ) {
    super(message)
    this.name = 'CliError'
  }
}
