import {spawnSync} from 'node:child_process'
import {createWriteStream, existsSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {once} from 'node:events'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {paragraph, prng} from './helpers/generate.js'
import {BIN, jsonLines, scratch, spawnDecruft} from './helpers/run.js'

// Interrupts and closed pipes. No timing assertions: the tests wait for the
// output to start growing, then signal; a hang fails through the test timeout.
let dir: string
let big: string
const RECORDS = 120_000

beforeAll(async () => {
  dir = scratch('signals')
  big = path.join(dir, 'big.jsonl')
  const random = prng(99)
  const pool = Array.from({length: 500}, () => paragraph(random))
  const out = createWriteStream(big)
  for (let i = 0; i < RECORDS; i++) {
    const text = `${pool[i % 500]}\n\n${pool[(i * 7 + 3) % 500]}\n\nRecord ${i} closes the story.`
    if (!out.write(JSON.stringify({id: `r${i}`, text}) + '\n')) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}, 120_000)

afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
})

/** Wait until a file named `prefix*` in `dir` has some bytes in it (the run is under way); fail if the run ends first. */
async function grows(prefix: string, exited: () => boolean): Promise<string> {
  for (;;) {
    const name = readdirSync(dir).find((f) => f.startsWith(prefix))
    if (name && statSync(path.join(dir, name)).size > 0) return name
    if (exited()) throw new Error(`the run ended before ${prefix}* got any output`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143]
] as const) {
  it(`${signal} mid-run: no final output, only the .partial file; summary says interrupted and adds up; exit ${code}`, async () => {
    const out = path.join(dir, `${signal}.jsonl`)
    const rejects = path.join(dir, `${signal}.rejects.jsonl`)
    const summaryFile = path.join(dir, `${signal}.summary.json`)
    const run = spawnDecruft(['clean', big, '-o', out, '--rejects', rejects, '--summary', summaryFile, '-j', '2', '--dedup', 'off'])
    const partial = await grows(`${signal}.jsonl.partial-`, () => run.child.exitCode !== null)
    run.child.kill(signal)
    const result = await run.done
    expect(result.code).toBe(code)
    expect(existsSync(out)).toBe(false)
    expect(existsSync(rejects)).toBe(false)
    const partialFile = path.join(dir, partial)
    expect(partial).toBe(`${signal}.jsonl.partial-${run.child.pid}`)
    expect(result.stderr).toContain(`output incomplete, left as ${partialFile}`)
    expect(result.stderr).toMatch(/INTERRUPTED/)
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'))
    expect(summary.interrupted).toBe(true)
    expect(summary.in).toBeLessThan(RECORDS)
    expect(summary.in).toBe(summary.kept + summary.rejected + summary.duplicates + Object.values(summary.dropped as Record<string, number>).reduce((a, b) => a + b, 0))
    // Everything read was finished and written: the partial file is whole lines, one per kept article, in input order.
    const text = readFileSync(partialFile, 'utf8')
    expect(text.endsWith('\n')).toBe(true)
    const records = jsonLines(text)
    expect(records).toHaveLength(summary.kept)
    expect(records.map((r) => r.id)).toEqual(Array.from({length: records.length}, (_, i) => `r${i}`))
  })
}

it('SIGINT while waiting on an idle stdin: stops at once, finishes what was read, exit 130', async () => {
  const summaryFile = path.join(dir, 'stdin.summary.json')
  const run = spawnDecruft(['clean', '-', '--format', 'jsonl', '--summary', summaryFile, '-j', '2', '--dedup', 'off'], {stdin: true})
  // Enough records for output to show that the run is under way (the runner holds
  // several batches in flight), then the writer goes quiet without closing the pipe.
  const n = 1024
  for (let i = 0; i < n; i++) run.child.stdin!.write(JSON.stringify({id: `s${i}`, text: `Record ${i} arrives on a pipe that then goes quiet.`}) + '\n')
  await new Promise<void>((resolve) => run.child.stdout.once('data', () => resolve()))
  run.child.kill('SIGINT')
  const result = await run.done // a hang here fails through the test timeout
  run.child.stdin!.destroy()
  expect(result.code).toBe(130)
  // Whatever had been read when the signal came is finished and written, in order.
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'))
  expect(summary).toMatchObject({interrupted: true, rejected: 0})
  expect(summary.in).toBeGreaterThan(0)
  expect(summary.in).toBeLessThanOrEqual(n)
  expect(summary.kept).toBe(summary.in)
  expect(jsonLines(result.stdout).map((r) => r.id)).toEqual(Array.from({length: summary.in}, (_, i) => `s${i}`))
})

describe('a closed output pipe', () => {
  it('`decruft clean big.jsonl | head -1` exits quietly with 0', () => {
    const script = `"${process.execPath}" "${BIN}" clean "${big}" -j 2 --dedup off | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`
    // Several times: a batch a worker finishes after the pool is torn down is a race.
    for (let i = 0; i < 4; i++) {
      const run = spawnSync('bash', ['-c', script], {encoding: 'utf8', timeout: 120_000})
      expect(run.status).toBe(0)
      expect(jsonLines(run.stdout)).toHaveLength(1)
      expect(jsonLines(run.stdout)[0].id).toBe('r0')
      expect(run.stderr).toContain('exit=0')
      expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /)
    }
  })

  it('a reader that hangs up mid-stream: exit 0, no stack trace (single thread too)', async () => {
    const run = spawnDecruft(['clean', big, '-j', '1', '--dedup', 'off'])
    await new Promise<void>((resolve) => run.child.stdout.once('data', () => resolve()))
    run.child.stdout.destroy()
    const result = await run.done
    expect(result.code).toBe(0)
    expect(result.stderr).not.toMatch(/EPIPE|Error|\n\s+at /)
  })

  it('`decruft explain big.jsonl | head -1` exits quietly with 0', () => {
    const script = `"${process.execPath}" "${BIN}" explain "${big}" | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`
    const run = spawnSync('bash', ['-c', script], {encoding: 'utf8', timeout: 120_000})
    expect(run.stdout).toMatch(/^== r0 /)
    expect(run.stderr).toContain('exit=0')
    expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /)
  })
})
