import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {planReports} from '../src/cli/check.js'
import {CliError} from '../src/cli/errors.js'
import {scanEncoding} from '../src/report/check-encoding.js'
import {ghData, ghProperty, xmlEscape} from '../src/report/check-format.js'
import {CheckMeasure} from '../src/report/check-measure.js'
import {TOP} from '../src/report/check-figures.js'
import {parseLimit, pct, ThresholdError} from '../src/report/check-thresholds.js'
import {HeavyHitters, TopK} from '../src/report/check-top.js'
import type {RunResult} from '../src/stream/runner.js'

describe('encoding trouble', () => {
  it('finds replacement characters, mojibake and control characters', () => {
    expect(scanEncoding('It\u00e2\u20ac\u2122s here')).toMatchObject({mojibake: 1, replacement: 0, control: 0})
    expect(scanEncoding('caf\u00c3\u00a9 and cr\u00c3\u00a8me')).toMatchObject({mojibake: 2})
    expect(scanEncoding('\u00c2\u00a0price')).toMatchObject({mojibake: 1})
    expect(scanEncoding('\u00e6\u2014\u00a5\u00e6\u0153\u00ac')).toMatchObject({mojibake: 2}) // 日本 read as Windows-1252
    expect(scanEncoding('bad \ufffd\ufffd byte')).toMatchObject({replacement: 2})
    expect(scanEncoding('bell\u0007 nul\u0000 del\u007f c1\u0085')).toMatchObject({control: 4})
    // A C1 control inside a mojibake sequence counts once, as mojibake.
    expect(scanEncoding('\u00e2\u20ac\u009d')).toMatchObject({mojibake: 1, control: 0})
    expect(scanEncoding('x\u00c3\u00a9').first).toEqual({offset: 1, kind: 'mojibake', found: '\u00c3\u00a9'})
  })

  it('leaves correct text alone: accents, German quotes, tabs and line breaks, other scripts', () => {
    for (const text of [
      'naïve café, crème brûlée, Ærøskøbing, São Paulo',
      'Er sagte „Gruß“ und ging. Straße — „Öl“',
      'tab\there\r\nnext line\n',
      '日本語のテキスト, русский текст, ελληνικά',
      'It’s “quoted” … and ‘single’ — fine',
      '© 2024 · 20 °C · 5 € · ½'
    ]) {
      expect(scanEncoding(text)).toEqual({replacement: 0, mojibake: 0, control: 0})
    }
  })

  it('finds the mojibake of any accented Latin-1 letter encoded as UTF-8 and read as Windows-1252', () => {
    const cp1252 = new TextDecoder('windows-1252')
    fc.assert(
      fc.property(fc.integer({min: 0xc0, max: 0xff}), (code) => {
        const bad = cp1252.decode(new TextEncoder().encode(String.fromCharCode(code)))
        expect(scanEncoding(`word ${bad} word`).mojibake).toBe(1)
      })
    )
  })
})

describe('limits', () => {
  it('reads shares as 5% or 0.05 and counts as whole numbers where allowed', () => {
    expect(parseLimit('5%', false, 'x')).toEqual({value: 0.05, unit: 'share'})
    expect(parseLimit('0.05', false, 'x')).toEqual({value: 0.05, unit: 'share'})
    expect(parseLimit(0.1, false, 'x')).toEqual({value: 0.1, unit: 'share'})
    expect(parseLimit('0.1%', false, 'x').value).toBeCloseTo(0.001, 15)
    expect(parseLimit('0', true, 'x')).toEqual({value: 0, unit: 'count'})
    expect(parseLimit(3, true, 'x')).toEqual({value: 3, unit: 'count'})
    expect(parseLimit('2%', true, 'x')).toEqual({value: 0.02, unit: 'share'})
    expect(parseLimit('0.5', true, 'x')).toEqual({value: 0.5, unit: 'share'})
    expect(() => parseLimit('5', false, '--max-boilerplate')).toThrow(/did you mean 5%/)
    expect(() => parseLimit('150%', false, 'x')).toThrow(ThresholdError)
    expect(() => parseLimit('-1', true, 'x')).toThrow(ThresholdError)
    expect(() => parseLimit('five', true, 'x')).toThrow(/expected a share such as 5% or 0.05, or a count/)
  })

  it('formats shares as percentages', () => {
    expect([pct(0), pct(0.05), pct(0.1234567), pct(1), pct(0.00004), pct(0.0000123), pct(1e-9)]).toEqual(['0%', '5%', '12.35%', '100%', '0.004%', '0.0012%', '0.0000001%'])
  })
})

