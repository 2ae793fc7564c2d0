import {checkSync} from 'recheck'
import {RuleError} from './compile.js'
import type {Rule} from './types.js'

/**
 * Refuse a rule whose pattern can backtrack super-linearly (ReDoS), as found
 * by recheck's automaton and fuzzing analysis. Slow (up to a second a rule):
 * run it on user rules when a pipeline loads, and on built-in rules in tests.
 */
export function checkRuleSafety(rule: Rule): void {
  const result = checkSync(rule.pattern, 'iu', {timeout: 10_000})
  if (result.status === 'safe') return
  const why =
    result.status === 'vulnerable'
      ? `may backtrack catastrophically (${result.complexity.type} time)${result.attack ? `, e.g. on "${result.attack.pattern}"` : ''}`
      : 'could not be proven safe from catastrophic backtracking'
  throw new RuleError(`rule "${rule.id}": pattern ${why}`, rule.id)
}
