import {existsSync, readdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {faultyCorpus, type FaultyCorpus} from './helpers/faulty-corpus.js'
import {cleanRun, decruft, droppedTotal, expectConservation, scratch} from './helpers/run.js'

// in = kept + dropped (by reason) + duplicates + rejected, on generated corpora
// with every kind of fault mixed in; the expected ids and reject places come
// from the generator, never from a run.
let dir: string
beforeAll(() => {
  dir = scratch('conservation')
})
afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
})

const byPlace = (a: {file: string; line: number}, b: {file: string; line: number}) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)

function check(corpus: FaultyCorpus, args: string[]) {
  const run = cleanRun(dir, [...corpus.inputs, '--include-dropped', ...args])
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(run.code).toBe(0)
  expectConservation(run, {includeDropped: true})
  const s = run.summary
  expect(s.in).toBe(corpus.valid.length + corpus.rejects.length)
  expect(s.rejected).toBe(corpus.rejects.length)
  expect(s.kept + droppedTotal(s) + s.duplicates).toBe(corpus.valid.length)
  expect(s.repaired).toBe(corpus.repaired)
  expect(s.interrupted).toBe(false)
  // Every readable record in the output exactly once, in input order; every bad one in the rejects file.
  expect(run.records.map((r) => r.id)).toEqual(corpus.valid)
  const expected = corpus.rejects.map(({file, line}) => ({file, line})).sort(byPlace)
  expect(run.rejects.map(({file, line}) => ({file, line})).sort(byPlace)).toEqual(expected)
  const status = new Map(run.records.map((r) => [r.id, r.decruft]))
  for (const id of corpus.empties) expect(status.get(id), id).toMatchObject({status: 'dropped', reason: 'empty'})
  for (const id of corpus.copies) expect(status.get(id)?.status, id).toBe('duplicate')
  for (const r of run.records) if (r.decruft.status === 'dropped') expect(r.decruft.reason).toMatch(/\S/)
  return run
}

describe('conservation over generated faulty corpora', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every record is in the output or the rejects, and every count agrees`, () => {
      const corpus = faultyCorpus(path.join(dir, `seed-${seed}`), seed)
      // The generator really mixes every kind of fault in.
      expect(new Set(corpus.rejects.map((r) => r.kind)).size).toBeGreaterThanOrEqual(8)
      check(corpus, ['-j', seed === 2 ? '3' : '1'])
    })
  }

  it('the same corpus gives the same output and summary with 1 thread and with 4', () => {
    const corpus = faultyCorpus(path.join(dir, 'threads'), 4)
    const one = check(corpus, ['-j', '1'])
    const four = check(corpus, ['-j', '4'])
    expect(four.stdout).toBe(one.stdout)
    expect(four.summary).toEqual(one.summary)
    expect(four.rejects).toEqual(one.rejects)
  })

  it('without --include-dropped the output holds exactly the kept articles; with dedup off copies are kept', () => {
    const corpus = faultyCorpus(path.join(dir, 'plain'), 5)
    const run = cleanRun(dir, [...corpus.inputs, '-j', '2'])
    expect(run.code).toBe(0)
    expectConservation(run)
    expect(run.records.every((r) => r.decruft.status === 'kept')).toBe(true)
    const off = cleanRun(dir, [...corpus.inputs, '-j', '2', '--dedup', 'off'])
    expectConservation(off)
    expect(off.summary.duplicates).toBe(0)
    expect(off.summary.kept).toBe(run.summary.kept + run.summary.duplicates)
  })

  it('under --strict: exit 2 at the first bad record, the output left as .partial, and the counts still add up', () => {
    const corpus = faultyCorpus(path.join(dir, 'strict'), 6)
    const out = path.join(dir, 'strict-out.jsonl')
    const run = cleanRun(dir, [...corpus.inputs, '--strict', '-o', out, '-j', '2', '--include-dropped'])
    expect(run.code).toBe(2)
    expect(existsSync(out)).toBe(false)
    const partial = readdirSync(dir).filter((f) => f.startsWith('strict-out.jsonl.partial-'))
    expect(partial).toHaveLength(1)
    const s = run.summary
    expect(s.rejected).toBeGreaterThanOrEqual(1)
    expect(s.in).toBe(s.kept + droppedTotal(s) + s.duplicates + s.rejected)
    expect(s.in).toBeLessThanOrEqual(corpus.valid.length + corpus.rejects.length)
    expect(run.rejects).toHaveLength(s.rejected)
    // The first reject reported is the first bad record of the input.
    const first = corpus.rejects[0]
    expect(run.rejects[0]).toMatchObject({file: first.file, line: first.line})
    expect(run.stderr).toContain(`${first.file}:${first.line}: `)
  })

  it('a run with only bad input still reports and exits 0 (2 under --strict)', () => {
    const missing = path.join(dir, 'nothing-here.jsonl')
    const run = cleanRun(dir, [missing])
    expect(run.code).toBe(0)
    expectConservation(run)
    expect(run.summary).toMatchObject({in: 1, rejected: 1, kept: 0})
    expect(decruft(['clean', missing, '--strict']).code).toBe(2)
  })
})
