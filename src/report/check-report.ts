import type {CheckFigures, CheckOffenders} from './check-figures.js'
import {REPORT_FORMAT, REPORT_VERSION, type CheckResult} from './check-thresholds.js'

/**
 * The report of one `decruft check` run. Its JSON form (`--report-format
 * json`) is versioned and is what `--baseline` reads.
 */
export interface CheckReport {
  format: typeof REPORT_FORMAT
  version: typeof REPORT_VERSION
  /** decruft version that wrote it. */
  decruft: string
  /** Every check passed (skipped ones do not count). */
  passed: boolean
  pipeline: string
  inputs: string[]
  figures: CheckFigures
  checks: CheckResult[]
  /** Baseline file compared with, and the tolerance used (a share: 0.005 = half a point). */
  baseline: {file: string; tolerance: number} | null
  offenders: CheckOffenders
}

/** Assemble a report. */
export function buildReport(parts: {
  decruft: string
  pipeline: string
  inputs: string[]
  figures: CheckFigures
  offenders: CheckOffenders
  checks: CheckResult[]
  baseline?: {file: string; tolerance: number}
}): CheckReport {
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    decruft: parts.decruft,
    passed: parts.checks.every((c) => c.passed !== false),
    pipeline: parts.pipeline,
    inputs: parts.inputs,
    figures: parts.figures,
    checks: parts.checks,
    baseline: parts.baseline ?? null,
    offenders: parts.offenders
  }
}

/** Failed checks. */
export function failures(report: CheckReport): CheckResult[] {
  return report.checks.filter((c) => c.passed === false)
}
