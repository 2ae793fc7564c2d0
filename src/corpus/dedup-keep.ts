import type {KeepPolicy} from './dedup-options.js'

/** What a policy compares; `date` is NaN when unknown. */
export interface KeepFacts {
  length: (doc: number) => number
  date: (doc: number) => number
}

/**
 * Whether `doc` should replace `current` as its cluster's representative.
 * Ties keep the current one, which came first in input order: that is what
 * makes the choice independent of anything but the input.
 */
export function preferable(policy: KeepPolicy, doc: number, current: number, facts: KeepFacts): boolean {
  if (policy === 'longest') return facts.length(doc) > facts.length(current)
  if (policy === 'earliest') {
    const a = facts.date(doc)
    const b = facts.date(current)
    // A dated copy beats an undated one: input order is only the fallback.
    if (Number.isNaN(a)) return false
    return Number.isNaN(b) || a < b
  }
  return false
}

/** A record's date as epoch milliseconds, NaN when missing or unreadable. */
export function toEpoch(date: number | string | Date | undefined | null): number {
  if (date === undefined || date === null || date === '') return Number.NaN
  if (typeof date === 'number') return Number.isFinite(date) ? date : Number.NaN
  const time = date instanceof Date ? date.getTime() : Date.parse(date)
  return Number.isFinite(time) ? time : Number.NaN
}
