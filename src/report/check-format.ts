import type {CheckFigures} from './check-figures.js'
import {failures, type CheckReport} from './check-report.js'
import {pct, type CheckResult, type FigureName} from './check-thresholds.js'

/** Report formats `decruft check` writes. */
export const REPORT_FORMATS = ['table', 'json', 'markdown', 'junit', 'github'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** Render a report in one format. */
export function renderReport(report: CheckReport, format: ReportFormat): string {
  switch (format) {
    case 'table':
      return renderTable(report)
    case 'json':
      return JSON.stringify(report, null, 2) + '\n'
    case 'markdown':
      return renderMarkdown(report)
    case 'junit':
      return renderJunit(report)
    case 'github':
      return renderGithub(report)
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

interface Row {
  figure: FigureName | 'languages'
  label: string
  value: string
  detail?: string
}

/** The figures as rows: what each measures, its value, and a detail line. */
function rows(f: CheckFigures): Row[] {
  const categories = Object.entries(f.boilerplate.byCategory)
    .map(([name, c]) => `${name} ${pct(c.share)}`)
    .join(', ')
  const reasons = Object.entries(f.empty.byReason)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ')
  return [
    {
      figure: 'boilerplate',
      label: 'boilerplate (chars removed)',
      value: pct(f.boilerplate.share),
      detail: `${f.boilerplate.charsRemoved} of ${f.boilerplate.charsIn} chars${categories ? `; ${categories}` : ''}`
    },
    {
      figure: 'duplicates',
      label: 'duplicate articles',
      value: f.duplicates ? pct(f.duplicates.share) : 'n/a',
      detail: f.duplicates
        ? `${plural(f.duplicates.count, 'duplicate')} in ${plural(f.duplicates.clusters, 'cluster')}, largest ${f.duplicates.largestCluster}`
        : 'corpus dedup off'
    },
    {figure: 'rejected', label: 'rejected records', value: String(f.rejected.count), detail: `${pct(f.rejected.share)} of ${plural(f.records, 'record')}`},
    {
      figure: 'encoding',
      label: 'encoding errors',
      value: pct(f.encoding.share),
      detail: `${plural(f.encoding.articles, 'article')}; U+FFFD ${f.encoding.replacement}, mojibake ${f.encoding.mojibake}, control ${f.encoding.control}`
    },
    {figure: 'empty', label: 'empty after cleaning', value: pct(f.empty.share), detail: `${plural(f.empty.count, 'article')}${reasons ? ` (${reasons})` : ''}`},
    {figure: 'repeats', label: 'repeated paragraphs', value: pct(f.repeats.share), detail: plural(f.repeats.articles, 'article')},
    {
      figure: 'languages',
      label: 'languages',
      value: f.languages ? Object.entries(f.languages).map(([l, n]) => `${l} ${n}`).join(', ') : 'n/a',
      detail: f.languages ? undefined : 'no language step'
    }
  ]
}

function checkFor(report: CheckReport, figure: string, kind: CheckResult['kind']): CheckResult | undefined {
  return report.checks.find((c) => c.figure === figure && c.kind === kind)
}

function limitText(check: CheckResult | undefined): string {
  if (!check) return '-'
  return check.unit === 'share' ? `≤ ${pct(check.limit)}` : `≤ ${check.limit}`
}

function status(checks: (CheckResult | undefined)[]): string {
  const present = checks.filter((c): c is CheckResult => c !== undefined)
  if (present.length === 0) return '-'
  if (present.some((c) => c.passed === false)) return 'FAIL'
  if (present.every((c) => c.passed === null)) return 'skipped'
  return 'ok'
}

function headline(report: CheckReport): string {
  const failed = failures(report).length
  const total = report.checks.length
  const f = report.figures
  const verdict = total === 0 ? 'no thresholds set' : failed > 0 ? `FAILED (${failed} of ${total} checks)` : `passed (${total} checks)`
  return `decruft check: ${verdict}; ${plural(f.records, 'record')}, ${plural(f.articles, 'article')}, ${f.rejected.count} rejected`
}

function pad(cells: string[][]): string[] {
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => [...row[i]].length)))
  return cells.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - [...cell].length)))
      .join('  ')
      .trimEnd()
  )
}

