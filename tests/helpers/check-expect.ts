import {readFileSync} from 'node:fs'
import path from 'node:path'
import {ROOT} from './cli.js'

/**
 * Expected figures for the check fixtures, computed from how they are built
 * (tests/fixtures/check/make-fixtures.mjs): which paragraphs are chrome,
 * which records are copies, which lines are broken. Nothing here runs decruft.
 */
export const FIXTURES = path.join(ROOT, 'tests/fixtures/check')
export const fixture = (name: string) => path.join('tests/fixtures/check', name)

export const chrome: Record<string, string> = JSON.parse(readFileSync(path.join(FIXTURES, 'chrome.json'), 'utf8'))

/** The category each chrome block belongs to (what the cleanup is meant to call it). */
export const CHROME_CATEGORY: Record<string, string> = {
  cookieNotice: 'cookie',
  cookiePolicy: 'cookie',
  newsletter: 'newsletter',
  placeholder: 'placeholder',
  related: 'related',
  headline1: 'related',
  headline2: 'related'
}
const categoryOfBlock = new Map(Object.entries(chrome).map(([key, text]) => [text, CHROME_CATEGORY[key]]))

export interface Line {
  line: number
  raw: string
  /** The parsed record when the line is a JSON object with a string text. */
  record?: {id: string; url?: string; site?: string; title?: string; text: string}
}

/** The non-blank lines of a JSONL fixture, each parsed when it is a usable record. */
export function readCorpus(file: string): Line[] {
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n')
  const out: Line[] = []
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch {
      out.push({line: i + 1, raw})
      return
    }
    const ok = typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as {text?: unknown}).text === 'string'
    out.push({line: i + 1, raw, record: ok ? (value as Line['record']) : undefined})
  })
  return out
}

/** What cleanup removes from one article: chrome blocks and repeats of an earlier paragraph. */
export function removedBlocks(text: string): {text: string; category: string}[] {
  const seen = new Set<string>()
  const removed: {text: string; category: string}[] = []
  for (const paragraph of text.split('\n\n')) {
    const category = categoryOfBlock.get(paragraph)
    if (category) removed.push({text: paragraph, category})
    else if (seen.has(paragraph)) removed.push({text: paragraph, category: 'duplicate'})
    seen.add(paragraph)
  }
  return removed
}

export function siteOf(record: NonNullable<Line['record']>): string | undefined {
  if (record.site) return record.site
  return record.url ? new URL(record.url).hostname.replace(/^www\./, '') : undefined
}

/** Encoding trouble as the fixtures plant it. */
export const ENCODING_TROUBLE = /\uFFFD|â€|Ã.|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

/** Expected figures for a corpus of fixture records. */
export function expectFigures(lines: Line[]) {
  const records = lines.map((l) => l.record).filter((r) => r !== undefined)
  let charsIn = 0
  let charsRemoved = 0
  const byCategory: Record<string, number> = {}
  const bySite = new Map<string, {charsIn: number; charsRemoved: number}>()
  let repeats = 0
  let empty = 0
  let encoding = 0
  for (const record of records) {
    const removed = removedBlocks(record.text)
    const chars = removed.reduce((n, b) => n + b.text.length, 0)
    charsIn += record.text.length
    charsRemoved += chars
    for (const b of removed) byCategory[b.category] = (byCategory[b.category] ?? 0) + b.text.length
    if (removed.some((b) => b.category === 'duplicate')) repeats++
    if (removed.length === record.text.split('\n\n').length) empty++
    if (ENCODING_TROUBLE.test(record.text)) encoding++
    const site = siteOf(record)
    if (site) {
      const s = bySite.get(site) ?? {charsIn: 0, charsRemoved: 0}
      s.charsIn += record.text.length
      s.charsRemoved += chars
      bySite.set(site, s)
    }
  }
  // Exact copies: every text after its first occurrence is a duplicate.
  const copies = new Map<string, Line[]>()
  for (const l of lines) if (l.record) copies.set(l.record.text, [...(copies.get(l.record.text) ?? []), l])
  const clusters = [...copies.values()].filter((c) => c.length > 1).sort((a, b) => b.length - a.length)
  return {
    records: lines.length,
    articles: records.length,
    rejected: lines.length - records.length,
    rejectedLines: lines.filter((l) => !l.record).map((l) => l.line),
    charsIn,
    charsRemoved,
    byCategory,
    bySite,
    repeats,
    empty,
    encoding,
    duplicates: clusters.reduce((n, c) => n + c.length - 1, 0),
    clusters
  }
}
