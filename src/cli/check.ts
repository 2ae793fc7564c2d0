import {Command, InvalidArgumentError, Option} from 'commander'
import {readFileSync} from 'node:fs'
import {appendFile, mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {SourceRef} from '../article/index.js'
import {CheckMeasure} from '../report/check-measure.js'
import {REPORT_FORMATS, renderReport, type ReportFormat} from '../report/check-format.js'
import {buildReport} from '../report/check-report.js'
import {BaselineError, ThresholdError, evaluate, readBaseline, resolveThresholds, type ThresholdSettings} from '../report/check-thresholds.js'
import type {ArticleOutput, RejectOutput} from '../stream/process.js'
import {formatOf} from '../stream/read-inputs.js'
import {setupDedup} from './dedup-setup.js'
import {siteModelOptions, siteModelSetup, type SiteModelFlags} from './site-model-setup.js'
import {CliError, EXIT} from './errors.js'
import {concurrencyOption, inputOptions, type InputFlags} from './options.js'
import {pipelineOrExit, runClean} from './run-clean.js'

interface CheckFlags extends ThresholdSettings, SiteModelFlags, InputFlags {
  concurrency?: number
  dedup: boolean
  baseline?: string
  reportFormat: ReportFormat[]
  report?: string
  rejects?: string
}

/** Formats that can go to a `--report` file, and the extension each gets. */
const FILE_FORMATS: Partial<Record<ReportFormat, string>> = {json: '.json', markdown: '.md', junit: '.xml'}

const HELP = `
Measures a corpus without writing it: the pipeline's cleanup and corpus dedup
(annotate mode) run as in \`decruft clean\`, and the figures are compared with
thresholds (flags override the pipeline file's \`check:\` section) and, with
--baseline, with an earlier JSON report.

Limits: a share as 5% or 0.05; --max-rejected and --max-empty also take a count
(a whole number, e.g. 0). Shares are of articles (records that parsed), except
rejected, which is of records read. Encoding errors count articles whose input
text holds U+FFFD, mojibake (â€™, Ã©) or control characters.

Reports (--report-format, repeatable or comma-separated; default table):
  table     readable table on stdout
  json      versioned report ({"format":"decruft-check-report","version":1});
            what --baseline reads
  markdown  tables for a PR comment; also appended to $GITHUB_STEP_SUMMARY when set
  junit     JUnit XML, one test case per threshold and baseline comparison
  github    GitHub Actions annotations (::error file=...,line=...::) on stdout
Without --report every format goes to stdout. With --report FILE, json,
markdown and junit go to files: FILE itself for one of them, else FILE with
its extension replaced by .json, .md, .xml; table and github stay on stdout.

Exit codes: 0 every threshold holds, 1 a threshold or the baseline failed,
2 usage error, unreadable input or unusable baseline, 130/143 interrupted.`

function collectFormats(value: string, previous: ReportFormat[]): ReportFormat[] {
  const formats = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
  for (const format of formats) {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new InvalidArgumentError(`unknown report format "${format}" (expected ${REPORT_FORMATS.join(', ')})`)
    }
  }
  return [...previous, ...(formats as ReportFormat[])].filter((f, i, all) => all.indexOf(f) === i)
}

/** `decruft check`: a corpus quality gate for CI. */
export function checkCommand(): Command {
  const command = new Command('check')
    .description('measure boilerplate, duplicates, bad records and encoding trouble in a corpus; fail when a threshold is exceeded')
    .argument('[inputs...]', 'files, directories or - for stdin (.jsonl, .json, .txt, .md, optionally .gz)', ['-'])
  for (const option of [...inputOptions(), ...siteModelOptions()]) command.addOption(option)
  return command
    .addOption(concurrencyOption())
    .option('--no-dedup', 'skip corpus dedup (duplicate figures become n/a)')
    .option('--max-boilerplate <share>', 'most characters removed as boilerplate, e.g. 5%')
    .option('--max-duplicates <share>', 'most articles that duplicate another, e.g. 1%')
    .option('--max-rejected <count|share>', 'most bad records, e.g. 0')
    .option('--max-encoding-errors <share>', 'most articles with encoding trouble, e.g. 0.1%')
    .option('--max-empty <count|share>', 'most articles left empty by cleaning')
    .option('--baseline <report.json>', 'fail when a figure is worse than in this earlier JSON report by more than --tolerance')
    .option('--tolerance <points>', 'how much worse than the baseline a figure may get, in percentage points (default 0.5%)')
    .addOption(
      new Option('--report-format <formats>', `report formats: ${REPORT_FORMATS.join(', ')} (repeatable, comma-separated)`)
        .argParser(collectFormats)
        .default([], 'table')
    )
    .option('--report <file>', 'write the json, markdown or junit report to FILE (see below)')
    .option('--rejects <file>', 'write bad records here (JSONL: file, line, error, raw)')
    .addHelpText('after', HELP)
    .action(async (inputs: string[], flags: CheckFlags, cmd: Command) => {
      cmd.setOptionValue('exitCode', await check(inputs, flags))
    })
}

/** Where each report goes. */
export interface ReportPlan {
  stdout: ReportFormat[]
  files: {format: ReportFormat; file: string}[]
  /** Whether markdown is among the formats (for `$GITHUB_STEP_SUMMARY`). */
  markdown: boolean
}