/** A readable table for a terminal or a CI log. */
export function renderTable(report: CheckReport): string {
  const lines = [headline(report), '']
  const baseline = report.baseline !== null
  const header = ['figure', 'value', 'limit', ...(baseline ? ['baseline'] : []), 'status', 'detail']
  const cells = [header]
  for (const row of rows(report.figures)) {
    const threshold = checkFor(report, row.figure, 'threshold')
    const base = checkFor(report, row.figure, 'baseline')
    cells.push([
      row.label,
      row.value,
      limitText(threshold),
      ...(baseline ? [base?.baseline !== undefined ? pct(base.baseline) : '-'] : []),
      status([threshold, base]),
      row.detail ?? ''
    ])
  }
  lines.push(...pad(cells).map((l) => '  ' + l))
  if (report.baseline) lines.push('', `  baseline ${report.baseline.file}, tolerance ${pct(report.baseline.tolerance).replace('%', '')} points`)
  lines.push(...offenderLines(report))
  const failed = failures(report)
  if (failed.length > 0) {
    lines.push('', 'failed:')
    for (const check of failed) {
      lines.push(`  ${check.name}: ${check.message}`)
      for (const example of check.examples.slice(0, 3)) lines.push(`    ${example.file}:${example.line}  ${example.text}`)
    }
  }
  return lines.join('\n') + '\n'
}

function offenderLines(report: CheckReport): string[] {
  const o = report.offenders
  const lines: string[] = []
  if (o.rules.length > 0) {
    lines.push('', 'rules that fired most:')
    lines.push(
      ...pad(o.rules.map((r) => [String(r.count), r.ruleId, `${r.chars} chars`, `${r.example.file}:${r.example.line}`, `“${r.example.text}”`])).map(
        (l) => '  ' + l
      )
    )
  }
  if (o.sites.length > 0) {
    lines.push('', 'sites with most chrome:')
    lines.push(
      ...pad(
        o.sites.map((s) => [
          s.site,
          `${pct(s.share)} of ${s.charsIn} chars${s.approximate ? ' (approx.)' : ''}`,
          plural(s.articles, 'article'),
          s.example ? `${s.example.file}:${s.example.line}` : '',
          s.example ? `“${s.example.text}”` : ''
        ])
      ).map((l) => '  ' + l)
    )
  }
  if (o.clusters.length > 0) {
    lines.push('', 'biggest duplicate clusters:')
    lines.push(
      ...pad(o.clusters.map((c) => [String(c.size), c.cluster, `${c.example.file}:${c.example.line}`, `“${c.example.text}”`])).map((l) => '  ' + l)
    )
  }
  return lines
}

