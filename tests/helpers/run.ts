import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {expect} from 'vitest'
import {BIN, ROOT, decruft} from './cli.js'

/** A fresh temporary folder for one test file. */
export function scratch(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `decruft-${name}-`))
}

/** Parse JSON lines, failing the test on a line that is not JSON. */
export function jsonLines(text: string): Record<string, any>[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line))
}

/** What a `decruft clean` run left behind. */
export interface CleanRun {
  code: number | null
  stdout: string
  stderr: string
  records: Record<string, any>[]
  rejects: Record<string, any>[]
  summary: Record<string, any>
}

/**
 * Run `decruft clean` with `--rejects` and `--summary` files in `dir` and read
 * them back. `args` holds the inputs and any other flags.
 */
export function cleanRun(dir: string, args: string[], options: {input?: string | Buffer; tag?: string} = {}): CleanRun {
  const tag = options.tag ?? `run-${Math.random().toString(36).slice(2, 8)}`
  const rejectsFile = path.join(dir, `${tag}.rejects.jsonl`)
  const summaryFile = path.join(dir, `${tag}.summary.json`)
  const run = decruft(['clean', '--rejects', rejectsFile, '--summary', summaryFile, ...args], {input: options.input})
  return {
    ...run,
    records: jsonLines(run.stdout),
    rejects: existsSync(rejectsFile) ? jsonLines(readFileSync(rejectsFile, 'utf8')) : [],
    summary: existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : {}
  }
}

/** Total of the dropped counts, all reasons. */
export function droppedTotal(summary: Record<string, any>): number {
  return Object.values((summary.dropped ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0)
}

/**
 * The conservation identity, checked everywhere it shows: the summary adds up,
 * the stderr line says the same, the output holds the kept articles (and the
 * dropped and duplicate ones with `--include-dropped`), the rejects file holds
 * the rejected ones.
 */
export function expectConservation(run: CleanRun, options: {includeDropped?: boolean} = {}): void {
  const s = run.summary
  const dropped = droppedTotal(s)
  expect(s.in, 'summary.in').toBe(s.kept + dropped + s.duplicates + s.rejected)
  const line = run.stderr.split('\n').find((l) => /^decruft: \d+ in, /.test(l))
  expect(line, 'summary line on stderr').toBeDefined()
  const [, inN, kept, droppedN] = /^decruft: (\d+) in, (\d+) kept, (\d+) dropped/.exec(line!)!
  expect([Number(inN), Number(kept), Number(droppedN)]).toEqual([s.in, s.kept, dropped])
  expect(line).toContain(`${s.rejected} rejected`)
  const status = (r: Record<string, any>) => r.decruft?.status
  expect(run.records.filter((r) => status(r) === 'kept').length, 'kept records in the output').toBe(s.kept)
  if (options.includeDropped) {
    expect(run.records.filter((r) => status(r) === 'dropped').length, 'dropped records in the output').toBe(dropped)
    expect(run.records.filter((r) => status(r) === 'duplicate').length, 'duplicate records in the output').toBe(s.duplicates)
  }
  expect(run.rejects.length, 'records in the rejects file').toBe(s.rejected)
  for (const reject of run.rejects) {
    expect(typeof reject.file).toBe('string')
    expect(typeof reject.line).toBe('number')
    expect(reject.error).toMatch(/\S/)
  }
}

/** Start `decruft ...args` without waiting, for signal and pipe tests. */
export function spawnDecruft(args: string[], options: {cwd?: string; stdin?: boolean} = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {cwd: options.cwd ?? ROOT, stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const done = new Promise<{code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string}>((resolve) => {
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}))
  })
  return {child, done, output: () => ({stdout, stderr})}
}

export {BIN, ROOT, decruft}
