import {copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {beforeAll, describe, expect, it} from 'vitest'
import {decruft, ROOT} from './helpers/cli.js'
import {expectFigures, fixture, readCorpus} from './helpers/check-expect.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'decruft-check-'))
})

/** Run `decruft check` with a JSON report and return it with the run. */
function checkJson(args: string[], env: NodeJS.ProcessEnv = {}) {
  const report = path.join(dir, `report-${Math.random().toString(36).slice(2)}.json`)
  const run = decruft(['check', '-j', '1', ...args, '--report-format', 'json', '--report', report], {env: {...process.env, ...env}})
  const json = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined
  return {...run, report: json}
}

const check = (report: {checks: {name: string}[]}, name: string) => report.checks.find((c) => c.name === name) as Record<string, unknown>

describe('decruft check: figures', () => {
  it('finds nothing in a clean corpus and exits 0 under the shipped CI thresholds', () => {
    const lines = readCorpus(fixture('clean.jsonl'))
    const run = checkJson(['-p', 'ci', fixture('clean.jsonl')])
    expect(run.code).toBe(0)
    const f = run.report.figures
    expect(f.records).toBe(lines.length)
    expect(f.articles).toBe(lines.length)
    expect(f.boilerplate.charsRemoved).toBe(0)
    expect(f.boilerplate.charsIn).toBe(lines.reduce((n, l) => n + l.record!.text.length, 0))
    expect(f.duplicates).toMatchObject({count: 0, clusters: 0, largestCluster: 0})
    expect(f.encoding.articles).toBe(0)
    expect(f.languages).toBeNull()
    expect(run.report.passed).toBe(true)
    expect(run.report.checks.map((c: {name: string}) => c.name)).toEqual([
      'max-boilerplate',
      'max-duplicates',
      'max-rejected',
      'max-encoding-errors',
      'max-empty'
    ])
    expect(run.report.checks.every((c: {passed: boolean}) => c.passed)).toBe(true)
  })

  it('measures chrome: share overall, by category and by site, repeated paragraphs, worst article', () => {
    const lines = readCorpus(fixture('chrome.jsonl'))
    const want = expectFigures(lines)
    const run = checkJson(['-p', fixture('rules.yaml'), '--max-boilerplate', '5%', fixture('chrome.jsonl')])
    expect(run.code).toBe(1)
    const f = run.report.figures
    expect(f.boilerplate.charsIn).toBe(want.charsIn)
    expect(f.boilerplate.charsRemoved).toBe(want.charsRemoved)
    expect(f.boilerplate.share).toBeCloseTo(want.charsRemoved / want.charsIn, 12)
    expect(Object.fromEntries(Object.entries(f.boilerplate.byCategory).map(([k, v]) => [k, (v as {chars: number}).chars]))).toEqual(want.byCategory)
    expect(f.repeats).toEqual({articles: want.repeats, share: want.repeats / want.articles})
    expect(want.repeats).toBe(1)

    const sites = [...want.bySite.entries()].filter(([, s]) => s.charsRemoved > 0).sort((a, b) => b[1].charsRemoved - a[1].charsRemoved)
    expect(run.report.offenders.sites.map((s: {site: string; charsRemoved: number; charsIn: number}) => [s.site, s.charsRemoved, s.charsIn])).toEqual(
      sites.map(([site, s]) => [site, s.charsRemoved, s.charsIn])
    )
    expect(sites.map(([site]) => site)).toContain('wire-service')

    const failed = check(run.report, 'max-boilerplate')
    expect(failed).toMatchObject({passed: false, kind: 'threshold', limit: 0.05, source: 'flag'})
    // The worst example is the article with the most characters removed.
    const removed = (l: (typeof lines)[number]) => expectFigures([l]).charsRemoved
    const worst = lines.reduce((a, b) => (removed(b) > removed(a) ? b : a))
    expect(lines.filter((l) => removed(l) === removed(worst))).toHaveLength(1)
    expect((failed.examples as {file: string; line: number}[])[0]).toMatchObject({file: fixture('chrome.jsonl'), line: worst.line})
  })

  it('counts duplicate articles, clusters and the largest cluster from exact copies', () => {
    const lines = readCorpus(fixture('duplicates.jsonl'))
    const want = expectFigures(lines)
    const run = checkJson(['--max-duplicates', '1%', fixture('duplicates.jsonl')])
    expect(run.code).toBe(1)
    expect(run.report.figures.duplicates).toEqual({
      count: want.duplicates,
      share: want.duplicates / want.articles,
      clusters: want.clusters.length,
      largestCluster: want.clusters[0].length
    })
    const [biggest] = run.report.offenders.clusters
    expect(biggest.size).toBe(want.clusters[0].length)
    expect(biggest.cluster).toBe(want.clusters[0][0].record!.id)
    expect(biggest.example.line).toBe(want.clusters[0][1].line)
    expect(check(run.report, 'max-duplicates').passed).toBe(false)
  })

  it('reports n/a for duplicates with --no-dedup and skips their threshold', () => {
    const run = checkJson(['--no-dedup', '--max-duplicates', '1%', fixture('duplicates.jsonl')])
    expect(run.code).toBe(0)
    expect(run.report.figures.duplicates).toBeNull()
    expect(check(run.report, 'max-duplicates')).toMatchObject({passed: null, value: null})
  })

  it('counts broken lines, empty articles and encoding trouble on the input text', () => {
    const lines = readCorpus(fixture('broken.jsonl'))
    const want = expectFigures(lines)
    const run = checkJson(['--max-rejected', '0', fixture('broken.jsonl')])
    expect(run.code).toBe(1)
    const f = run.report.figures
    expect(f.records).toBe(want.records)
    expect(f.rejected).toEqual({count: want.rejected, share: want.rejected / want.records})
    expect(run.report.offenders.rejected.map((r: {line: number}) => r.line)).toEqual(want.rejectedLines)
    expect(f.empty.count).toBe(want.empty)
    expect(f.empty.share).toBe(want.empty / want.articles)
    expect(f.encoding.articles).toBe(want.encoding)
    expect(f.encoding.share).toBe(want.encoding / want.articles)
    expect(f.encoding).toMatchObject({replacement: 1, mojibake: 1, control: 2})
    expect(want).toMatchObject({rejected: 4, empty: 1, encoding: 3})
    // Rejected is a count here (a whole number); with % it is a share of records.
    expect(check(run.report, 'max-rejected')).toMatchObject({passed: false, value: 4, unit: 'count'})
    const share = checkJson(['--max-rejected', '50%', '--max-empty', '1', '--max-encoding-errors', '0.5', fixture('broken.jsonl')])
    expect(share.code).toBe(0)
    expect(check(share.report, 'max-rejected')).toMatchObject({passed: true, unit: 'share', value: want.rejected / want.records})
    expect(check(share.report, 'max-empty')).toMatchObject({passed: true, unit: 'count', value: 1})
  })

  it('names each removal category of the seed sample, with the input line of an example', () => {
    const seedLines = readFileSync(path.join(ROOT, 'samples/seed-witkoff.txt'), 'utf8').split('\n')
    const run = decruft(['check', '-j', '1', 'samples/seed-witkoff.txt'])
    expect(run.code).toBe(0)
    for (const category of ['teaser', 'duplicate', 'placeholder', 'related', 'newsletter', 'cookie']) {
      expect(run.stdout).toMatch(new RegExp(`\\b${category} \\d`))
      expect(run.stdout).toMatch(new RegExp(`\\b${category}/`))
    }
    const json = checkJson(['samples/seed-witkoff.txt']).report
    expect(Object.keys(json.figures.boilerplate.byCategory)).toEqual(expect.arrayContaining(['cookie', 'duplicate', 'newsletter', 'placeholder', 'related', 'teaser']))
    const teaser = json.offenders.rules.find((r: {ruleId: string}) => r.ruleId === 'teaser/all-caps-headline')
    expect(seedLines[teaser.example.line - 1]).toBe(teaser.example.text)
    expect(teaser.example.file).toBe('samples/seed-witkoff.txt')
  })
})

