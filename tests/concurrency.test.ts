import {readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {article, paragraph, prng} from './helpers/generate.js'
import {ROOT, decruft} from './helpers/cli.js'
import {scratch} from './helpers/run.js'

// Output must not depend on the number of worker threads: -j 1 runs inline,
// -j 4 on a pool (more threads than this machine's cores, so batches finish
// out of order). Every byte of output, rejects and summary must match.

const SAMPLES = path.join(ROOT, 'samples')
let dir: string
let corpus: string

// Chrome, teasers and placeholders the cleaner removes, so that removals,
// drops and messages differ from article to article.
const CHROME = [
  ['Related articles', 'You may also be interested in', 'Never Miss A Story'],
  ['Cookie policy', 'We use our own and third party cookies to allow us to understand how the site is used.'],
  ['Share this article', 'Facebook', 'Twitter', 'Email'],
  ['[#item_full_content]'],
  ['Advertisement']
]

/** A generated corpus: prose, chrome, repeated paragraphs, copies of earlier articles (dedup), and bad lines (rejects). */
function writeCorpus(file: string, n: number): void {
  const random = prng(2024)
  const earlier: string[] = []
  const lines: string[] = []
  for (let i = 0; i < n; i++) {
    const roll = random()
    if (roll < 0.01) {
      lines.push(i % 2 === 0 ? `{"id": "broken-${i}", "text": "unterminated` : JSON.stringify({id: `notext-${i}`, body: 42}))
      continue
    }
    let text: string
    if (roll < 0.1 && earlier.length > 0) {
      // A copy (sometimes lightly edited) of an earlier article.
      const original = earlier[Math.floor(random() * earlier.length)]
      text = random() < 0.5 ? original : `WASHINGTON (AP) — ${original}\n\nThe Associated Press contributed to this report.`
    } else if (roll < 0.13) {
      text = CHROME[Math.floor(random() * CHROME.length)].join('\n')
    } else {
      const parts = article(random).split('\n\n')
      if (random() < 0.3) parts.splice(1 + Math.floor(random() * parts.length), 0, parts[0])
      if (random() < 0.2) parts.splice(1, 0, paragraph(random, 8).toUpperCase())
      if (random() < 0.5) parts.push(CHROME[Math.floor(random() * CHROME.length)].join('\n\n'))
      text = parts.join('\n\n')
      if (earlier.length < 200) earlier.push(text)
    }
    const record: Record<string, unknown> = {id: `a${i}`, url: `https://site${i % 7}.example/${i}`, text}
    if (random() < 0.3) record.title = `Story number ${i}`
    lines.push(JSON.stringify(record))
  }
  writeFileSync(file, lines.join('\n') + '\n')
}

function run(args: string[], tag: string) {
  const rejects = path.join(dir, `${tag}.rejects.jsonl`)
  const summary = path.join(dir, `${tag}.summary.json`)
  const result = decruft(['clean', ...args, '--rejects', rejects, '--summary', summary])
  expect(result.code, result.stderr).toBe(0)
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8')
    } catch {
      return ''
    }
  }
  return {stdout: result.stdout, rejects: read(rejects), summary: read(summary)}
}

/** Run with -j 1 and -j 4 and expect identical output, rejects and summary. */
function expectSameAcrossThreads(args: string[], tag: string): string {
  const one = run([...args, '-j', '1'], `${tag}-j1`)
  const four = run([...args, '-j', '4'], `${tag}-j4`)
  expect(four.stdout).toBe(one.stdout)
  expect(four.rejects).toBe(one.rejects)
  expect(four.summary).toBe(one.summary)
  return one.stdout
}

beforeAll(() => {
  dir = scratch('concurrency')
  corpus = path.join(dir, 'corpus.jsonl')
  writeCorpus(corpus, 1500)
})

afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
})

describe('--concurrency 1 and --concurrency 4 give identical output', () => {
  it('on the seed sample (JSONL and text output)', () => {
    const seed = path.join(SAMPLES, 'seed-witkoff.txt')
    const jsonl = expectSameAcrossThreads([seed], 'seed')
    expect(jsonl).toMatch(/"status":"kept"/)
    expectSameAcrossThreads([seed, '--output-format', 'text'], 'seed-text')
  })

  it('on the whole samples folder, with every message', () => {
    const out = expectSameAcrossThreads([SAMPLES, '--messages', '--include-dropped'], 'samples')
    const files = readdirSync(SAMPLES, {recursive: true}).filter((f) => /\.(txt|md)$/.test(String(f)))
    expect(out.trim().split('\n')).toHaveLength(files.length)
  })

  it('on a generated corpus with chrome, repeats, copies and bad lines (dedup on)', {timeout: 240_000}, () => {
    const out = expectSameAcrossThreads([corpus, '--include-dropped'], 'corpus')
    const records = out.trim().split('\n').map((line) => JSON.parse(line))
    // Input order holds, and the corpus exercised what it should.
    const ids = records.map((r) => Number(String(r.id).slice(1)))
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    const statuses = new Set(records.map((r) => r.decruft.status))
    expect([...statuses].sort()).toEqual(['dropped', 'duplicate', 'kept'])
    const summary = JSON.parse(run([corpus, '-j', '2'], 'corpus-summary').summary)
    expect(summary.rejected).toBeGreaterThan(0)
  })

  it('on the generated corpus with dedup off and removal messages', {timeout: 240_000}, () => {
    expectSameAcrossThreads([corpus, '--dedup', 'off', '--messages'], 'corpus-messages')
  })
})
