import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {decruft} from './helpers/cli.js'
import {jsonLines} from './helpers/run.js'

const topics = ['budget', 'schools', 'bridge', 'election', 'harbour', 'library', 'floods', 'transit']
const chrome = ['Daily Courier Home Page', 'Sections: Local | Sports | Business | Weather', 'Got a tip? Write to tips@courier.example']

/** Eight stories from one site, each wrapped in the same site chrome, plus one story from another site. */
function corpus(): object[] {
  const records: object[] = topics.map((topic, i) => ({
    id: `c${i}`,
    url: `https://www.courier.example/news/${topic}`,
    text: [
      chrome[0],
      chrome[1],
      `The ${topic} debate at city hall on day ${i + 1} drew a large crowd of residents who wanted to be heard by the council.`,
      `Officials said a decision on the ${topic} plan would come after a further review of the costs and the public comments received.`,
      chrome[2]
    ].join('\n\n')
  }))
  records.push({
    id: 'other',
    url: 'https://gazette.example/story',
    text: 'Daily Courier Home Page\n\nA different site quoted the courier’s home page title in its own reporting about the merger talks.'
  })
  return records
}

let dir: string
let input: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'decruft-site-'))
  input = path.join(dir, 'corpus.jsonl')
  writeFileSync(input, corpus().map((r) => JSON.stringify(r)).join('\n') + '\n')
})


describe('site model', () => {
  it('learns recurring blocks per site and clean --site-model removes them', () => {
    const model = path.join(dir, 'site-model.json')
    const learn = decruft(['learn', input, '-o', model])
    expect(learn.code).toBe(0)
    expect(JSON.parse(readFileSync(model, 'utf8')).format).toBe('decruft-site-model')
    const run = decruft(['clean', input, '--site-model', model, '--dedup', 'off', '-j', '1', '--messages'])
    expect(run.code).toBe(0)
    const out = jsonLines(run.stdout)
    for (const record of out.slice(0, topics.length)) {
      for (const line of chrome) expect(record.text).not.toContain(line)
      expect(record.text).toContain('city hall')
      expect(record.decruft.messages.some((m: {ruleId: string}) => m.ruleId === 'site/recurring-block')).toBe(true)
    }
    // Another site's article is judged by its own site only.
    expect(out.at(-1).decruft.messages.map((m: {ruleId: string}) => m.ruleId)).not.toContain('site/recurring-block')
  })

  it('clean --learn does both passes and gives the same output', () => {
    const model = path.join(dir, 'm2.json')
    decruft(['learn', input, '-o', model])
    const learned = decruft(['clean', input, '--learn', '--dedup', 'off', '-j', '1'])
    const given = decruft(['clean', input, '--site-model', model, '--dedup', 'off', '-j', '1'])
    expect(learned.stdout).toBe(given.stdout)
  })

  it('refuses a corrupt model file with exit 2', () => {
    const bad = path.join(dir, 'bad.json')
    writeFileSync(bad, '{"format":"something-else"}')
    const run = decruft(['clean', input, '--site-model', bad])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('bad.json')
  })

  it('explain names the site-model rule', () => {
    const run = decruft(['explain', input, '--learn', '--json'])
    const first = JSON.parse(run.stdout.split('\n')[0])
    expect(first.messages.map((m: {ruleId: string}) => m.ruleId)).toContain('site/recurring-block')
  })
})
