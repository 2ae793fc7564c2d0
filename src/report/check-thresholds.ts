import {readFile} from 'node:fs/promises'
import type {CheckFigures, CheckOffenders, Place} from './check-figures.js'

/** Figures a check can be about. */
export type FigureName = 'boilerplate' | 'duplicates' | 'rejected' | 'encoding' | 'empty' | 'repeats'

/** Threshold settings as written in a pipeline's `check:` section or given as flags. */
export interface ThresholdSettings {
  maxBoilerplate?: number | string
  maxDuplicates?: number | string
  maxRejected?: number | string
  maxEncodingErrors?: number | string
  maxEmpty?: number | string
  tolerance?: number | string
}

/** A limit: a share (fraction) or a count. */
export interface Limit {
  value: number
  unit: 'share' | 'count'
}

/** One threshold: its setting, flag, figure and whether it may be a count. */
export const THRESHOLDS = [
  {key: 'maxBoilerplate', flag: 'max-boilerplate', figure: 'boilerplate', label: 'boilerplate', counts: false},
  {key: 'maxDuplicates', flag: 'max-duplicates', figure: 'duplicates', label: 'duplicates', counts: false},
  {key: 'maxRejected', flag: 'max-rejected', figure: 'rejected', label: 'rejected records', counts: true},
  {key: 'maxEncodingErrors', flag: 'max-encoding-errors', figure: 'encoding', label: 'encoding errors', counts: false},
  {key: 'maxEmpty', flag: 'max-empty', figure: 'empty', label: 'empty after cleaning', counts: true}
] as const satisfies readonly {key: keyof ThresholdSettings; flag: string; figure: FigureName; label: string; counts: boolean}[]

/** Figures compared with a baseline, and their labels. */
export const BASELINE_FIGURES: {figure: FigureName; label: string}[] = [
  {figure: 'boilerplate', label: 'boilerplate'},
  {figure: 'duplicates', label: 'duplicates'},
  {figure: 'rejected', label: 'rejected records'},
  {figure: 'encoding', label: 'encoding errors'},
  {figure: 'empty', label: 'empty after cleaning'},
  {figure: 'repeats', label: 'articles with repeated paragraphs'}
]

/** Default baseline tolerance: half a percentage point. */
export const DEFAULT_TOLERANCE = 0.005

/** A threshold or baseline value that cannot be understood. */
export class ThresholdError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ThresholdError'
  }
}

/**
 * Parse a limit: `5%` or `0.05` is a share; with `counts`, a whole number
 * (`0`, `3`) is a count. Without `counts`, numbers above 1 need a `%`.
 */
export function parseLimit(input: number | string, counts: boolean, what: string): Limit {
  const text = String(input).trim()
  const percent = /^([0-9]*\.?[0-9]+)\s*%$/.exec(text)
  if (percent) {
    const value = Number(percent[1]) / 100
    if (value > 1) throw new ThresholdError(`${what}: ${text} is more than 100%`)
    return {value, unit: 'share'}
  }
  if (!/^[0-9]*\.?[0-9]+$/.test(text)) throw new ThresholdError(`${what}: expected a share such as 5% or 0.05${counts ? ', or a count such as 0' : ''}, got "${text}"`)
  const value = Number(text)
  if (counts && Number.isInteger(value)) return {value, unit: 'count'}
  if (value > 1) throw new ThresholdError(`${what}: ${text} is not a share (did you mean ${text}%?)`)
  return {value, unit: 'share'}
}

/** A threshold in force, and where it was set. */
export interface ResolvedThreshold {
  name: string
  figure: FigureName
  label: string
  limit: Limit
  source: 'flag' | 'pipeline'
}

