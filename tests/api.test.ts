import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Readable} from 'node:stream'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {clean, cleanStream, dedupeParagraphs, normalize, stripBoilerplate} from '../src/index.js'
import {ROOT} from './helpers/cli.js'

const seed = readFileSync(path.join(ROOT, 'samples/seed-witkoff.txt'), 'utf8')
const expected = readFileSync(path.join(ROOT, 'samples/seed-witkoff.expected.txt'), 'utf8').trimEnd()

describe('library API', () => {
  it('clean() returns title, body and messages with rule ids and positions', () => {
    const result = clean(seed)
    expect(`${result.title}\n\n${result.text}`).toBe(expected)
    const teaser = result.messages.find((m) => m.ruleId === 'teaser/all-caps-headline')!
    expect(seed.slice(teaser.offset, teaser.endOffset)).toBe(teaser.actual)
    expect(result.file.messages.every((m) => m.source === 'decruft')).toBe(true)
  })

  it('clean() takes a record and keeps its id', () => {
    const result = clean({id: 'x', text: seed})
    expect(result.id).toBe('x')
    expect(result.status).toBe('kept')
  })

  it('cleanStream() yields one result per input, in order, from records or a byte stream', async () => {
    const records = [{id: '1', text: seed}, {id: '2', text: ''}, {id: '3', text: seed}]
    const out = []
    for await (const result of cleanStream(records)) out.push(result)
    expect(out.map((r) => (r.kind === 'article' ? [r.id, r.status] : ['reject']))).toEqual([
      ['1', 'kept'],
      ['2', 'dropped'],
      ['3', 'kept']
    ])
    const bytes = Readable.from([Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'))])
    const fromBytes = []
    for await (const result of cleanStream(bytes)) fromBytes.push(result.kind === 'article' ? result.text : '')
    expect(fromBytes).toEqual(out.map((r) => (r.kind === 'article' ? r.text : '')))
  })

  it('the plugins work in a plain remark pipeline on Markdown', () => {
    const markdown = '# Title\n\nSome *real* text of the story.\n\nSome *real* text of the story.\n\nAdvertisement\n'
    const file = unified().use(remarkParse).use(normalize).use(stripBoilerplate).use(dedupeParagraphs).use(remarkStringify).processSync(markdown)
    expect(String(file)).toBe('# Title\n\nSome *real* text of the story.\n')
    expect(file.messages.map((m) => m.ruleId)).toEqual(['ad/label', 'duplicate/exact-paragraph'])
  })
})

describe('cleanStream with corpus dedup', () => {
  it('marks copies as duplicates of the first, with their cluster', async () => {
    const records = [{id: 'a', text: seed}, {id: 'b', text: 'A different story about the harbour, the ferries and the storm that closed both for two days this week.'}, {id: 'c', text: seed}]
    const out = []
    for await (const result of cleanStream(records, {dedup: {}})) if (result.kind === 'article') out.push([result.id, result.status, result.dedup?.cluster])
    expect(out).toEqual([
      ['a', 'kept', 'a'],
      ['b', 'kept', 'b'],
      ['c', 'duplicate', 'a']
    ])
  })

  it('the library example runs and lists the rules that fired', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'examples/library/clean-corpus.mjs'), path.join(ROOT, 'samples/seed-witkoff.txt')], {encoding: 'utf8', cwd: ROOT})
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^1 kept, 0 duplicates/)
    expect(run.stdout).toMatch(/2 {2}teaser\/all-caps-headline/)
  })
})