describe('decruft check: boilerplate share agrees with decruft clean', () => {
  it('equals chars removed / chars in from the clean summary on the same corpus', () => {
    const corpus = path.join(dir, 'agree.jsonl')
    const seed = readFileSync(path.join(ROOT, 'samples/seed-witkoff.txt'), 'utf8')
    const paragraphs = seed.split('\n\n')
    const records = [
      {id: 'seed', text: seed},
      {id: 'seed-head', url: 'https://www.example.com/a', text: paragraphs.slice(0, 12).join('\n\n')},
      {id: 'seed-tail', url: 'https://www.example.com/b', text: paragraphs.slice(6).join('\n\n')},
      {id: 'seed-copy', text: seed},
      ...readFileSync(path.join(ROOT, fixture('chrome.jsonl')), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    ]
    let lines = records.map((r) => JSON.stringify(r))
    // A slice of the AEB eval set when it sits beside the repository.
    const aeb = path.join(ROOT, '../shared/eval/aeb/aeb.jsonl')
    if (existsSync(aeb)) lines = [...lines, ...readFileSync(aeb, 'utf8').split('\n').slice(0, 4)]
    writeFileSync(corpus, lines.join('\n') + '\n')
    const summaryFile = path.join(dir, 'agree-summary.json')
    const clean = decruft(['clean', '-j', '1', corpus, '-o', path.join(dir, 'agree-out.jsonl'), '--summary', summaryFile])
    expect(clean.code).toBe(0)
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'))
    const run = checkJson([corpus])
    expect(run.code).toBe(0)
    expect(summary.charsRemoved).toBeGreaterThan(0)
    expect(run.report.figures.boilerplate.charsIn).toBe(summary.charsIn)
    expect(run.report.figures.boilerplate.charsRemoved).toBe(summary.charsRemoved)
    expect(run.report.figures.boilerplate.share).toBe(summary.charsRemoved / summary.charsIn)
    expect(run.report.figures.repeats.articles).toBe(summary.articlesWithRepeats)
  })
})

describe('decruft check: thresholds', () => {
  it('takes thresholds from the pipeline file, and flags override them', () => {
    const strict = checkJson(['-p', 'ci', fixture('chrome.jsonl')])
    expect(strict.code).toBe(1)
    expect(check(strict.report, 'max-boilerplate')).toMatchObject({passed: false, source: 'pipeline', limit: 0.05})
    const loose = checkJson(['-p', 'ci', '--max-boilerplate', '0.3', fixture('chrome.jsonl')])
    expect(loose.code).toBe(0)
    expect(check(loose.report, 'max-boilerplate')).toMatchObject({passed: true, source: 'flag', limit: 0.3})

    const pipeline = path.join(dir, 'gate.yaml')
    writeFileSync(pipeline, 'steps: [normalize, strip-boilerplate, dedupe-paragraphs]\ncheck:\n  maxBoilerplate: 0.25\n  maxEmpty: 0\n')
    const custom = checkJson(['-p', pipeline, fixture('chrome.jsonl')])
    expect(custom.code).toBe(0)
    expect(custom.report.checks.map((c: {name: string}) => c.name)).toEqual(['max-boilerplate', 'max-empty'])
  })

  it('exits 2 on usage errors and unreadable input, with a message', () => {
    const broken = path.join(dir, 'broken.jsonl.gz')
    writeFileSync(broken, gzipSync(readFileSync(path.join(ROOT, fixture('clean.jsonl')))).subarray(0, 200))
    const cases: [string[], RegExp][] = [
      [['--max-boilerplate', '5', fixture('clean.jsonl')], /--max-boilerplate: 5 is not a share \(did you mean 5%\?\)/],
      [['--max-duplicates', 'lots', fixture('clean.jsonl')], /--max-duplicates: expected a share/],
      [['--report-format', 'json,xml', fixture('clean.jsonl')], /unknown report format "xml"/],
      [['--report', path.join(dir, 'x.txt'), fixture('clean.jsonl')], /--report .*x\.txt: name a format/],
      [[path.join(dir, 'missing.jsonl')], /cannot read .*missing\.jsonl/],
      [[broken], /cannot read .*broken\.jsonl\.gz: read failed/],
      [['-p', path.join(dir, 'nope.yaml'), fixture('clean.jsonl')], /nope\.yaml/]
    ]
    for (const [args, message] of cases) {
      const run = decruft(['check', '-j', '1', ...args])
      expect({args, code: run.code}).toEqual({args, code: 2})
      expect(run.stderr).toMatch(message)
    }
  })

  it('counts an empty file as a rejected record, not as unreadable input', () => {
    const empty = path.join(dir, 'empty.jsonl')
    writeFileSync(empty, '')
    const run = checkJson([empty, fixture('clean.jsonl')])
    expect(run.code).toBe(0)
    expect(run.report.figures.rejected.count).toBe(1)
    expect(checkJson(['--max-rejected', '0', empty, fixture('clean.jsonl')]).code).toBe(1)
  })

  it('documents the exit codes and report formats in --help', () => {
    const help = decruft(['check', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Exit codes: 0 every threshold holds, 1 a threshold or the baseline failed,\s+2 usage error/)
    for (const format of ['table', 'json', 'markdown', 'junit', 'github']) expect(help.stdout).toMatch(new RegExp(`\\n  ${format} `))
  })
})

describe('decruft check: reports', () => {
  it('writes json, markdown and junit next to each other with --report, and the table and annotations to stdout', () => {
    const base = path.join(dir, 'out', 'gate.json')
    const summary = path.join(dir, 'step-summary.md')
    writeFileSync(summary, '# earlier step\n')
    const run = decruft(
      ['check', '-j', '1', '-p', 'ci', fixture('chrome.jsonl'), '--report-format', 'table,json', '--report-format', 'markdown,junit,github', '--report', base],
      {env: {...process.env, GITHUB_STEP_SUMMARY: summary}}
    )
    expect(run.code).toBe(1)
    const json = JSON.parse(readFileSync(path.join(dir, 'out', 'gate.json'), 'utf8'))
    expect(json).toMatchObject({format: 'decruft-check-report', version: 1, passed: false})
    const markdown = readFileSync(path.join(dir, 'out', 'gate.md'), 'utf8')
    expect(markdown).toMatch(/^## ❌ decruft check: FAILED \(1 of 5 checks\)/)
    expect(markdown).toMatch(/\| boilerplate \(chars removed\) \| [\d.]+% \| ≤ 5% \| ❌ fail \|/)
    expect(readFileSync(summary, 'utf8')).toBe('# earlier step\n' + markdown)
    expect(readFileSync(path.join(dir, 'out', 'gate.xml'), 'utf8')).toMatch(/^<\?xml/)
    expect(run.stdout).toMatch(/^decruft check: FAILED \(1 of 5 checks\)/)
    expect(run.stdout).toMatch(/^::error file=tests\/fixtures\/check\/chrome\.jsonl,line=\d+,title=decruft check max-boilerplate::/m)
    expect(run.stdout).not.toMatch(/"format": "decruft-check-report"/)
  })

  it('prints every format to stdout without --report; one file format takes the name as given', () => {
    const run = decruft(['check', '-j', '1', fixture('clean.jsonl'), '--report-format', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).format).toBe('decruft-check-report')
    const named = path.join(dir, 'results.xml')
    const xml = decruft(['check', '-j', '1', fixture('clean.jsonl'), '--report', named])
    expect(xml.code).toBe(0)
    expect(readFileSync(named, 'utf8')).toMatch(/<testsuites name="decruft check" tests="0" failures="0"/)
    expect(xml.stdout).toMatch(/^decruft check: no thresholds set/)
  })

  it('junit: one test case per threshold, failures with their examples, XML escaped', () => {
    const odd = path.join(dir, 'a&b<c>"d\'.jsonl')
    copyFileSync(path.join(ROOT, fixture('broken.jsonl')), odd)
    const run = decruft(['check', '-j', '1', '-p', 'ci', odd, '--report-format', 'junit'])
    expect(run.code).toBe(1)
    const xml = run.stdout
    const cases = [...xml.matchAll(/<testcase classname="decruft\.check\.threshold" name="([^"]+)"(\/?)>/g)].map((m) => [m[1], m[2] === '/' ? 'ok' : 'fail'])
    expect(cases).toEqual([
      ['max-boilerplate', 'fail'],
      ['max-duplicates', 'ok'],
      ['max-rejected', 'fail'],
      ['max-encoding-errors', 'fail'],
      ['max-empty', 'fail']
    ])
    expect(xml).toMatch(/<testsuite name="decruft check" tests="5" failures="4" errors="0" skipped="0">/)
    expect(xml).toContain('a&amp;b&lt;c&gt;&quot;d&apos;.jsonl:2: malformed JSON')
    // Well formed: no bare & or <, and no characters XML 1.0 forbids (the control characters of the fixture).
    const text = xml.replace(/<\/?[a-z]+(\s+[a-z]+="[^"<&]*(&(amp|lt|gt|quot|apos);[^"<&]*)*")*\s*\/?>|<\?xml[^>]*\?>/g, '')
    expect(text).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/)
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/)
  })

  it('github: an error at the offending input line for each failed threshold', () => {
    const lines = readCorpus(fixture('broken.jsonl'))
    const want = expectFigures(lines)
    const run = decruft(['check', '-j', '1', fixture('broken.jsonl'), '--max-rejected', '0', '--max-encoding-errors', '10%', '--report-format', 'github'])
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    const rejected = errors.filter((l) => l.includes('title=decruft check max-rejected::'))
    expect(rejected[0]).toBe(
      `::error file=tests/fixtures/check/broken.jsonl,line=${want.rejectedLines[0]},title=decruft check max-rejected::rejected records 4 exceeds the limit 0 (worst: malformed JSON: ${
        /malformed JSON: (.*)/.exec(run.stderr)![1]
      })`
    )
    expect(rejected.map((l) => Number(/line=(\d+)/.exec(l)![1]))).toEqual(want.rejectedLines.slice(0, 3))
    const encodingLines = lines.filter((l) => l.record && /\uFFFD|â€|[\u0000-\u0008]/.test(l.record.text)).map((l) => l.line)
    const encoding = errors.filter((l) => l.includes('max-encoding-errors'))
    expect(encoding[0]).toMatch(/encoding errors 50%25 exceeds the limit 10%25/)
    expect(encoding.map((l) => Number(/line=(\d+)/.exec(l)![1])).sort()).toEqual(encodingLines.sort())
    expect(run.stdout).toMatch(/^::notice title=decruft check::decruft check: FAILED \(2 of 2 checks\)/m)
  })
})

describe('decruft check: baseline ratchet', () => {
  it('fails when a figure got worse than the baseline by more than the tolerance', () => {
    const baseline = path.join(dir, 'baseline-clean.json')
    expect(decruft(['check', '-j', '1', '-p', fixture('rules.yaml'), fixture('clean.jsonl'), '--report', baseline]).code).toBe(0)

    const want = expectFigures(readCorpus(fixture('chrome.jsonl')))
    const worse = checkJson(['--baseline', baseline, fixture('chrome.jsonl'), '-p', fixture('rules.yaml')])
    expect(worse.code).toBe(1)
    expect(worse.report.baseline).toEqual({file: baseline, tolerance: 0.005})
    expect(check(worse.report, 'baseline-boilerplate')).toMatchObject({kind: 'baseline', passed: false, baseline: 0})
    expect(check(worse.report, 'baseline-boilerplate').value).toBeCloseTo(want.charsRemoved / want.charsIn, 12)
    expect(check(worse.report, 'baseline-repeats')).toMatchObject({passed: false, value: want.repeats / want.articles})
    expect(check(worse.report, 'baseline-duplicates')).toMatchObject({passed: true})

    // A tolerance above the worsening lets it through; one just below does not.
    const share = want.charsRemoved / want.charsIn
    const above = (share * 100 + 0.01).toFixed(2) + '%'
    const below = (share * 100 - 0.01).toFixed(2) + '%'
    expect(checkJson(['--baseline', baseline, '--tolerance', above, fixture('chrome.jsonl'), '-p', fixture('rules.yaml')]).code).toBe(0)
    const tight = checkJson(['--baseline', baseline, '--tolerance', below, fixture('chrome.jsonl'), '-p', fixture('rules.yaml')])
    expect(tight.code).toBe(1)
    expect(tight.report.checks.filter((c: {passed: boolean}) => !c.passed).map((c: {name: string}) => c.name)).toEqual(['baseline-boilerplate'])

    // Annotations: a figure failing its threshold and the baseline gets its further examples once.
    const gh = decruft(['check', '-j', '1', '-p', fixture('rules.yaml'), '--max-boilerplate', '5%', '--baseline', baseline, fixture('chrome.jsonl'), '--report-format', 'github'])
    const titles = gh.stdout.split('\n').filter((l) => l.startsWith('::error')).map((l) => /title=decruft check ([\w-]+)::/.exec(l)![1])
    expect(titles.filter((t) => t === 'max-boilerplate')).toHaveLength(3)
    expect(titles.filter((t) => t === 'baseline-boilerplate')).toHaveLength(1)
    expect(titles.filter((t) => t === 'baseline-repeats')).toHaveLength(1)

    // Ratchet: the chrome-heavy report as baseline; the same corpus holds, the clean one improves on it.
    const accepted = path.join(dir, 'baseline-chrome.json')
    expect(decruft(['check', '-j', '1', fixture('chrome.jsonl'), '--report', accepted]).code).toBe(0)
    expect(decruft(['check', '-j', '1', fixture('chrome.jsonl'), '--baseline', accepted]).code).toBe(0)
    expect(decruft(['check', '-j', '1', fixture('clean.jsonl'), '--baseline', accepted]).code).toBe(0)
  })

  it('refuses a foreign, corrupt or newer baseline with exit 2', () => {
    const cases: [string, RegExp][] = [
      ['{"format": "eslint", "results": []}', /is not a decruft check report/],
      ['{"format": "decruft-check-report", "ver', /is not valid JSON/],
      ['{"format": "decruft-check-report", "version": 9, "figures": {}}', /report version 9; this decruft reads version 1/],
      ['{"format": "decruft-check-report", "version": 1, "figures": {"boilerplate": {}}}', /is damaged/]
    ]
    for (const [i, [content, message]] of cases.entries()) {
      const file = path.join(dir, `bad-baseline-${i}.json`)
      writeFileSync(file, content)
      const run = decruft(['check', '-j', '1', fixture('clean.jsonl'), '--baseline', file])
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(message)
    }
    expect(decruft(['check', fixture('clean.jsonl'), '--baseline', path.join(dir, 'none.json')]).stderr).toMatch(/cannot read baseline .*none\.json: ENOENT/)
  })
})