const mdCell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const mdCode = (text: string) => '`' + text.replace(/`/g, 'ˋ') + '`'

/** Markdown, for a pull request comment or `$GITHUB_STEP_SUMMARY`. */
export function renderMarkdown(report: CheckReport): string {
  const failed = failures(report)
  const icon = failed.length > 0 ? '❌' : '✅'
  const lines = [`## ${icon} ${mdCell(headline(report))}`, '']
  const baseline = report.baseline !== null
  lines.push(`| figure | value | limit |${baseline ? ' baseline |' : ''} status | detail |`, `| --- | ---: | ---: |${baseline ? ' ---: |' : ''} --- | --- |`)
  for (const row of rows(report.figures)) {
    const threshold = checkFor(report, row.figure, 'threshold')
    const base = checkFor(report, row.figure, 'baseline')
    const st = status([threshold, base])
    const cells = [
      row.label,
      row.value,
      limitText(threshold),
      ...(baseline ? [base?.baseline !== undefined ? pct(base.baseline) : '-'] : []),
      st === 'FAIL' ? '❌ fail' : st === 'ok' ? '✅ ok' : st,
      row.detail ?? ''
    ]
    lines.push(`| ${cells.map(mdCell).join(' | ')} |`)
  }
  if (report.baseline) lines.push('', `Baseline \`${mdCell(report.baseline.file)}\`, tolerance ${pct(report.baseline.tolerance).replace('%', '')} percentage points.`)
  if (failed.length > 0) {
    lines.push('', '### Failed', '')
    for (const check of failed) {
      lines.push(`- **${check.name}**: ${mdCell(check.message)}`)
      for (const example of check.examples.slice(0, 3)) lines.push(`  - ${mdCode(`${example.file}:${example.line}`)} ${mdCell(example.text)}`)
    }
  }
  const o = report.offenders
  if (o.rules.length > 0) {
    lines.push('', '### Rules that fired most', '', '| rule | removals | chars | example |', '| --- | ---: | ---: | --- |')
    for (const r of o.rules) {
      lines.push(`| ${mdCode(r.ruleId)} | ${r.count} | ${r.chars} | ${mdCode(`${r.example.file}:${r.example.line}`)} ${mdCell(r.example.text)} |`)
    }
  }
  if (o.sites.length > 0) {
    lines.push('', '### Sites with most chrome', '', '| site | chrome | articles | example |', '| --- | ---: | ---: | --- |')
    for (const s of o.sites) {
      const example = s.example ? `${mdCode(`${s.example.file}:${s.example.line}`)} ${mdCell(s.example.text)}` : ''
      lines.push(`| ${mdCell(s.site)} | ${pct(s.share)}${s.approximate ? ' (approx.)' : ''} | ${s.articles} | ${example} |`)
    }
  }
  if (o.clusters.length > 0) {
    lines.push('', '### Biggest duplicate clusters', '', '| size | representative | example |', '| ---: | --- | --- |')
    for (const c of o.clusters) lines.push(`| ${c.size} | ${mdCode(c.cluster)} | ${mdCode(`${c.example.file}:${c.example.line}`)} ${mdCell(c.example.text)} |`)
  }
  return lines.join('\n') + '\n'
}

/** Escape text for XML 1.0 content and attributes; characters XML cannot hold become `\uXXXX`. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => {
      return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
    })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** JUnit XML: one test case per threshold (and per baseline comparison). */
export function renderJunit(report: CheckReport): string {
  const failed = failures(report).length
  const skipped = report.checks.filter((c) => c.passed === null).length
  const tests = report.checks.length
  const attrs = `name="decruft check" tests="${tests}" failures="${failed}" errors="0" skipped="${skipped}"`
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites ${attrs}>`, `  <testsuite ${attrs}>`]
  for (const check of report.checks) {
    const open = `    <testcase classname="decruft.check.${check.kind}" name="${xmlEscape(check.name)}">`
    if (check.passed === true) {
      lines.push(`    <testcase classname="decruft.check.${check.kind}" name="${xmlEscape(check.name)}"/>`)
    } else if (check.passed === null) {
      lines.push(open, `      <skipped message="${xmlEscape(check.message)}"/>`, '    </testcase>')
    } else {
      const body = [check.message, ...check.examples.map((e) => `${e.file}:${e.line}: ${e.text}`)].join('\n')
      lines.push(open, `      <failure type="${check.kind}" message="${xmlEscape(check.message)}">${xmlEscape(body)}</failure>`, '    </testcase>')
    }
  }
  lines.push('  </testsuite>', '</testsuites>')
  return lines.join('\n') + '\n'
}

/** Escape a GitHub workflow command's message. */
export function ghData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a GitHub workflow command's property value. */
export function ghProperty(text: string): string {
  return ghData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** Examples annotated per failed check, after the first. */
const EXTRA_ANNOTATIONS = 2

/**
 * GitHub Actions workflow commands: an `::error` per failed check at the
 * worst offending input line, a few more at the next worst, and a `::notice`
 * with the verdict.
 */
export function renderGithub(report: CheckReport): string {
  const lines: string[] = []
  const annotated = new Set<string>()
  for (const check of failures(report)) {
    const title = `decruft check ${check.name}`
    const [first, ...rest] = check.examples
    const where = first ? `file=${ghProperty(first.file)},line=${first.line},` : ''
    lines.push(`::error ${where}title=${ghProperty(title)}::${ghData(check.message + (first ? ` (worst: ${first.text})` : ''))}`)
    // A figure that fails its threshold and the baseline gets its further examples once.
    if (annotated.has(check.figure)) continue
    annotated.add(check.figure)
    for (const example of rest.slice(0, EXTRA_ANNOTATIONS)) {
      lines.push(`::error file=${ghProperty(example.file)},line=${example.line},title=${ghProperty(title)}::${ghData(example.text)}`)
    }
  }
  lines.push(`::notice title=decruft check::${ghData(headline(report))}`)
  return lines.join('\n') + '\n'
}
