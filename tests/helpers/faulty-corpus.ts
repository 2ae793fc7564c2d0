import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {article, paragraph, prng, word} from './generate.js'

/** What a generated corpus must come out as, known from how it was made (never from a run). */
export interface FaultyCorpus {
  inputs: string[]
  /** Ids of the records that are readable, in input order: each must be in the output exactly once. */
  valid: string[]
  /** Where each bad record is: each must be in the rejects file exactly once. */
  rejects: Array<{file: string; line: number; kind: string}>
  /** Records whose strings had lone surrogates repaired. */
  repaired: number
  /** Which ids are planted as exact copies of an earlier article, and which carry no content. */
  copies: string[]
  empties: string[]
}

const FAULTS = ['malformed', 'not-object', 'text-number', 'text-null', 'text-array', 'text-object', 'no-text', 'invalid-utf8', 'deep', 'raw-nul'] as const
const ODDITIES = ['surrogate', 'proto', 'empty-text', 'boilerplate-only', 'copy', 'blank-line', 'unicode'] as const

/**
 * A corpus of JSONL (plain and gzipped, with a BOM and mixed LF / CRLF / CR
 * line ends), JSON arrays (one cut off mid-record), text and Markdown files,
 * an empty file, a corrupt .gz and a missing path, with every kind of bad
 * record mixed in at random places.
 */
export function faultyCorpus(dir: string, seed: number, size = 60): FaultyCorpus {
  const random = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  mkdirSync(dir, {recursive: true})
  const out: FaultyCorpus = {inputs: [], valid: [], rejects: [], repaired: 0, copies: [], empties: []}
  const texts: string[] = []
  let n = 0
  const id = () => `s${seed}-${n++}`

  /** JSONL lines (as bytes) with their faults, for one file. */
  const jsonlFile = (name: string, gz: boolean) => {
    const file = path.join(dir, name)
    const parts: Buffer[] = []
    const ends = ['\n', '\r\n', '\r']
    let line = 0
    if (!gz) parts.push(Buffer.from([0xef, 0xbb, 0xbf]))
    for (let i = 0; i < size; i++) {
      line++
      const r = random()
      let bytes: Buffer
      if (r < 0.3) {
        const kind = pick(FAULTS)
        bytes = faultLine(kind, random)
        out.rejects.push({file, line, kind})
      } else if (r < 0.5) {
        const kind = pick(ODDITIES)
        if (kind === 'blank-line') bytes = Buffer.from('   ')
        else {
          const rid = id()
          bytes = oddLine(kind, rid, random, texts)
          out.valid.push(rid)
          if (kind === 'surrogate') out.repaired++
          if (kind === 'copy' && texts.length > 0) out.copies.push(rid)
          if (kind === 'empty-text' || kind === 'boilerplate-only') out.empties.push(rid)
        }
      } else {
        const rid = id()
        const text = article(random)
        texts.push(text)
        bytes = Buffer.from(JSON.stringify({id: rid, url: `https://example.org/${rid}`, text}))
        out.valid.push(rid)
      }
      parts.push(bytes, Buffer.from(pick(ends)))
    }
    const content = Buffer.concat(parts)
    writeFileSync(file, gz ? gzipSync(content) : content)
    out.inputs.push(file)
  }

  jsonlFile('a.jsonl', false)

  // A whole JSON array with a non-object element, then one cut off inside a record.
  {
    const file = path.join(dir, 'b.json')
    const items: unknown[] = []
    for (let i = 0; i < 12; i++) {
      if (random() < 0.2) {
        items.push(pick([42, 'a string', null, [1, 2]]))
        out.rejects.push({file, line: i + 1, kind: 'array-element'})
      } else {
        const rid = id()
        items.push({id: rid, text: article(random)})
        out.valid.push(rid)
      }
    }
    writeFileSync(file, JSON.stringify(items, null, 1))
    out.inputs.push(file)
  }
  {
    const file = path.join(dir, 'c.json')
    const kept = 1 + Math.floor(random() * 6)
    const items = []
    for (let i = 0; i <= kept; i++) {
      const rid = id()
      items.push({id: rid, text: article(random)})
      if (i < kept) out.valid.push(rid)
    }
    const whole = JSON.stringify(items)
    const last = whole.lastIndexOf('{"id"')
    writeFileSync(file, whole.slice(0, last + 10 + Math.floor(random() * 40)))
    out.rejects.push({file, line: kept + 1, kind: 'cut-array'})
    out.inputs.push(file)
  }

  jsonlFile('d.jsonl.gz', true)

  {
    const file = path.join(dir, 'e.txt')
    writeFileSync(file, `${paragraph(random, 6).replace(/\.$/, '')}\n\n${article(random)}\n`)
    out.valid.push(file)
    out.inputs.push(file)
    const md = path.join(dir, 'f.md')
    writeFileSync(md, `# ${word(random)} ${word(random)}\n\n${article(random)}\n`)
    out.valid.push(md)
    out.inputs.push(md)
  }
  {
    const empty = path.join(dir, 'g-empty.jsonl')
    writeFileSync(empty, '')
    out.rejects.push({file: empty, line: 0, kind: 'empty-file'})
    const corrupt = path.join(dir, 'h-corrupt.jsonl.gz')
    writeFileSync(corrupt, Buffer.from('this is not gzip at all, just bytes pretending'))
    out.rejects.push({file: corrupt, line: 1, kind: 'corrupt-gz'})
    const missing = path.join(dir, 'i-missing.jsonl')
    out.rejects.push({file: missing, line: 0, kind: 'missing'})
    out.inputs.push(empty, corrupt, missing)
  }
  return out
}

