import type {Category, Rule, RulePack} from './types.js'
import {CATEGORIES} from './types.js'

const DEFAULT_MAX = {block: 200, terminator: 60} as const

/** A rule that failed to compile or is unsafe to run. */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly ruleId: string
  ) {
    super(message)
    this.name = 'RuleError'
  }
}

/** Rules of one kind and length bound, compiled into a single alternation. */
interface Bucket {
  maxLength: number
  regex: RegExp
  rules: Rule[]
}

/** Compiled rule set: one regex pass per length bucket. */
export interface CompiledRules {
  /** The block rule matching `text`, if any. */
  matchBlock(text: string): Rule | undefined
  /** The terminator rule matching `text`, if any. */
  matchTerminator(text: string): Rule | undefined
  /** Every rule, for listing and validation. */
  rules: readonly Rule[]
}

/** Options for {@link compileRules}. */
export interface CompileOptions {
  /**
   * Rule ids (or whole categories, e.g. `share`) to leave out.
   * @default []
   */
  disable?: string[]
}

/**
 * Check a rule's shape: known category matching its id, a pattern that
 * compiles with `iu` and has no capturing groups or backreferences.
 * Backtracking safety is {@link checkRuleSafety}'s job (it is slower).
 */
export function validateRule(rule: Rule): void {
  const fail = (why: string) => {
    throw new RuleError(`rule "${rule.id}": ${why}`, rule.id)
  }
  if (typeof rule.id !== 'string' || !/^[a-z]+\/[a-z0-9-]+$/.test(rule.id)) fail('id must look like "category/name"')
  if (!CATEGORIES.includes(rule.category as Category)) fail(`unknown category "${rule.category}"`)
  if (!rule.id.startsWith(`${rule.category}/`)) fail(`id must start with its category "${rule.category}/"`)
  if (rule.kind !== 'block' && rule.kind !== 'terminator') fail('kind must be "block" or "terminator"')
  try {
    new RegExp(rule.pattern, 'iu')
  } catch (error) {
    fail(`pattern does not compile: ${(error as Error).message}`)
  }
  if (new RegExp(`(?:${rule.pattern})|`, 'u').exec('')!.length > 1) fail('pattern must not use capturing groups; write (?:...)')
  if (/\\\d|\\k</.test(rule.pattern)) fail('pattern must not use backreferences')
}

/** Compile rule packs into a matcher that runs one combined regex per length bucket. */
export function compileRules(packs: RulePack[], options: CompileOptions = {}): CompiledRules {
  const disabled = new Set(options.disable ?? [])
  const seen = new Set<string>()
  const rules: Rule[] = []
  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (disabled.has(rule.id) || disabled.has(rule.category)) continue
      validateRule(rule)
      // Packs for several languages may share an id; each pattern still counts.
      const key = `${rule.id}\u0000${rule.pattern}`
      if (seen.has(key)) continue
      seen.add(key)
      rules.push(rule)
    }
  }
  const blocks = buckets(rules.filter((r) => r.kind === 'block'))
  const terminators = buckets(rules.filter((r) => r.kind === 'terminator'))
  return {
    rules,
    matchBlock: (text) => match(blocks, text),
    matchTerminator: (text) => match(terminators, text)
  }
}

function buckets(rules: Rule[]): Bucket[] {
  const byMax = new Map<number, Rule[]>()
  for (const rule of rules) {
    const max = rule.maxLength ?? DEFAULT_MAX[rule.kind]
    const list = byMax.get(max) ?? []
    list.push(rule)
    byMax.set(max, list)
  }
  const out: Bucket[] = []
  for (const [maxLength, list] of [...byMax].sort((a, b) => a[0] - b[0])) {
    // Anchored rules share one regex that starts with ^, so it is tried at
    // the first position only instead of at every position of the line.
    const anchored = list.filter((rule) => isAnchored(rule.pattern))
    const floating = list.filter((rule) => !isAnchored(rule.pattern))
    if (anchored.length > 0) out.push({maxLength, rules: anchored, regex: combine(anchored, '^(?:', ')')})
    if (floating.length > 0) out.push({maxLength, rules: floating, regex: combine(floating, '', '')})
  }
  return out
}

function combine(rules: Rule[], open: string, close: string): RegExp {
  return new RegExp(open + rules.map((r) => `(${r.pattern})`).join('|') + close, 'iu')
}

/** Whether every top-level alternative of a pattern starts with `^`. */
export function isAnchored(pattern: string): boolean {
  let depth = 0
  let inClass = false
  let branchStart = true
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]
    if (branchStart) {
      if (char !== '^') return false
      branchStart = false
    }
    if (char === '\\') i++
    else if (inClass) inClass = char !== ']'
    else if (char === '[') inClass = true
    else if (char === '(') depth++
    else if (char === ')') depth--
    else if (char === '|' && depth === 0) branchStart = true
  }
  return !branchStart
}

function match(list: Bucket[], text: string): Rule | undefined {
  for (const bucket of list) {
    if (text.length > bucket.maxLength) continue
    const found = bucket.regex.exec(text)
    if (!found) continue
    for (let i = 1; i < found.length; i++) if (found[i] !== undefined) return bucket.rules[i - 1]
  }
  return undefined
}
