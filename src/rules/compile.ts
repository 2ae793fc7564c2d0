import {analyzePattern} from './literals.js'
import {Prefilter, type Needs} from './prefilter.js'
import type {Category, Rule, RulePack} from './types.js'
import {CATEGORIES} from './types.js'

const DEFAULT_MAX = {block: 200, terminator: 60} as const
/**
 * After this many runs a rule's regex is compiled to machine code and cheaper
 * than the search for its literal need, which is dropped then: that need
 * only spares the compiling of rules whose starts are met but never match.
 */
const WARM = 8

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

/** A rule with its compiled pattern, in the order rules are tried. */
interface Compiled {
  rule: Rule
  regex: RegExp
  maxLength: number
  /** Anchored rules match at the start only, so their order alone decides. */
  anchored: boolean
  /** Times its regex ran, up to {@link WARM}. */
  runs: number
  /**
   * Rules of one kind, length bound and anchoring form a bucket. The first
   * bucket with a match decides; within it the leftmost match, then the
   * earliest rule, as one alternation of the bucket's patterns would.
   */
  bucket: number
}

/** Compiled rule set: one prefilter pass over a block, then the regexes of the rules it may match. */
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
 * Returns the compiled pattern.
 */
export function validateRule(rule: Rule): RegExp {
  const fail = (why: string) => {
    throw new RuleError(`rule "${rule.id}": ${why}`, rule.id)
  }
  if (typeof rule.id !== 'string' || !/^[a-z]+\/[a-z0-9-]+$/.test(rule.id)) fail('id must look like "category/name"')
  if (!CATEGORIES.includes(rule.category as Category)) fail(`unknown category "${rule.category}"`)
  if (!rule.id.startsWith(`${rule.category}/`)) fail(`id must start with its category "${rule.category}/"`)
  if (rule.kind !== 'block' && rule.kind !== 'terminator') fail('kind must be "block" or "terminator"')
  let regex: RegExp | undefined
  try {
    regex = new RegExp(rule.pattern, 'iu')
  } catch (error) {
    fail(`pattern does not compile: ${(error as Error).message}`)
  }
  if (hasCapturingGroup(rule.pattern)) fail('pattern must not use capturing groups; write (?:...)')
  if (/\\\d|\\k</.test(rule.pattern)) fail('pattern must not use backreferences')
  return regex!
}

/**
 * Whether a pattern that compiles with `u` has a capturing group. Read from
 * the source: running the regex just to count its groups costs a compile.
 */
export function hasCapturingGroup(pattern: string): boolean {
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]
    if (char === '\\') i++
    else if (inClass) inClass = char !== ']'
    else if (char === '[') inClass = true
    else if (char === '(' && (pattern[i + 1] !== '?' || (pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!'))) return true
  }
  return false
}

/**
 * Compile rule packs into a matcher. One pass of a literal prefilter over a
 * block tells which rules could match it (usually none); only their regexes run.
 */
export function compileRules(packs: RulePack[], options: CompileOptions = {}): CompiledRules {
  const disabled = new Set(options.disable ?? [])
  const seen = new Set<string>()
  const rules: Rule[] = []
  const regexes = new Map<Rule, RegExp>()
  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (disabled.has(rule.id) || disabled.has(rule.category)) continue
      const regex = validateRule(rule)
      // Packs for several languages may share an id; each pattern still counts.
      const key = `${rule.id}\u0000${rule.pattern}`
      if (seen.has(key)) continue
      seen.add(key)
      rules.push(rule)
      regexes.set(rule, regex)
    }
  }
  const blocks = ordered(rules.filter((r) => r.kind === 'block'), regexes)
  const terminators = ordered(rules.filter((r) => r.kind === 'terminator'), regexes)
  const all = [...blocks, ...terminators]
  const prefilter = new Prefilter(all.map((c) => ({needs: ruleNeeds(c.rule.pattern), maxLength: c.maxLength})))
  const longest = Math.max(0, ...all.map((c) => c.maxLength))
  // A block is usually matched against block rules and then terminators: scan it once.
  let lastText: string | undefined
  let candidates: readonly number[] = []
  const match = (text: string, from: number, to: number): Rule | undefined => {
    if (text.length > longest) return undefined
    if (text !== lastText) ((candidates = prefilter.scan(text)), (lastText = text))
    let best: Compiled | undefined
    let bestAt = Infinity
    for (const i of candidates) {
      if (i < from || i >= to) continue
      const c = all[i]
      if (best && c.bucket !== best.bucket) break
      if (text.length > c.maxLength) continue
      if (c.runs < WARM && ++c.runs === WARM) prefilter.relax(i)
      if (c.anchored) {
        if (c.regex.test(text)) return c.rule
        continue
      }
      const at = text.search(c.regex)
      if (at >= 0 && at < bestAt) ((bestAt = at), (best = c))
    }
    return best?.rule
  }
  return {
    rules,
    matchBlock: (text) => match(text, 0, blocks.length),
    matchTerminator: (text) => match(text, blocks.length, all.length)
  }
}

/**
 * What a block must hold for a rule to match it: one of the literals every
 * match holds and, for an anchored pattern, one of the ways its matches start.
 */
export function ruleNeeds(pattern: string): Needs {
  let needs = analysed.get(pattern)
  if (!needs) {
    if (analysed.size >= 10_000) analysed.clear()
    analysed.set(pattern, (needs = analyse(pattern)))
  }
  return needs
}

// The analysis takes a while (~100 ms for the built-in packs in a fresh
// process); a process that compiles the packs again gets it for free.
const analysed = new Map<string, Needs>()

function analyse(pattern: string): Needs {
  const {literals, prefixes} = analyzePattern(pattern)
  if (!prefixes || !isAnchored(pattern)) return literals ? {literals} : {}
  // A literal need spares regex runs (and the rule's compiling, often for
  // good) where the start does not already imply it and it is seldom met by
  // chance: a short literal is.
  const weak = !literals || literals.some((l) => l.length < 4) || prefixes.every((p) => literals.some((l) => p.includes(l)))
  return weak ? {prefixes} : {prefixes, literals}
}

/** Rules of one kind in the order they are tried: by length bound, anchored before floating, then as listed. */
function ordered(rules: Rule[], regexes: Map<Rule, RegExp>): Compiled[] {
  const out: Compiled[] = []
  const bounds = [...new Set(rules.map((r) => r.maxLength ?? DEFAULT_MAX[r.kind]))].sort((a, b) => a - b)
  let bucket = 0
  for (const maxLength of bounds) {
    for (const anchored of [true, false]) {
      const list = rules.filter((r) => (r.maxLength ?? DEFAULT_MAX[r.kind]) === maxLength && isAnchored(r.pattern) === anchored)
      for (const rule of list) out.push({rule, regex: regexes.get(rule)!, maxLength, anchored, bucket, runs: 0})
      if (list.length > 0) bucket++
    }
  }
  return out
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
