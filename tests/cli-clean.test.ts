import {gzipSync} from 'node:zlib'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {decruft, ROOT} from './helpers/cli.js'
import {jsonLines} from './helpers/run.js'

const seed = readFileSync(path.join(ROOT, 'samples/seed-witkoff.txt'), 'utf8')
const expected = readFileSync(path.join(ROOT, 'samples/seed-witkoff.expected.txt'), 'utf8')
const [expectedTitle, ...rest] = expected.trimEnd().split('\n\n')
const expectedBody = rest.join('\n\n')
let dir: string

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'decruft-cli-'))
})


describe('decruft clean', () => {
  it('writes JSONL with every input field, the clean text and title, and a decruft summary', () => {
    const input = path.join(dir, 'one.jsonl')
    writeFileSync(input, JSON.stringify({id: 'a1', url: 'https://example.com/x', extra: {n: 1}, text: seed}) + '\n')
    const run = decruft(['clean', input, '-j', '1'])
    expect(run.code).toBe(0)
    const [record] = jsonLines(run.stdout)
    expect(record).toMatchObject({id: 'a1', url: 'https://example.com/x', extra: {n: 1}, title: expectedTitle, text: expectedBody})
    expect(record.decruft.status).toBe('kept')
    expect(record.decruft.removals).toBe(12)
    expect(run.stderr).toMatch(/1 in, 1 kept, 0 dropped, 0 rejected; 12 blocks removed/)
  })

  it('falls back to content, body and maintext, and honours --text-field', () => {
    const input = path.join(dir, 'fields.jsonl')
    const lines = [{id: 'c', content: seed}, {id: 'b', body: seed}, {id: 'm', maintext: seed}, {id: 'x', article: seed}]
    writeFileSync(input, lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
    const run = decruft(['clean', input, '--dedup', 'off', '-j', '1'])
    expect(jsonLines(run.stdout).map((r) => [r.id, r.text])).toEqual([
      ['c', expectedBody],
      ['b', expectedBody],
      ['m', expectedBody]
    ])
    expect(run.stderr).toMatch(/fields\.jsonl:4: no text field/)
    const custom = decruft(['clean', input, '--text-field', 'article', '-j', '1'])
    expect(jsonLines(custom.stdout).map((r) => r.id)).toEqual(['x'])
  })

  it('reads JSON arrays, .gz files, directories and stdin', () => {
    const sub = path.join(dir, 'tree')
    const array = path.join(sub, 'a.json')
    const gz = path.join(sub, 'nested', 'b.jsonl.gz')
    mkdirSync(path.dirname(gz), {recursive: true})
    writeFileSync(array, JSON.stringify([{id: 'arr1', text: seed}, {id: 'arr2', text: seed}]))
    writeFileSync(gz, gzipSync(JSON.stringify({id: 'gz1', text: seed}) + '\n'))
    const run = decruft(['clean', sub, '--dedup', 'off', '-j', '1'])
    expect(jsonLines(run.stdout).map((r) => r.id)).toEqual(['arr1', 'arr2', 'gz1'])
    const stdin = decruft(['clean', '-', '-j', '1'], {input: JSON.stringify({id: 's', text: seed}) + '\n'})
    expect(jsonLines(stdin.stdout)[0]).toMatchObject({id: 's', text: expectedBody})
    const text = decruft(['clean', '-j', '1', '--output-format', 'text', '-q'], {input: seed})
    expect(text.stdout).toBe(expected)
  })

  it('writes one file per article to an output directory', () => {
    const input = path.join(dir, 'two.jsonl')
    writeFileSync(input, [{id: 'first', text: seed}, {id: 'second', text: seed}].map((l) => JSON.stringify(l)).join('\n'))
    const out = path.join(dir, 'out-dir')
    const run = decruft(['clean', input, '-o', out + '/', '--output-format', 'markdown', '--dedup', 'off', '-j', '1', '-q'])
    expect(run.code).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['first.md', 'second.md'])
    expect(readFileSync(path.join(out, 'first.md'), 'utf8')).toContain(`# ${expectedTitle}`)
  })

  it('writes bad records to --rejects, keeps going, and counts add up', () => {
    const input = path.join(dir, 'mixed.jsonl')
    writeFileSync(input, [JSON.stringify({id: 'ok', text: seed}), '{broken', JSON.stringify({id: 'empty', text: '   '}), JSON.stringify({id: 'n', text: 5})].join('\n'))
    const rejects = path.join(dir, 'rejects.jsonl')
    const summary = path.join(dir, 'summary.json')
    const run = decruft(['clean', input, '--rejects', rejects, '--summary', summary, '-j', '1'])
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/mixed\.jsonl:2: malformed JSON/)
    expect(run.stderr).toMatch(/mixed\.jsonl:4: field "text" is a number/)
    const rejected = jsonLines(readFileSync(rejects, 'utf8'))
    expect(rejected.map((r) => r.line)).toEqual([2, 4])
    expect(rejected[0].raw).toBe('{broken')
    const counts = JSON.parse(readFileSync(summary, 'utf8'))
    expect(counts).toMatchObject({in: 4, kept: 1, dropped: {empty: 1}, rejected: 2})
  })

  it('stops at the first bad record with exit 2 under --strict, leaving no complete-looking output', () => {
    const input = path.join(dir, 'strict.jsonl')
    writeFileSync(input, [JSON.stringify({id: 'ok', text: seed}), '{broken', JSON.stringify({id: 'later', text: seed})].join('\n'))
    const out = path.join(dir, 'strict-out.jsonl')
    const run = decruft(['clean', input, '--strict', '-o', out, '-j', '1'])
    expect(run.code).toBe(2)
    expect(readdirSync(dir).includes('strict-out.jsonl')).toBe(false)
  })

  it('fails with exit 2 and names the file for a bad pipeline', () => {
    const bad = path.join(dir, 'bad.yaml')
    writeFileSync(bad, 'steps: [normalize]\nunknownKey: 1\n')
    const run = decruft(['clean', '--pipeline', bad], {input: ''})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('bad.yaml')
    expect(run.stderr).toContain('unknownKey')
  })

  it('has --help on every command', () => {
    for (const args of [['--help'], ['clean', '--help'], ['explain', '--help']]) {
      const run = decruft(args)
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/Usage: decruft/)
    }
  })
})
