import {existsSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {fuzz} from '../bench/fuzz.js'
import {cleanRun, expectConservation, ROOT, scratch} from './helpers/run.js'

// A fixed number of fuzz cases in CI; `node build/bench/fuzz.js --cases N` runs more.
const EVAL = process.env.DECRUFT_EVAL_DATA ?? path.resolve(ROOT, '../shared/eval')
const CASES = Number(process.env.DECRUFT_FUZZ_CASES ?? 1000)

let dir: string
beforeAll(() => {
  dir = scratch('fuzz')
})
afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
})

describe('fuzzing', () => {
  let jsonl: Buffer
  it(`${CASES} cases of arbitrary and mutated articles: no crash, every record accounted for, valid UTF-8 JSON out`, {timeout: 300_000}, async () => {
    const report = await fuzz({cases: CASES, seed: 424242, evalDir: EVAL})
    expect(report.failures).toEqual([])
    expect(report.cases).toBe(CASES)
    // The cases really reach both ends: articles kept and records rejected.
    expect(report.kept).toBeGreaterThan(CASES / 10)
    expect(report.rejected).toBeGreaterThan(CASES / 10)
    if (existsSync(EVAL)) expect(report.seeds).toBeGreaterThan(50)
    jsonl = report.jsonl
  })

  it('the same cases as one JSONL corpus through the CLI: exit 0 and the counts agree everywhere', {timeout: 300_000}, () => {
    expect(jsonl?.length).toBeGreaterThan(0)
    const file = path.join(dir, 'fuzz.jsonl')
    writeFileSync(file, jsonl)
    const run = cleanRun(dir, [file, '--include-dropped', '-j', '2'])
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    expect(run.code).toBe(0)
    expectConservation(run, {includeDropped: true})
    expect(run.summary.in).toBeGreaterThan(CASES / 2)
  })
})
