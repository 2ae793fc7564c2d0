import {execFileSync} from 'node:child_process'
import {chmodSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {readInputs} from '../src/stream/read-inputs.js'
import {clean} from '../src/api.js'
import {article, prng} from './helpers/generate.js'
import {cleanRun, decruft, expectConservation, scratch} from './helpers/run.js'

// Each hostile input gets its own test: a clear error naming the file and
// line (or record), the run goes on with exit 0, and --strict stops with exit 2.
let dir: string
const random = prng(7)
const good = (id: string) => JSON.stringify({id, text: article(random, 4)})

beforeAll(() => {
  dir = scratch('hostile')
})
afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
})

function file(name: string, content: string | Buffer): string {
  const full = path.join(dir, name)
  mkdirSync(path.dirname(full), {recursive: true})
  writeFileSync(full, content)
  return full
}

/** Run once normally (exit 0, counts add up) and once under --strict (exit 2). */
function hostile(input: string | string[], extra: string[] = []) {
  const inputs = Array.isArray(input) ? input : [input]
  const run = cleanRun(dir, [...inputs, '-j', '1', '--dedup', 'off', ...extra])
  expect(run.stderr).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/) // no stack trace
  expect(run.code).toBe(0)
  expectConservation(run)
  const strict = decruft(['clean', ...inputs, '--strict', '-j', '1', '--dedup', 'off', ...extra])
  expect(strict.code).toBe(2)
  return run
}

