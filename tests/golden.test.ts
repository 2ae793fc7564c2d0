import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {decruft, ROOT} from './helpers/cli.js'

const samples = path.join(ROOT, 'samples')
const cases = readdirSync(samples).filter((name) => /\.(txt|md|jsonl)$/.test(name) && !name.includes('.expected.'))

describe('golden samples: input beside its expected output', () => {
  for (const name of cases) {
    const expected = path.join(samples, name.replace(/\.(\w+)$/, '.expected.$1'))
    it(name, () => {
      const format = name.endsWith('.jsonl') ? 'jsonl' : 'text'
      const run = decruft(['clean', path.join(samples, name), '--output-format', format, '-q', '-j', '1'])
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toBe(readFileSync(expected, 'utf8'))
    })
  }
})

describe('seed article', () => {
  const seed = path.join(samples, 'seed-witkoff.txt')
  const original = readFileSync(seed, 'utf8')
  const lineOf = (start: string) => original.split('\n').findIndex((l) => l.startsWith(start)) + 1

  it('explain lists every removal with its rule, at its line in the original', () => {
    const run = decruft(['explain', seed, '--json'])
    expect(run.code).toBe(0)
    const [article] = run.stdout.trim().split('\n').map((l) => JSON.parse(l))
    const found = new Map<number, string>(article.messages.map((m: {line: number; ruleId: string}) => [m.line, m.ruleId]))
    const moscow = original.split('\n').map((l, i) => [l, i + 1] as const).filter(([l]) => l.startsWith('Witkoff, Kushner and Gruenbaum'))
    const quotes = original.split('\n').map((l, i) => [l, i + 1] as const).filter(([l]) => l.startsWith('“A lot was discussed'))
    const expected: [number, RegExp][] = [
      [lineOf('TRUMP SAYS'), /^teaser\//],
      [lineOf('ZELENSKYY TOUTS'), /^teaser\//],
      [moscow[1][1], /^duplicate\/near/],
      [quotes[1][1], /^duplicate\/exact/],
      [lineOf('[#item_full_content]'), /^placeholder\//],
      [lineOf('Related articles'), /^related\//],
      [lineOf('You may also be interested in'), /^related\//],
      [lineOf('Headline'), /^related\//],
      [lineOf('Never Miss A Story'), /^(related|newsletter)\//],
      [lineOf('Get our Weekly recap'), /^newsletter\//],
      [lineOf('Cookie policy'), /^cookie\//],
      [lineOf('We use our own and third party cookies'), /^cookie\//]
    ]
    for (const [line, rule] of expected) expect(found.get(line), `line ${line}`).toMatch(rule)
    expect(article.messages).toHaveLength(expected.length)
    const near = article.messages.find((m: {ruleId: string}) => m.ruleId === 'duplicate/near-paragraph')
    expect(near.cause.line).toBe(moscow[0][1])
    expect(article.title).toBe(original.split('\n')[0])
  })

  it('explain marks the removed text in place', () => {
    const run = decruft(['explain', seed, '--no-color'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('~~[#item_full_content]~~ ⟦placeholder/')
    expect(run.stdout).toMatch(/~~TRUMP SAYS PUTIN[^~]*~~ ⟦teaser\//)
  })
})
