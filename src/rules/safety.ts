import {createRequire} from 'node:module'
import {RuleError} from './compile.js'
import type {Rule} from './types.js'

/**
 * Refuse a rule whose pattern can backtrack super-linearly (ReDoS), as found
 * by recheck's automaton and fuzzing analysis. Slow (up to a second a rule):
 * run it on user rules when a pipeline loads, and on built-in rules in tests.
 */
export function checkRuleSafety(rule: Rule): void {
  const result = recheck().checkSync(rule.pattern, 'iu', {timeout: 10_000})
  if (result.status === 'safe') return
  const why =
    result.status === 'vulnerable'
      ? `may backtrack catastrophically (${result.complexity.type} time)${result.attack ? `, e.g. on "${result.attack.pattern}"` : ''}`
      : 'could not be proven safe from catastrophic backtracking'
  throw new RuleError(`rule "${rule.id}": pattern ${why}`, rule.id)
}

type Recheck = typeof import('recheck')
let loaded: Recheck | undefined

// Loaded on first use: every worker thread imports the rules, few check one.
function recheck(): Recheck {
  loaded ??= createRequire(import.meta.url)('recheck') as Recheck
  return loaded
}