function faultLine(kind: (typeof FAULTS)[number], random: () => number): Buffer {
  const rid = `bad-${Math.floor(random() * 1e9)}`
  switch (kind) {
    case 'malformed':
      return Buffer.from(`{"id":"${rid}","text":"unterminated ${word(random)}`)
    case 'not-object':
      return Buffer.from(['[1,2,3]', '"just a string"', '42', 'null', 'true'][Math.floor(random() * 5)])
    case 'text-number':
      return Buffer.from(JSON.stringify({id: rid, text: 12345}))
    case 'text-null':
      return Buffer.from(JSON.stringify({id: rid, text: null}))
    case 'text-array':
      return Buffer.from(JSON.stringify({id: rid, text: ['a', 'b']}))
    case 'text-object':
      return Buffer.from(JSON.stringify({id: rid, text: {nested: 'x'}}))
    case 'no-text':
      return Buffer.from(JSON.stringify({id: rid, title: 'A title but no body'}))
    case 'invalid-utf8':
      return Buffer.concat([Buffer.from(`{"id":"${rid}","text":"caf`), Buffer.from([0xc3, 0x28, 0xa0, 0xff]), Buffer.from('"}')])
    case 'deep':
      return Buffer.from(`{"id":"${rid}","text":"x","meta":${'['.repeat(400)}${']'.repeat(400)}}`)
    case 'raw-nul':
      return Buffer.from(`{"id":"${rid}","text":"nul\u0000inside"}`)
  }
}

function oddLine(kind: (typeof ODDITIES)[number], rid: string, random: () => number, texts: string[]): Buffer {
  switch (kind) {
    case 'surrogate':
      return Buffer.from(`{"id":"${rid}","text":${JSON.stringify(article(random)).replace(/ /, ' \\ud800 ')}}`)
    case 'proto':
      return Buffer.from(`{"id":"${rid}","__proto__":{"polluted":true},"constructor":"c","text":${JSON.stringify(article(random))}}`)
    case 'empty-text':
      return Buffer.from(JSON.stringify({id: rid, text: '  \n\n \t '}))
    case 'boilerplate-only':
      return Buffer.from(JSON.stringify({id: rid, text: '[#item_full_content]\n\n{{ad_slot}}'}))
    case 'copy':
      return Buffer.from(JSON.stringify({id: rid, text: texts.length > 0 ? texts[Math.floor(random() * texts.length)] : article(random)}))
    case 'unicode':
      return Buffer.from(JSON.stringify({id: rid, text: `Zürich — «quoted» 東京 \u{1f600} ${article(random)}`}))
    case 'blank-line':
      return Buffer.from('')
  }
}
