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
