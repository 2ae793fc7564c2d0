import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {decruft, ROOT} from './helpers/cli.js'
import {jsonLines} from './helpers/run.js'

const seed = readFileSync(path.join(ROOT, 'samples/seed-witkoff.txt'), 'utf8')
const body = seed.split('\n\n').slice(1, 17).join('\n\n')
// A wire reprint: another dateline, one word edited, a paragraph dropped, a credit line.
const paragraphs = body.split('\n\n')
const reprint = ['WASHINGTON (AP) — ' + paragraphs[0], ...paragraphs.slice(1, 9), ...paragraphs.slice(10)].join('\n\n').replace('frigid', 'freezing')
const other =
  'The city council voted on Tuesday to expand the bike lane network across the northern districts, a plan that drew both praise and protest.\n\n' +
  'Supporters said the lanes would cut traffic deaths, while shop owners on Main Street worried about losing parking spaces for their customers.\n\n' +
  'Construction is expected to begin in the spring and last about eighteen months, according to the transport department.'

let dir: string

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'decruft-dedup-'))
})

function corpus(name: string, records: object[]) {
  const file = path.join(dir, name)
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n')
  return file
}

describe('decruft clean with corpus dedup', () => {
  const records = [
    {id: 'orig', text: seed, published: '2026-01-31'},
    {id: 'other', text: other},
    {id: 'copy', text: seed},
    {id: 'wire', text: reprint, published: '2026-01-30'}
  ]

  it('drops exact copies and wire reprints by default, keeping the first', () => {
    const run = decruft(['clean', corpus('drop.jsonl', records), '-j', '1'])
    expect(run.code).toBe(0)
    expect(jsonLines(run.stdout).map((r) => r.id)).toEqual(['orig', 'other'])
    expect(run.stderr).toMatch(/4 in, 2 kept, 0 dropped, 2 duplicates, 0 rejected/)
  })

  it('annotates clusters, representatives and similarities', () => {
    const clusters = path.join(dir, 'clusters.jsonl')
    const run = decruft(['clean', corpus('annotate.jsonl', records), '--dedup', 'annotate', '--clusters', clusters, '-j', '1'])
    const out = jsonLines(run.stdout)
    expect(out.map((r) => [r.id, r.decruft.status, r.decruft.cluster, r.decruft.duplicateOf])).toEqual([
      ['orig', 'kept', 'orig', undefined],
      ['other', 'kept', 'other', undefined],
      ['copy', 'duplicate', 'orig', 'orig'],
      ['wire', 'duplicate', 'orig', 'orig']
    ])
    expect(out[2].decruft.similarity).toBe(1)
    expect(out[3].decruft.similarity).toBeGreaterThan(0.5)
    expect(out[3].decruft.similarity).toBeLessThan(1)
    const table = jsonLines(readFileSync(clusters, 'utf8'))
    expect(table).toHaveLength(1)
    expect(table[0].representative).toBe('orig')
    expect(table[0].members.map((m: {id: string}) => m.id)).toEqual(['orig', 'copy', 'wire'])
  })

  it('keeps the longest or the earliest copy when asked', () => {
    const longest = decruft(['clean', corpus('longest.jsonl', records), '--keep', 'longest', '-j', '1'])
    expect(jsonLines(longest.stdout).map((r) => r.id)).toEqual(['orig', 'other'])
    const earliest = decruft(['clean', corpus('earliest.jsonl', records), '--keep', 'earliest', '-j', '1'])
    expect(jsonLines(earliest.stdout).map((r) => r.id)).toEqual(['other', 'wire'])
  })

  it('dedups a new batch against an index saved by an earlier run', () => {
    const index = path.join(dir, 'index')
    const first = decruft(['clean', corpus('day1.jsonl', records.slice(0, 2)), '--index', index, '-j', '1'])
    expect(first.code).toBe(0)
    expect(existsSync(index)).toBe(true)
    const second = decruft(['clean', corpus('day2.jsonl', [{id: 'tomorrow', text: reprint}]), '--index', index, '--dedup', 'annotate', '-j', '1'])
    const [record] = jsonLines(second.stdout)
    expect(record.decruft).toMatchObject({status: 'duplicate', duplicateOf: 'orig'})
  })

  it('refuses a corrupt index with a clear error and exit 2', () => {
    const index = path.join(dir, 'index-corrupt')
    decruft(['clean', corpus('c1.jsonl', records.slice(0, 2)), '--index', index, '-j', '1'])
    for (const name of readdirSync(index)) writeFileSync(path.join(index, name), 'garbage')
    const run = decruft(['clean', corpus('c2.jsonl', records), '--index', index, '-j', '1'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--index')
  })

  it('gives byte-identical output whatever the concurrency', () => {
    const file = corpus('conc.jsonl', [...records, ...records.map((r) => ({...r, id: r.id + '-2'}))])
    const one = decruft(['clean', file, '--dedup', 'annotate', '-j', '1'])
    const four = decruft(['clean', file, '--dedup', 'annotate', '-j', '4'])
    expect(four.stdout).toBe(one.stdout)
  })
})