/** Thresholds from flags over the pipeline's `check:` section, and the baseline tolerance. */
export function resolveThresholds(flags: ThresholdSettings, pipeline: ThresholdSettings = {}): {thresholds: ResolvedThreshold[]; tolerance: number} {
  const thresholds: ResolvedThreshold[] = []
  for (const t of THRESHOLDS) {
    const fromFlag = flags[t.key]
    const given = fromFlag ?? pipeline[t.key]
    if (given === undefined) continue
    const what = fromFlag !== undefined ? `--${t.flag}` : `check.${t.key}`
    thresholds.push({name: t.flag, figure: t.figure, label: t.label, limit: parseLimit(given, t.counts, what), source: fromFlag !== undefined ? 'flag' : 'pipeline'})
  }
  const toleranceGiven = flags.tolerance ?? pipeline.tolerance
  const tolerance =
    toleranceGiven === undefined ? DEFAULT_TOLERANCE : parseLimit(toleranceGiven, false, flags.tolerance !== undefined ? '--tolerance' : 'check.tolerance').value
  return {thresholds, tolerance}
}

/** The outcome of one threshold or baseline comparison. */
export interface CheckResult {
  /** `max-boilerplate`, ..., or `baseline-boilerplate`, ... */
  name: string
  kind: 'threshold' | 'baseline'
  figure: FigureName
  /** The measured value (share or count, as the limit), `null` when not measured. */
  value: number | null
  /** The limit: the threshold, or baseline value + tolerance. */
  limit: number
  unit: 'share' | 'count'
  /** For baseline checks: the baseline's value. */
  baseline?: number
  source: 'flag' | 'pipeline' | 'baseline'
  /** `null`: skipped (the figure is not measured, e.g. dedup off). */
  passed: boolean | null
  message: string
  /** Where to look: the worst offending input lines. */
  examples: (Place & {text: string})[]
}

/** A figure as a share, or a count. */
export function figureValue(figures: CheckFigures, figure: FigureName, unit: 'share' | 'count'): number | null {
  switch (figure) {
    case 'boilerplate':
      return unit === 'share' ? figures.boilerplate.share : figures.boilerplate.charsRemoved
    case 'duplicates':
      return figures.duplicates === null ? null : unit === 'share' ? figures.duplicates.share : figures.duplicates.count
    case 'rejected':
      return unit === 'share' ? figures.rejected.share : figures.rejected.count
    case 'encoding':
      return unit === 'share' ? figures.encoding.share : figures.encoding.articles
    case 'empty':
      return unit === 'share' ? figures.empty.share : figures.empty.count
    case 'repeats':
      return unit === 'share' ? figures.repeats.share : figures.repeats.articles
  }
}

/** The places that explain a figure, worst first. */
export function examplesFor(offenders: CheckOffenders, figure: FigureName): (Place & {text: string})[] {
  const pick = (list: (Place & {text: string})[]) => list.map(({file, line, text}) => ({file, line, text}))
  switch (figure) {
    case 'boilerplate':
      return offenders.boilerplate.map((e) => ({file: e.file, line: e.line, text: `${e.ruleId}: ${e.text}`}))
    case 'duplicates':
      return offenders.clusters.map((c) => ({file: c.example.file, line: c.example.line, text: `cluster of ${c.size} (${c.cluster}): ${c.example.text}`}))
    case 'rejected':
      return offenders.rejected.map((r) => ({file: r.file, line: r.line, text: r.error}))
    case 'encoding':
      return pick(offenders.encoding)
    case 'empty':
      return offenders.empty.map((e) => ({file: e.file, line: e.line, text: `${e.reason}: ${e.text}`}))
    case 'repeats':
      return pick(offenders.repeats)
  }
}

/** Format a share as a percentage: `5%`, `1.23%`, `0.0042%`. */
export function pct(share: number): string {
  if (share === 0) return '0%'
  const v = share * 100
  // Two decimals, or two significant digits below 0.01%.
  const digits = Math.abs(v) >= 0.01 ? 2 : Math.min(20, Math.ceil(-Math.log10(Math.abs(v))) + 1)
  const text = v.toFixed(digits).replace(/\.?0+$/, '')
  return `${text}%`
}

