// A cheap test run before the rule regexes: which rules could match a block
// at all, judged by how their matches start and the literals they hold (see
// literals.ts). Most blocks meet no rule's needs, and then no regex runs.

import {LiteralIndex} from './literal-index.js'

/**
 * Characters that match a lower-case letter under `iu` (Unicode simple case
 * folding) but that `toLowerCase` leaves different: `ſ` matches `s`, `µ`
 * matches `μ`, and so on. tests/rules-prefilter.test.ts re-derives this list
 * from every code point.
 */
export const FOLD_EXCEPTIONS: ReadonlyArray<readonly [from: string, to: string]> = [
  ['\u00b5', '\u03bc'],
  ['\u017f', 's'],
  ['\u0345', '\u03b9'],
  ['\u03c2', '\u03c3'],
  ['\u03d0', '\u03b2'],
  ['\u03d1', '\u03b8'],
  ['\u03d5', '\u03c6'],
  ['\u03d6', '\u03c0'],
  ['\u03f0', '\u03ba'],
  ['\u03f1', '\u03c1'],
  ['\u03f5', '\u03b5'],
  ['\u1c80', '\u0432'],
  ['\u1c81', '\u0434'],
  ['\u1c82', '\u043e'],
  ['\u1c83', '\u0441'],
  ['\u1c84', '\u0442'],
  ['\u1c85', '\u0442'],
  ['\u1c86', '\u044a'],
  ['\u1c87', '\u0463'],
  ['\u1c88', '\ua64b'],
  ['\u1e9b', '\u1e61'],
  ['\u1fbe', '\u03b9']
]

/**
 * Lower case as `iu` matching sees it, for the literals the analysis yields:
 * a text character that matches such a literal character folds to it. Only
 * `fixes` (by default all {@link FOLD_EXCEPTIONS}) apply beyond `toLowerCase`.
 */
export function fold(text: string, fixes: ReadonlyArray<readonly [string, string]> = FOLD_EXCEPTIONS): string {
  let lower = text.toLowerCase()
  for (const [from, to] of fixes) if (lower.includes(from)) lower = lower.replaceAll(from, to)
  return lower
}

/** What one rule needs; a set is tested only when given, and both must hold when both are. */
export interface Needs {
  /** The text starts with one of these (lower case). */
  prefixes?: readonly string[]
  /** The text contains one of these (lower case). */
  literals?: readonly string[]
}

interface TrieNode {
  rules: number[]
  /** Children by code unit: ASCII in an array (most steps), the rest in a map. */
  ascii: Array<TrieNode | undefined>
  next: Map<number, TrieNode>
}

const trieNode = (): TrieNode => ({rules: [], ascii: [], next: new Map()})

/** A rule as the prefilter sees it. */
export interface PrefilterRule {
  needs: Needs
  /** Longer texts never match it. @default Infinity */
  maxLength?: number
}

/**
 * Tells which rules could match a text, from what each needs (prefixes or
 * literals, see literals.ts): one pass over the text whatever the rule count.
 */
export class Prefilter {
  private readonly always: number[] = []
  private readonly root: TrieNode = trieNode()
  /**
   * Literal indexes by length: `tiers[j]` holds the literals of every rule
   * (with no prefix need) that takes texts up to `bounds[j]` long or longer.
   */
  private readonly bounds: number[]
  private readonly tiers: LiteralIndex[]
  private readonly fixes: Array<readonly [string, string]>
  private readonly maxLengths: Float64Array
  /** Per rule, the last scan that found it. */
  private readonly marks: Int32Array
  /** Per rule with a prefix need, its literals: looked for only once the prefix is met. */
  private readonly after: Array<readonly string[] | undefined>
  /**
   * The literals of all rules with a prefix need, found in one pass over the
   * text (the first time a met prefix asks) rather than one search per literal.
   */
  private readonly afterIndex: LiteralIndex
  /** Per rule, the last scan whose text holds one of its `after` literals. */
  private readonly afterMarks: Int32Array
  /** The last scan that ran `afterIndex`. */
  private afterStamp = 0
  private stamp = 0
  private found: number[] = []
  private readonly foundIds = (rules: readonly number[]) => this.mark(rules)
  private readonly foundAfter = (rules: readonly number[]) => {
    for (const rule of rules) this.afterMarks[rule] = this.stamp
  }