describe('hostile input', () => {
  it('malformed JSON lines: each rejected with file and line, neighbours kept', () => {
    const f = file('malformed.jsonl', [good('a'), '{"id": "b", "text": ', 'not json at all', '["an","array"]', good('c')].join('\n') + '\n')
    const run = hostile(f)
    expect(run.records.map((r) => r.id)).toEqual(['a', 'c'])
    expect(run.rejects.map((r) => [r.file, r.line])).toEqual([
      [f, 2],
      [f, 3],
      [f, 4]
    ])
    expect(run.rejects[0].error).toMatch(/malformed JSON/)
    expect(run.rejects[2].error).toMatch(/expected a JSON object, got an array/)
    expect(run.rejects[1].raw).toBe('not json at all')
    expect(run.stderr).toContain(`${f}:2: malformed JSON`)
  })

  it('a JSON array cut off mid-way: records before the cut kept, the cut is one reject naming file and record', () => {
    const full = JSON.stringify([{id: 'r1', text: article(random, 3)}, {id: 'r2', text: article(random, 3)}, {id: 'r3', text: article(random, 3)}])
    const cut = full.slice(0, full.indexOf('"r3"') + 8)
    const f = file('cut.json', cut)
    const run = hostile(f)
    expect(run.records.map((r) => r.id)).toEqual(['r1', 'r2'])
    expect(run.rejects).toHaveLength(1)
    expect(run.rejects[0]).toMatchObject({file: f, line: 3})
    expect(run.rejects[0].error).toMatch(/JSON array broken at record 3 \(2 read before it\)/)
    expect(run.summary).toMatchObject({in: 3, kept: 2, rejected: 1})
  })

  it('a bad element early in a big JSON array: that record rejected, every other one kept, the run finishes', () => {
    const records = Array.from({length: 3000}, (_, i) => JSON.stringify({id: `big${i}`, text: article(random, 2)}))
    records.splice(2, 0, '{"id": "broken" "text": "missing colon"}')
    records.splice(10, 0, '"a string, not a record"')
    const f = file('broken-early.json', `[${records.join(',\n')}]`)
    const run = hostile(f)
    expect(run.records.map((r) => r.id)).toEqual(Array.from({length: 3000}, (_, i) => `big${i}`))
    expect(run.rejects.map((r) => [r.file, r.line])).toEqual([
      [f, 3],
      [f, 11]
    ])
    expect(run.rejects[0].error).toMatch(/record 3: malformed JSON/)
    expect(run.rejects[0].raw).toBe('{"id": "broken" "text": "missing colon"}')
    expect(run.summary).toMatchObject({in: 3002, kept: 3000, rejected: 2})
  })

  it('truncated gzip on stdin: one reject, exit 0, no crash', () => {
    const gz = gzipSync(Array.from({length: 50}, (_, i) => good(`z${i}`)).join('\n') + '\n')
    const run = cleanRun(dir, ['-', '-j', '1', '--dedup', 'off'], {input: gz.subarray(0, 12)})
    expect(run.code).toBe(0)
    expectConservation(run)
    expect(run.rejects).toMatchObject([{file: '-', line: 1}])
    expect(run.rejects[0].error).toMatch(/read failed: corrupt gzip data|unexpected end of file/)
  })

  it('invalid UTF-8 in a JSONL line: that line rejected, the others kept', () => {
    const bad = Buffer.concat([Buffer.from('{"id":"bad","text":"caf'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}\n')])
    const f = file('invalid-utf8.jsonl', Buffer.concat([Buffer.from(good('a') + '\n'), bad, Buffer.from(good('c') + '\n')]))
    const run = hostile(f)
    expect(run.records.map((r) => r.id)).toEqual(['a', 'c'])
    expect(run.rejects).toMatchObject([{file: f, line: 2, error: 'invalid UTF-8'}])
    // The raw line is kept (with U+FFFD for the bad bytes) so nothing is lost.
    expect(run.rejects[0].raw).toContain('"id":"bad"')
  })

  it('invalid UTF-8 in a text file: rejected naming the line of the first bad byte', () => {
    const f = file('invalid-utf8.txt', Buffer.concat([Buffer.from('Title\n\nFine first paragraph.\nBroken '), Buffer.from([0xe2, 0x82]), Buffer.from(' here.\n')]))
    const run = hostile(f)
    expect(run.rejects).toHaveLength(1)
    expect(run.rejects[0]).toMatchObject({file: f, line: 4})
    expect(run.rejects[0].error).toMatch(/invalid UTF-8 \(byte \d+, line 4\)/)
  })

  it('lone surrogates (\\ud800 escapes) are replaced with U+FFFD and reported; the output is valid UTF-8 JSON', () => {
    const line = String.raw`{"id":"s\udc00","title":"T \ud83d","text":"First paragraph with a lone \ud800 surrogate in the middle of it.\n\nAnd a proper pair \ud83d\ude00 too.","tags":["x\udbff"]}`
    const f = file('surrogates.jsonl', line + '\n' + good('ok') + '\n')
    const run = cleanRun(dir, [f, '-j', '1', '--dedup', 'off'])
    expect(run.code).toBe(0)
    expectConservation(run)
    expect(run.summary.repaired).toBe(1)
    expect(run.stderr).toContain(`${f}:1: warning: 4 strings with lone UTF-16 surrogates`)
    const [record] = run.records
    expect(record.id).toBe('s\ufffd')
    expect(record.title).toBe('T \ufffd')
    expect(record.text).toContain('lone \ufffd surrogate')
    expect(record.text).toContain('\u{1f600}')
    expect(record.tags).toEqual(['x\ufffd'])
    // No escaped lone surrogate on the wire; every string well formed.
    expect(run.stdout).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i)
    expect(Buffer.from(run.stdout, 'utf8').toString('utf8')).toBe(run.stdout)
    expect(JSON.stringify(record).isWellFormed()).toBe(true)
  })

  it('a UTF-8 BOM is dropped: the first record and its first key are intact', () => {
    const f = file('bom.jsonl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good('first') + '\n' + good('second') + '\n')]))
    const run = cleanRun(dir, [f, '-j', '1', '--dedup', 'off'])
    expect(run.code).toBe(0)
    expectConservation(run)
    expect(run.records.map((r) => r.id)).toEqual(['first', 'second'])
    expect(Object.keys(run.records[0])[0]).toBe('id')
    // A BOM is not a fault: --strict passes.
    expect(decruft(['clean', f, '--strict', '-j', '1']).code).toBe(0)
  })

  it('CRLF and lone CR line ends split JSONL records; CR in text files ends lines too', () => {
    const f = file('line-ends.jsonl', `${good('crlf')}\r\n${good('cr')}\r${good('lf')}\n${good('last')}\r`)
    const run = cleanRun(dir, [f, '-j', '1', '--dedup', 'off'])
    expect(run.code).toBe(0)
    expectConservation(run)
    expect(run.records.map((r) => r.id)).toEqual(['crlf', 'cr', 'lf', 'last'])
    const t = file('line-ends.txt', 'A title\r\n\r\nFirst paragraph of the story is here.\r\rSecond paragraph of the story is here.\r')
    const text = cleanRun(dir, [t, '-j', '1', '--dedup', 'off'])
    expect(text.records[0].title).toBe('A title')
    expect(text.records[0].text).toBe('First paragraph of the story is here.\n\nSecond paragraph of the story is here.')
  })

  it('NUL bytes: a raw NUL makes a JSONL line invalid JSON (rejected); an escaped or text-file NUL is cleaned away', () => {
    const f = file('nul.jsonl', `${good('a')}\n{"id":"raw","text":"a\u0000b"}\n{"id":"escaped","text":"Before\\u0000after the NUL, a sentence."}\n`)
    const run = hostile(f)
    expect(run.records.map((r) => r.id)).toEqual(['a', 'escaped'])
    expect(run.rejects).toMatchObject([{file: f, line: 2}])
    expect(run.records[1].text).not.toContain('\u0000')
    const t = file('nul.txt', 'Title\n\nA paragraph with a NUL\u0000 inside it and more words.\n')
    const text = cleanRun(dir, [t, '-j', '1'])
    expect(text.code).toBe(0)
    expect(text.records[0].text).toBe('A paragraph with a NUL inside it and more words.')
  })

  it('deeply nested JSON: rejected with a message, no stack overflow, the run goes on', () => {
    const deep = `{"id":"deep","text":"x","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    const unclosed = '['.repeat(100_000)
    const f = file('deep.jsonl', [good('a'), deep, unclosed, good('b')].join('\n') + '\n')
    const run = hostile(f)
    expect(run.records.map((r) => r.id)).toEqual(['a', 'b'])
    expect(run.rejects.map((r) => r.line)).toEqual([2, 3])
    expect(run.rejects[0].error).toMatch(/nested deeper than 256 levels/)
    expect(run.stderr).not.toMatch(/Maximum call stack/)
  })

  it('deeply nested JSON through worker threads too', () => {
    const deep = `{"id":"deep","text":"x","extra":${'['.repeat(5000)}${']'.repeat(5000)}}`
    const f = file('deep-pool.jsonl', [good('a'), deep, good('b')].join('\n') + '\n')
    const run = cleanRun(dir, [f, '-j', '2', '--dedup', 'off'])
    expect(run.code).toBe(0)
    expectConservation(run)
    expect(run.records.map((r) => r.id)).toEqual(['a', 'b'])
  })

  it('text that is a number, null, an array or an object: each rejected naming field and type', () => {
    const lines = [{id: 'n', text: 42}, {id: 'z', text: null}, {id: 'arr', text: ['a', 'b']}, {id: 'obj', text: {p: 'x'}}]
    const f = file('types.jsonl', [...lines.map((l) => JSON.stringify(l)), good('fine')].join('\n') + '\n')
    const run = hostile(f)
    expect(run.records.map((r) => r.id)).toEqual(['fine'])
    expect(run.rejects.map((r) => r.error)).toEqual([
      'field "text" is a number, expected a string',
      'field "text" is null, expected a string',
      'field "text" is an array, expected a string',
      'field "text" is an object, expected a string'
    ])
    expect(run.rejects.map((r) => r.line)).toEqual([1, 2, 3, 4])
    expect(JSON.parse(run.rejects[3].raw)).toEqual(lines[3])
  })

  it('__proto__ and constructor keys: written back out intact, no prototype pollution (inline and in workers)', async () => {
    const line = `{"id":"p","text":${JSON.stringify(article(random, 3))},"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"toString":"str"}`
    const f = file('proto.jsonl', line + '\n')
    for (const j of ['1', '2']) {
      const run = cleanRun(dir, [f, '-j', j, '--dedup', 'off'])
      expect(run.code).toBe(0)
      const [record] = run.records
      expect(Object.hasOwn(record, '__proto__')).toBe(true)
      expect(Object.getOwnPropertyDescriptor(record, '__proto__')?.value).toEqual({polluted: 'yes'})
      expect(record.constructor).toEqual({prototype: {polluted: 'yes'}})
      expect(record.toString).toBe('str')
    }
    // In process: reading and cleaning such a record leaves Object.prototype alone.
    for await (const item of readInputs([f])) {
      expect(item.kind).toBe('record')
      if (item.kind === 'record') clean(item.record)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('a truncated .gz: records before the cut kept, the cut rejected naming the file', () => {
    const lines = Array.from({length: 200}, (_, i) => good(`g${i}`)).join('\n') + '\n'
    const gz = gzipSync(lines)
    const f = file('truncated.jsonl.gz', gz.subarray(0, Math.floor(gz.length * 0.6)))
    const run = hostile(f)
    expect(run.rejects).toHaveLength(1)
    expect(run.rejects[0].file).toBe(f)
    expect(run.rejects[0].error).toMatch(/corrupt gzip data|unexpected end of file/)
    // What was read before the cut is kept, in order, with nothing invented.
    expect(run.records.map((r) => r.id)).toEqual(Array.from({length: run.records.length}, (_, i) => `g${i}`))
    expect(run.summary.in).toBe(run.records.length + 1)
  })

  it('a corrupt .gz: one reject naming the file, the next file still read', () => {
    const gz = gzipSync(good('never') + '\n')
    const corrupt = Buffer.from(gz)
    for (let i = 12; i < corrupt.length - 8; i++) corrupt[i] ^= 0x5a
    const f = file('corrupt.jsonl.gz', corrupt)
    const g = file('after-corrupt.jsonl', good('after') + '\n')
    const run = hostile([f, g])
    expect(run.records.map((r) => r.id)).toEqual(['after'])
    expect(run.rejects).toHaveLength(1)
    expect(run.rejects[0].file).toBe(f)
    expect(run.stderr).toContain(f)
  })

  it('empty files (.jsonl, .json, .txt, blank lines only): each one reject naming the file', () => {
    const files = [file('empty.jsonl', ''), file('empty.json', ''), file('empty.txt', ''), file('blank.jsonl', '\n\n  \n')]
    const run = hostile(files)
    expect(run.rejects.map((r) => r.file)).toEqual(files)
    for (const r of run.rejects) expect(r.error).toMatch(/^empty file/)
    expect(run.stderr).toContain(`${files[0]}: empty file: no records`)
    // An empty JSON array is a valid, if empty, input: no error.
    const none = cleanRun(dir, [file('none.json', '[]'), '-j', '1'])
    expect(none.code).toBe(0)
    expect(none.summary).toMatchObject({in: 0, rejected: 0})
  })

  it('a missing path: one reject naming it', () => {
    const missing = path.join(dir, 'does-not-exist.jsonl')
    const run = hostile([missing, file('present.jsonl', good('here') + '\n')])
    expect(run.rejects).toMatchObject([{file: missing, error: 'no such file or directory'}])
    expect(run.records.map((r) => r.id)).toEqual(['here'])
  })

  it('a directory with unreadable entries (dangling and looping links, a FIFO, a directory named .jsonl): each named, never a hang', () => {
    const tree = path.join(dir, 'tree')
    mkdirSync(tree, {recursive: true})
    file('tree/a-good.jsonl', good('a') + '\n')
    symlinkSync(path.join(tree, 'nowhere.jsonl'), path.join(tree, 'b-dangling.jsonl'))
    symlinkSync(path.join(tree, 'c-loop.jsonl'), path.join(tree, 'c-loop.jsonl'))
    execFileSync('mkfifo', [path.join(tree, 'd-fifo.jsonl')])
    mkdirSync(path.join(tree, 'e-dir.jsonl'))
    file('tree/e-dir.jsonl/inner.jsonl', good('inner') + '\n')
    symlinkSync(tree, path.join(tree, 'f-link-to-self')) // a directory link back up: walked once
    file('tree/g-notes.bin', 'ignored: not an input type')
    let unreadable: string | undefined
    if (process.getuid?.() !== 0) {
      // Root reads anything, so permissions can only be tested as another user.
      unreadable = file('tree/h-unreadable.jsonl', good('secret') + '\n')
      chmodSync(unreadable, 0o000)
    }
    const run = hostile(tree)
    expect(run.records.map((r) => r.id)).toEqual(['a', 'inner'])
    const byFile = Object.fromEntries(run.rejects.map((r) => [path.basename(r.file), r.error]))
    expect(byFile['b-dangling.jsonl']).toMatch(/broken symbolic link: no such file/)
    expect(byFile['c-loop.jsonl']).toMatch(/broken symbolic link/)
    expect(byFile['d-fifo.jsonl']).toMatch(/not a regular file/)
    if (unreadable) expect(byFile['h-unreadable.jsonl']).toBe('permission denied')
    expect(run.rejects).toHaveLength(unreadable ? 4 : 3)
  })

  it('ids that look like paths never write outside the output directory', () => {
    const ids = ['../../escape', '/etc/passwd-like', '..', '__proto__', 'a/../../b', 'C:\\windows\\x']
    const f = file('path-ids.jsonl', ids.map((id) => JSON.stringify({id, text: article(random, 2)})).join('\n') + '\n')
    const out = path.join(dir, 'by-id', 'out') + '/'
    const run = decruft(['clean', f, '-o', out, '--output-format', 'text', '-j', '1', '--dedup', 'off'])
    expect(run.code).toBe(0)
    const written = readdirSync(out)
    expect(written).toHaveLength(ids.length)
    for (const name of written) expect(name).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}._-]*\.txt$/u)
    // Nothing appeared next to the output directory or above it.
    expect(readdirSync(path.join(dir, 'by-id'))).toEqual(['out'])
  })

  it('a pipeline file with wrong types or unknown keys: exit 2 naming the file and the key', () => {
    const cases: [string, string, RegExp][] = [
      ['wrong-type.yaml', 'steps:\n  - normalize:\n      straightenQuotes: "yes"\n', /steps\[0\]\.normalize\.straightenQuotes: .*expected boolean/],
      ['unknown-key.yaml', 'steps:\n  - dedupe-paragraphs:\n      thresold: 0.8\n', /steps\[0\]\.dedupe-paragraphs: .*"thresold"/],
      ['unknown-top.yaml', 'steps: [normalize]\nstepz: []\n', /stepz/],
      ['unknown-step.yaml', 'steps: [normalise]\n', /steps\[0\]: unknown step "normalise"/],
      ['steps-not-list.yaml', 'steps: 3\n', /steps: .*expected array/],
      ['not-yaml.yaml', 'steps: [normalize\n', /not valid YAML/]
    ]
    for (const [name, content, message] of cases) {
      const p = file(name, content)
      const run = decruft(['clean', '--pipeline', p, file('pipeline-input.jsonl', good('x') + '\n')])
      expect(run.code, name).toBe(2)
      expect(run.stderr, name).toContain(p)
      expect(run.stderr, name).toMatch(message)
      expect(run.stdout, name).toBe('')
    }
  })
})
