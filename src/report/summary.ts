import type {RunResult} from '../stream/runner.js'

/** Counts for one run; they always add up: in = kept + dropped + duplicates + rejected. */
export interface SummaryCounts {
  in: number
  kept: number
  /** Dropped articles by reason (`empty`, `too-short`). */
  dropped: Record<string, number>
  duplicates: number
  rejected: number
  /** Removed blocks by category, over all articles (normalization changes excluded). */
  removed: Record<string, number>
  /** Characters read, and characters of removed blocks. */
  charsIn: number
  charsRemoved: number
  /** Articles in which at least one repeated paragraph was removed. */
  articlesWithRepeats: number
  /** Records in which strings with invalid Unicode (lone surrogates) were repaired with U+FFFD. */
  repaired: number
  /** The run was stopped by SIGINT or SIGTERM: counts cover what was read before. */
  interrupted: boolean
}

/** Accumulates {@link SummaryCounts} from run results. */
export class Summary {
  readonly counts: SummaryCounts = {
    in: 0,
    kept: 0,
    dropped: {},
    duplicates: 0,
    rejected: 0,
    removed: {},
    charsIn: 0,
    charsRemoved: 0,
    articlesWithRepeats: 0,
    repaired: 0,
    interrupted: false
  }

  add(result: RunResult): void {
    const c = this.counts
    c.in++
    if (result.kind === 'reject') {
      c.rejected++
      return
    }
    if (result.note) c.repaired++
    if (result.status === 'kept') c.kept++
    else if (result.status === 'duplicate') c.duplicates++
    else {
      const reason = result.dropReason ?? 'dropped'
      c.dropped[reason] = (c.dropped[reason] ?? 0) + 1
    }
    for (const [category, n] of Object.entries(result.removed)) c.removed[category] = (c.removed[category] ?? 0) + n
    if (result.removed.duplicate) c.articlesWithRepeats++
    c.charsIn += result.charsIn
    c.charsRemoved += result.charsRemoved
  }

  /** Total dropped, all reasons. */
  get droppedTotal(): number {
    return Object.values(this.counts.dropped).reduce((a, b) => a + b, 0)
  }

  /** Whether the counts add up (they always should). */
  balanced(): boolean {
    const c = this.counts
    return c.in === c.kept + this.droppedTotal + c.duplicates + c.rejected
  }

  /** The one-line summary printed at the end of a run. */
  line(): string {
    const c = this.counts
    const parts = [`${c.in} in`, `${c.kept} kept`, `${this.droppedTotal} dropped${reasons(c.dropped)}`]
    if (c.duplicates > 0) parts.push(`${c.duplicates} duplicates`)
    parts.push(`${c.rejected} rejected`)
    if (c.repaired > 0) parts.push(`${c.repaired} repaired`)
    const removed = Object.entries(c.removed).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    const total = removed.reduce((a, [, n]) => a + n, 0)
    const detail = removed.length > 0 ? ` (${removed.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''
    return `decruft: ${parts.join(', ')}; ${total} blocks removed${detail}${c.interrupted ? '; INTERRUPTED: output incomplete' : ''}`
  }
}

function reasons(dropped: Record<string, number>): string {
  const entries = Object.entries(dropped)
  return entries.length > 0 ? ` (${entries.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''
}
