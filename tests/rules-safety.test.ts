import {spawnSync} from 'node:child_process'
import {rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {PipelineError, validatePipeline} from '../src/pipeline/index.js'
import {checkRuleSafety, PACKS, type Rule} from '../src/rules/index.js'
import {decruft, ROOT, scratch} from './helpers/run.js'

let dir: string
beforeAll(() => {
  dir = scratch('rules-safety')
})
afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
})

const userRule = (pattern: string): Rule => ({id: 'ad/user-rule', category: 'ad', pattern, kind: 'block', reason: 'test'})
const pipelineWith = (rules: Rule[]) => ({steps: ['normalize', {'strip-boilerplate': {rules}}]})

describe('no catastrophic regexes', () => {
  it('every built-in rule of every pack is proven free of super-linear backtracking (recheck)', {timeout: 600_000}, () => {
    const rules = Object.entries(PACKS).flatMap(([code, pack]) => pack.rules.map((rule) => ({code, rule})))
    expect(Object.keys(PACKS)).toContain('en')
    expect(rules.length).toBeGreaterThan(50)
    const unsafe: string[] = []
    for (const {code, rule} of rules) {
      try {
        checkRuleSafety(rule)
      } catch (error) {
        unsafe.push(`${code}: ${(error as Error).message}`)
      }
    }
    expect(unsafe).toEqual([])
  })

  it('the safety check itself refuses a known exponential pattern (so the test above can fail)', () => {
    expect(() => checkRuleSafety(userRule('^(?:a+)+$'))).toThrow(/backtrack catastrophically/)
    expect(() => checkRuleSafety(userRule('^(?:\\w+\\s?)*$'))).toThrow(/backtrack/)
  })

  it('refuses unsafe user rules in a pipeline, naming the step, the rule and why', {timeout: 120_000}, () => {
    for (const pattern of ['(a+)+$', '(?:a+)+$', '^(?:\\w+\\s?)*$', '(?:.*,){12}x']) {
      let error: unknown
      try {
        validatePipeline(pipelineWith([userRule(pattern)]), 'user.yaml')
      } catch (e) {
        error = e
      }
      expect(error, pattern).toBeInstanceOf(PipelineError)
      expect((error as Error).message, pattern).toMatch(/^user\.yaml: steps\[1\]\.strip-boilerplate\.rules\[0\]: rule "ad\/user-rule": pattern (may backtrack|could not be proven)/)
    }
    // A safe rule passes, and a badly shaped one is refused too.
    expect(validatePipeline(pipelineWith([userRule('^(?:buy now|order today)$')])).steps[1].options.rules).toHaveLength(1)
    expect(() => validatePipeline(pipelineWith([userRule('^(?:unclosed')]))).toThrow(/does not compile/)
  })

  it('the CLI refuses a pipeline file with an unsafe rule: exit 2, file and rule named, nothing written', () => {
    const file = path.join(dir, 'evil.yaml')
    writeFileSync(file, 'steps:\n  - normalize\n  - strip-boilerplate:\n      rules:\n        - {id: ad/evil, category: ad, pattern: "(a+)+$", kind: block, reason: evil}\n')
    const run = decruft(['clean', '--pipeline', file, '-'], {input: '{"text":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}\n'})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(file)
    expect(run.stderr).toMatch(/rule "ad\/evil": pattern may backtrack catastrophically/)
    expect(run.stdout).toBe('')
  })

  it('all rules and the whole default pipeline finish on adversarial 100 KB strings (child process, 60 s hang guard)', () => {
    // Run in a child so that a catastrophic pattern shows up as a killed
    // process, not a stuck test runner. The guard is a hang detector, not a
    // speed assertion: a linear engine takes well under a second here.
    const script = `
      const {PACKS} = await import('./dist/rules/index.js')
      const {isTeaser} = await import('./dist/rules/teaser.js')
      const {isPlaceholder} = await import('./dist/rules/placeholder.js')
      const {clean} = await import('./dist/index.js')
      const SIZE = 100 * 1024
      const fill = (unit) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE)
      const rules = Object.values(PACKS).flatMap((p) => p.rules)
      const words = new Set()
      for (const r of rules) for (const w of r.pattern.replace(/\\\\[a-z]/gi, ' ').match(/[\\p{L}]{3,}/gu) ?? []) words.add(w)
      const units = ['a', ' ', 'a ', '.', '-', '|', '\\u00a0', 'é', 'e\\u0301', '\\t', 'A', 'AB ', '[#', '{{', '%%', '»', '1 ', ', ', 'x\\n']
      // Each run also with a breaker at the end, where backtracking would explode.
      const strings = units.flatMap((u) => [fill(u), fill(u).slice(0, -2) + '\\u0000!'])
      // The rules' own words, repeated without the ending each pattern needs.
      strings.push(fill([...words].join(' ') + ' '))
      for (const w of [...words].slice(0, 60)) strings.push(fill(w + ' '), fill(w.toUpperCase() + ' '))
      let runs = 0
      for (const rule of rules) {
        const re = new RegExp(rule.pattern, 'iu')
        for (const s of strings) { re.test(s); runs++ }
      }
      for (const s of strings) { isTeaser(s, {}); isPlaceholder(s) }
      for (const s of strings.slice(0, 2 * units.length)) clean(s)
      clean(strings.slice(0, 8).join('\\n\\n'))
      process.stdout.write(JSON.stringify({rules: rules.length, strings: strings.length, runs}))
    `
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: ROOT, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL'})
    expect(run.signal, 'a rule hung on an adversarial string (killed by the guard)').toBeNull()
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.rules).toBeGreaterThan(50)
    expect(report.runs).toBe(report.rules * report.strings)
  })
})