/** Decide where each report format goes (see the help text). */
export function planReports(requested: ReportFormat[], report?: string): ReportPlan {
  let formats = requested.length > 0 ? [...requested] : (['table'] as ReportFormat[])
  if (!report) return {stdout: formats, files: [], markdown: formats.includes('markdown')}
  let toFile = formats.filter((f) => FILE_FORMATS[f])
  if (toFile.length === 0) {
    const ext = path.extname(report).toLowerCase()
    const inferred = (Object.keys(FILE_FORMATS) as ReportFormat[]).find((f) => FILE_FORMATS[f] === ext || (f === 'markdown' && ext === '.markdown'))
    if (!inferred) throw new CliError(`--report ${report}: name a format with --report-format json|markdown|junit, or use a .json, .md or .xml file name`)
    toFile = [inferred]
    if (requested.length === 0) formats = ['table', inferred]
    else formats.push(inferred)
  }
  const base = FILE_EXT_RE.test(report) ? report.replace(FILE_EXT_RE, '') : report
  const files = toFile.map((format) => ({format, file: toFile.length === 1 ? report : base + FILE_FORMATS[format]}))
  return {stdout: formats.filter((f) => !FILE_FORMATS[f]), files, markdown: formats.includes('markdown')}
}

const FILE_EXT_RE = /\.(json|md|markdown|xml)$/i

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
  } catch {
    return 'unknown'
  }
}

async function check(inputs: string[], flags: CheckFlags): Promise<number> {
  const plan = planReports(flags.reportFormat, flags.report)
  const read = {format: flags.format, maxLineBytes: flags.maxLineBytes, textField: flags.textField}
  const {pipeline, stepOptions} = await siteModelSetup(flags, inputs, pipelineOrExit(flags.pipeline), read)
  let thresholds
  try {
    thresholds = resolveThresholds(flags, pipeline.check ?? {})
  } catch (error) {
    if (error instanceof ThresholdError) throw new CliError(error.message)
    throw error
  }
  let baseline
  try {
    baseline = flags.baseline ? await readBaseline(flags.baseline) : undefined
  } catch (error) {
    if (error instanceof BaselineError) throw new CliError(error.message)
    throw error
  }

  const dedup = flags.dedup ? await setupDedup({}, pipeline, 'annotate') : undefined
  const measure = new CheckMeasure({textField: flags.textField, dedup: dedup?.stage !== undefined, wholeFile: wholeFileTest(flags.format)})
  let code: number
  const unreadable: string[] = []
  const onReject = (reject: RejectOutput) => {
    if (isUnreadable(reject)) unreadable.push(`${reject.source.file}: ${reject.error}`)
    measure.add({kind: 'reject', ...reject})
  }
  try {
    const stages = dedup?.stage ? [dedup.stage] : []
    const run = await runClean(
      {...flags, inputs, strict: false, onReject, stages, stepOptions, spool: dedup?.spool, signer: dedup?.signer},
      pipeline,
      async (article) => measure.add({kind: 'article', ...article})
    )
    code = run.code
  } finally {
    await dedup?.finish(false)
  }
  if (code !== EXIT.ok) return code
  if (unreadable.length > 0) {
    for (const problem of unreadable.slice(0, 5)) process.stderr.write(`decruft: cannot read ${problem}\n`)
    throw new CliError(`unreadable input${unreadable.length > 1 ? ` (${unreadable.length} problems)` : ''}: no report written`)
  }

  const figures = measure.figures()
  const offenders = measure.offenders()
  const checks = evaluate(figures, offenders, thresholds.thresholds, baseline ? {figures: baseline, tolerance: thresholds.tolerance} : undefined)
  const report = buildReport({
    decruft: version(),
    pipeline: flags.pipeline,
    inputs,
    figures,
    offenders,
    checks,
    baseline: flags.baseline ? {file: flags.baseline, tolerance: thresholds.tolerance} : undefined
  })

  for (const {format, file} of plan.files) {
    await mkdir(path.dirname(path.resolve(file)), {recursive: true})
    await writeFile(file, renderReport(report, format))
  }
  const summaryFile = process.env.GITHUB_STEP_SUMMARY
  if (plan.markdown && summaryFile) await appendFile(summaryFile, renderReport(report, 'markdown'))
  process.stdout.write(plan.stdout.map((format) => renderReport(report, format)).join('\n'))
  return report.passed ? EXIT.ok : EXIT.failed
}

/** Whether a record is a whole text or Markdown file (so a line in its text is a line of the file). */
function wholeFileTest(format: CheckFlags['format']): (source: SourceRef, article: ArticleOutput) => boolean {
  return (source, article) => {
    if (format === 'text' || format === 'markdown') return true
    if (format !== 'auto') return false
    if (source.file === '-') return source.line === 1 && article.record.id === 'stdin' && Object.keys(article.record).every((k) => ['id', 'text', 'format'].includes(k))
    const implied = formatOf(source.file)
    return implied === 'text' || implied === 'markdown'
  }
}

/**
 * Whether a reject means an input could not be read at all (exit 2): a
 * file-level problem (missing, no permission, unknown type, broken link) or
 * a read that failed midway (broken gzip). An empty file, or a FIFO met inside
 * a directory, is a bad record like any other.
 */
function isUnreadable(reject: RejectOutput): boolean {
  if (/^read failed/.test(reject.error)) return true
  return reject.source.line === 0 && !/^(empty (file|input)|not a regular file)/.test(reject.error)
}
