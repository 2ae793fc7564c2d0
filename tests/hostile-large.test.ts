import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {article, prng, writeBigRecord} from './helpers/generate.js'
import {cleanRun, expectConservation, scratch} from './helpers/run.js'

// Big inputs are generated in the temp folder and streamed; no wall-clock
// assertion anywhere: a hang fails through the test timeout.
let dir: string
beforeAll(() => {
  dir = scratch('hostile-large')
})
afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
})

const paragraphsOf = (text: string) => text.split(/\n\n+/).filter((p) => p.trim() !== '')

describe('large and long inputs', () => {
  it('cleans a 50 MB single article: kept, nothing invented, counts add up', {timeout: 240_000}, async () => {
    const file = path.join(dir, 'fifty.jsonl')
    const {paragraphs} = await writeBigRecord(file, 'fifty', 50 * 1024 * 1024, 50)
    const out = path.join(dir, 'fifty.out.jsonl')
    const run = cleanRun(dir, [file, '-o', out, '-j', '1', '--dedup', 'off'])
    expect(run.stderr).not.toMatch(/RangeError|heap|stack/i)
    expect(run.code).toBe(0)
    run.records = readFileSync(out, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
    expectConservation(run)
    expect(run.summary).toMatchObject({in: 1, kept: 1, rejected: 0})
    const [record] = run.records
    const kept = paragraphsOf(record.text)
    // Every paragraph is either in the output or counted as removed.
    expect(kept.length + record.decruft.removals).toBe(paragraphs)
    expect(kept.length).toBeGreaterThan(paragraphs / 2)
  })

  it('keeps every paragraph of a 10,000-paragraph article of distinct prose, in order', () => {
    const random = prng(10_000)
    const text = article(random, 10_000)
    const file = path.join(dir, 'ten-thousand.jsonl')
    writeFileSync(file, JSON.stringify({id: 'tenk', text}) + '\n')
    const run = cleanRun(dir, [file, '-j', '1', '--dedup', 'off'])
    expect(run.code).toBe(0)
    expectConservation(run)
    const input = paragraphsOf(text)
    const output = paragraphsOf(run.records[0].text)
    expect(input.length).toBe(10_000)
    expect(output.length + run.records[0].decruft.removals).toBe(10_000)
    // Nothing reordered or invented: the output is a subsequence of the input.
    let at = 0
    for (const p of output) {
      at = input.indexOf(p, at)
      expect(at, p.slice(0, 60)).toBeGreaterThanOrEqual(0)
      at++
    }
  })

  it('reads a 5 MB line without a final newline; over --max-line-bytes it is one reject and the run goes on', () => {
    const random = prng(5)
    const parts: string[] = []
    let size = 0
    while (size < 5 * 1024 * 1024) {
      const p = article(random, 20)
      parts.push(p)
      size += p.length
    }
    const text = parts.join('\n\n')
    const file = path.join(dir, 'five.jsonl')
    writeFileSync(file, JSON.stringify({id: 'five', text})) // no newline at the end
    const ok = cleanRun(dir, [file, '-j', '1', '--dedup', 'off'])
    expect(ok.code).toBe(0)
    expectConservation(ok)
    expect(ok.summary).toMatchObject({in: 1, kept: 1})
    expect(ok.records[0].id).toBe('five')

    const next = path.join(dir, 'after.jsonl')
    writeFileSync(next, JSON.stringify({id: 'after', text: article(random, 5)}) + '\n')
    const limited = cleanRun(dir, [file, next, '--max-line-bytes', String(1024 * 1024), '-j', '1'])
    expect(limited.code).toBe(0)
    expectConservation(limited)
    expect(limited.rejects).toHaveLength(1)
    expect(limited.rejects[0]).toMatchObject({file, line: 1})
    expect(limited.rejects[0].error).toMatch(/longer than 1048576 bytes/)
    expect(limited.stderr).toContain(`${file}:1: line is longer than`)
    expect(limited.records.map((r) => r.id)).toEqual(['after'])
  })
})