/** Format a difference of shares in percentage points. */
export function points(diff: number): string {
  return `${pct(diff).replace('%', '')} points`
}

function show(value: number, unit: 'share' | 'count'): string {
  return unit === 'share' ? pct(value) : String(value)
}

/** Compare figures with thresholds and, when given, a baseline's figures. */
export function evaluate(
  figures: CheckFigures,
  offenders: CheckOffenders,
  thresholds: ResolvedThreshold[],
  baseline?: {figures: CheckFigures; tolerance: number}
): CheckResult[] {
  const results: CheckResult[] = []
  for (const t of thresholds) {
    const value = figureValue(figures, t.figure, t.limit.unit)
    const passed = value === null ? null : value <= t.limit.value + 1e-12
    const limit = show(t.limit.value, t.limit.unit)
    const message =
      value === null
        ? `${t.label}: not measured (corpus dedup is off), limit ${limit} not checked`
        : `${t.label} ${show(value, t.limit.unit)} ${passed ? 'within' : 'exceeds'} the limit ${limit}`
    results.push({
      name: t.name,
      kind: 'threshold',
      figure: t.figure,
      value,
      limit: t.limit.value,
      unit: t.limit.unit,
      source: t.source,
      passed,
      message,
      examples: passed === false ? examplesFor(offenders, t.figure) : []
    })
  }
  if (baseline) {
    for (const {figure, label} of BASELINE_FIGURES) {
      const now = figureValue(figures, figure, 'share')
      const before = figureValue(baseline.figures, figure, 'share')
      if (now === null || before === null) continue
      const worse = now - before
      const passed = worse <= baseline.tolerance + 1e-12
      const message = passed
        ? `${label} ${pct(now)}, baseline ${pct(before)} (tolerance ${points(baseline.tolerance)})`
        : `${label} ${pct(now)} is ${points(worse)} worse than the baseline ${pct(before)} (tolerance ${points(baseline.tolerance)})`
      results.push({
        name: `baseline-${figure}`,
        kind: 'baseline',
        figure,
        value: now,
        limit: before + baseline.tolerance,
        unit: 'share',
        baseline: before,
        source: 'baseline',
        passed,
        message,
        examples: passed ? [] : examplesFor(offenders, figure)
      })
    }
  }
  return results
}

/** The report format's name, in every JSON report. */
export const REPORT_FORMAT = 'decruft-check-report'
/** The report version this decruft writes and reads. */
export const REPORT_VERSION = 1

/** A baseline file that cannot be used. */
export class BaselineError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BaselineError'
  }
}

/** Read a JSON report written by `decruft check --report-format json`, for `--baseline`. */
export async function readBaseline(file: string): Promise<CheckFigures> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new BaselineError(`baseline ${file} is not valid JSON (${(error as Error).message}); expected a report written by decruft check --report-format json`)
  }
  const report = data as {format?: unknown; version?: unknown; figures?: unknown}
  if (typeof data !== 'object' || data === null || report.format !== REPORT_FORMAT) {
    throw new BaselineError(`baseline ${file} is not a decruft check report (no "format": "${REPORT_FORMAT}"); write one with --report-format json --report FILE`)
  }
  if (report.version !== REPORT_VERSION) {
    throw new BaselineError(`baseline ${file} is report version ${JSON.stringify(report.version)}; this decruft reads version ${REPORT_VERSION}`)
  }
  const figures = report.figures as CheckFigures | undefined
  const missing = ['boilerplate', 'rejected', 'encoding', 'empty', 'repeats'].filter(
    (key) => typeof (figures as unknown as Record<string, {share?: unknown}> | undefined)?.[key]?.share !== 'number'
  )
  if (!figures || missing.length > 0 || (figures.duplicates !== null && typeof figures.duplicates?.share !== 'number')) {
    throw new BaselineError(`baseline ${file} is damaged: figures ${missing.length ? missing.join(', ') : 'duplicates'} missing or not numbers`)
  }
  return figures
}