describe('escaping', () => {
  it('escapes XML and replaces characters XML 1.0 cannot hold', () => {
    expect(xmlEscape(`a&b<c>"d'e`)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;e')
    expect(xmlEscape('bell\u0007 nul\u0000 ok\ttab\nline')).toBe('bell\\u0007 nul\\u0000 ok\ttab\nline')
    expect(xmlEscape('lone \ud800 pair 😀')).toBe('lone \\uD800 pair 😀')
  })

  it('escapes GitHub workflow command data and properties', () => {
    expect(ghData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext')
    expect(ghProperty('dir/a:b,c%.jsonl')).toBe('dir/a%3Ab%2Cc%25.jsonl')
  })
})

describe('report destinations', () => {
  it('sends every format to stdout without --report', () => {
    expect(planReports([])).toEqual({stdout: ['table'], files: [], markdown: false})
    expect(planReports(['github', 'markdown'])).toEqual({stdout: ['github', 'markdown'], files: [], markdown: true})
  })

  it('sends json, markdown and junit to files with --report; table and github stay on stdout', () => {
    expect(planReports(['json'], 'r.out')).toEqual({stdout: [], files: [{format: 'json', file: 'r.out'}], markdown: false})
    expect(planReports(['table', 'json', 'markdown', 'junit', 'github'], 'ci/check.json')).toEqual({
      stdout: ['table', 'github'],
      files: [
        {format: 'json', file: 'ci/check.json'},
        {format: 'markdown', file: 'ci/check.md'},
        {format: 'junit', file: 'ci/check.xml'}
      ],
      markdown: true
    })
    expect(planReports(['json', 'junit'], 'check').files.map((f) => f.file)).toEqual(['check.json', 'check.xml'])
    expect(planReports([], 'report.json')).toEqual({stdout: ['table'], files: [{format: 'json', file: 'report.json'}], markdown: false})
    expect(planReports(['github'], 'summary.md')).toEqual({stdout: ['github'], files: [{format: 'markdown', file: 'summary.md'}], markdown: true})
    expect(() => planReports(['table'], 'report.txt')).toThrow(CliError)
  })
})

describe('bounded top lists', () => {
  it('TopK keeps the k highest scores, earliest first among ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: 0, max: 20})), fc.integer({min: 0, max: 6}), (scores, k) => {
        const top = new TopK<number>(k)
        scores.forEach((score, i) => top.offer(score, i))
        const want = scores
          .map((score, i) => ({score, i}))
          .sort((a, b) => b.score - a.score || a.i - b.i)
          .slice(0, k)
          .map((e) => e.i)
        expect(top.values()).toEqual(want)
      })
    )
  })

  it('HeavyHitters stays within its capacity, is exact below it and finds any key heavier than total/capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({min: 0, max: 40}), fc.integer({min: 0, max: 50})), {maxLength: 300}), fc.integer({min: 1, max: 12}), (adds, capacity) => {
        const hh = new HeavyHitters<null>(capacity, () => null)
        const truth = new Map<string, number>()
        let total = 0
        for (const [key, weight] of adds) {
          hh.add(String(key), weight)
          truth.set(String(key), (truth.get(String(key)) ?? 0) + weight)
          total += weight
        }
        expect(hh.size).toBeLessThanOrEqual(capacity)
        const counters = hh.top(capacity)
        for (const c of counters) {
          expect(c.weight).toBeGreaterThanOrEqual(truth.get(c.key)!)
          expect(c.weight - c.error).toBeLessThanOrEqual(truth.get(c.key)!)
        }
        if (truth.size <= capacity) for (const c of counters) expect(c.error).toBe(0)
        for (const [key, weight] of truth) if (weight > total / capacity) expect(counters.map((c) => c.key)).toContain(key)
      })
    )
  })
})

describe('CheckMeasure memory', () => {
  it('keeps its structures bounded over many articles from many sites', () => {
    const measure = new CheckMeasure({dedup: true, siteCapacity: 64})
    const n = 20_000
    for (let i = 0; i < n; i++) {
      const text = `Paragraph number ${i} of the story.\n\nCookie policy`
      const duplicate = i % 100 === 99
      const result: RunResult = {
        kind: 'article',
        seq: i,
        id: `a${i}`,
        source: {file: 'big.jsonl', line: i + 1},
        record: {id: `a${i}`, url: `https://site${i % 5000}.example.com/${i}`, text: i % 7 === 0 ? text + '\ufffd' : text},
        text: `Paragraph number ${i} of the story.`,
        status: duplicate ? 'duplicate' : 'kept',
        messages: [{ruleId: 'cookie/policy-link', category: 'cookie', reason: 'cookie policy link', line: 3, actual: 'Cookie policy'}],
        removed: {cookie: 1},
        charsIn: text.length,
        charsRemoved: 13,
        dedup: duplicate ? {cluster: `a${i - 1 - (i % 1000 < 500 ? 0 : 1)}`, duplicateOf: `a${i - 1}`} : {cluster: `a${i}`}
      }
      measure.add(result)
    }
    const footprint = measure.footprint
    expect(footprint.sites).toBeLessThanOrEqual(64)
    expect(footprint.rules).toBe(1)
    expect(footprint.lists).toBeLessThanOrEqual(5 * TOP)
    expect(footprint.clusters).toBe(n / 100)
    const figures = measure.figures()
    expect(figures.duplicates).toMatchObject({count: n / 100, clusters: n / 100, largestCluster: 2})
    expect(figures.encoding.articles).toBe(Math.ceil(n / 7))
    expect(figures.boilerplate.byCategory.cookie).toEqual({blocks: n, chars: 13 * n, share: (13 * n) / figures.boilerplate.charsIn})
    expect(measure.offenders().sites.length).toBeLessThanOrEqual(TOP)
  })
})