  /** `rules[i]` is rule `i`; a rule that needs nothing is always a candidate. */
  constructor(rules: readonly PrefilterRule[]) {
    this.marks = new Int32Array(rules.length)
    this.maxLengths = new Float64Array(rules.map((rule) => rule.maxLength ?? Infinity))
    this.after = rules.map(({needs}) => (needs.prefixes ? needs.literals : undefined))
    this.afterMarks = new Int32Array(rules.length)
    const afterIds = new Map<string, number[]>()
    this.after.forEach((literals, rule) => {
      for (const text of literals ?? []) afterIds.set(text, [...(afterIds.get(text) ?? []), rule])
    })
    this.afterIndex = new LiteralIndex(afterIds)
    const used = new Set<string>()
    rules.forEach(({needs}, rule) => {
      if (needs.prefixes) for (const prefix of needs.prefixes) this.addPrefix(prefix, rule)
      else if (!needs.literals) this.always.push(rule)
      for (const s of [...(needs.prefixes ?? []), ...(needs.literals ?? [])]) for (const char of s) used.add(char)
    })
    const literal = rules.map((rule, i) => ({...rule, i})).filter((rule) => !rule.needs.prefixes && rule.needs.literals)
    this.bounds = [...new Set(literal.map((rule) => rule.maxLength ?? Infinity))].sort((a, b) => a - b)
    this.tiers = this.bounds.map((bound) => {
      const ids = new Map<string, number[]>()
      for (const rule of literal) {
        if ((rule.maxLength ?? Infinity) < bound) continue
        for (const text of rule.needs.literals!) ids.set(text, [...(ids.get(text) ?? []), rule.i])
      }
      return new LiteralIndex(ids)
    })
    this.fixes = FOLD_EXCEPTIONS.filter(([, to]) => used.has(to))
  }

  /**
   * The rules that could match `text`, in ascending order. The array is
   * reused by the next call.
   */
  scan(text: string): readonly number[] {
    this.stamp++
    this.found.length = 0
    this.mark(this.always)
    // Positions in `lower` may differ from `text` (İ lower-cases to two units):
    // lengths are always the text's.
    const lower = fold(text, this.fixes)
    let node: TrieNode | undefined = this.root
    for (let i = 0; i < lower.length && node; i++) {
      const code = lower.charCodeAt(i)
      node = code < 128 ? node.ascii[code] : node.next.get(code)
      if (!node) break
      for (const rule of node.rules) {
        if (text.length > this.maxLengths[rule]) continue
        if (this.after[rule] === undefined || this.holdsAfter(rule, lower)) this.markOne(rule)
      }
    }
    const tier = this.bounds.findIndex((bound) => bound >= text.length)
    if (tier >= 0) this.tiers[tier].find(lower, this.foundIds)
    if (this.found.length > 1) this.found.sort((a, b) => a - b)
    return this.found
  }

  /** Whether `lower` (the text of this scan) holds one of the literals `rule` needs after its prefix. */
  private holdsAfter(rule: number, lower: string): boolean {
    if (this.afterStamp !== this.stamp) {
      // One or two literals are found sooner by the engine's own search.
      const literals = this.after[rule]!
      if (literals.length <= 2) return literals.some((literal) => lower.includes(literal))
      this.afterStamp = this.stamp
      this.afterIndex.find(lower, this.foundAfter)
    }
    return this.afterMarks[rule] === this.stamp
  }

  /** Stops looking for the literal need of `rule` (its prefix need stays). */
  relax(rule: number): void {
    this.after[rule] = undefined
  }

  private mark(rules: readonly number[]): void {
    for (const rule of rules) this.markOne(rule)
  }

  private markOne(rule: number): void {
    if (this.marks[rule] === this.stamp) return
    this.marks[rule] = this.stamp
    this.found.push(rule)
  }

  private addPrefix(prefix: string, rule: number): void {
    let node = this.root
    for (let i = 0; i < prefix.length; i++) {
      const code = prefix.charCodeAt(i)
      let child = code < 128 ? node.ascii[code] : node.next.get(code)
      if (!child) {
        child = trieNode()
        if (code < 128) node.ascii[code] = child
        else node.next.set(code, child)
      }
      node = child
    }
    if (!node.rules.includes(rule)) node.rules.push(rule)
  }
}
