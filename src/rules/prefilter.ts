// A cheap test run before the rule regexes: which groups of rules could
// match a block at all, judged by the literals their patterns need (see
// literals.ts). Most blocks contain none of them, and then no regex runs.

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
 * Lower case as `iu` matching sees it: a literal character matches a text
 * character exactly when it equals the character's fold. Only `fixes` (by
 * default all {@link FOLD_EXCEPTIONS}) are applied beyond `toLowerCase`.
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
  next: Map<number, TrieNode>
}

/** Bits of an anchor's hash; a bitmap over them rules out most text positions at once. */
const HASH_BITS = 16
/** Hash chains of literals, by the top TABLE_BITS bits of the anchor hash. */
const TABLE_BITS = 12
/** English letter frequency order: an anchor of rare letters is seldom hit by chance. */
const COMMON = ' etaoinsrhldcumfpgwybvkxjqz'

/**
 * Tells which rules could match a text, from what each needs (prefixes or
 * literals, see literals.ts): one pass over the text whatever the rule count.
 */
export class Prefilter {
  private readonly always: number[] = []
  private readonly root: TrieNode = {rules: [], next: new Map()}
  /** Literals shorter than an anchor, checked with `includes`. */
  private readonly short: Array<{text: string; rules: number[]}> = []
  /** Longer literals: a bit per anchor hash, then the literals' chains. */
  private readonly bits = new Uint8Array(1 << (HASH_BITS - 3))
  private readonly heads = new Int32Array(1 << TABLE_BITS).fill(-1)
  private readonly chain: number[] = []
  private readonly literals: Array<{text: string; offset: number; rules: number[]}> = []
  private readonly fixes: Array<readonly [string, string]>
  /** Per rule, the last scan that found it. */
  private readonly marks: Int32Array
  /** Per rule with a prefix need, its literals: looked for only once the prefix is met. */
  private readonly after: Array<readonly string[] | undefined>
  private stamp = 0
  private found: number[] = []

  /** `needs[i]` is what rule `i` needs; a rule with neither set is always a candidate. */
  constructor(needs: readonly Needs[]) {
    this.marks = new Int32Array(needs.length)
    this.after = needs.map((need) => (need.prefixes ? need.literals : undefined))
    const literalRules = new Map<string, number[]>()
    const used = new Set<string>()
    needs.forEach((need, rule) => {
      if (need.prefixes) for (const prefix of need.prefixes) this.addPrefix(prefix, rule)
      else if (need.literals) for (const literal of need.literals) literalRules.set(literal, [...(literalRules.get(literal) ?? []), rule])
      else this.always.push(rule)
      for (const s of [...(need.prefixes ?? []), ...(need.literals ?? [])]) for (const char of s) used.add(char)
    })
    for (const [text, rules] of literalRules) this.addLiteral(text, rules)
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
    const lower = fold(text, this.fixes)
    let node: TrieNode | undefined = this.root
    for (let i = 0; i < lower.length && node; i++) {
      node = node.next.get(lower.charCodeAt(i))
      if (!node) break
      for (const rule of node.rules) {
        const literals = this.after[rule]
        if (!literals || literals.some((literal) => lower.includes(literal))) this.markOne(rule)
      }
    }
    for (const {text: s, rules} of this.short) if (lower.includes(s)) this.mark(rules)
    if (this.literals.length > 0) this.scanLiterals(lower)
    if (this.found.length > 1) this.found.sort((a, b) => a - b)
    return this.found
  }

  private mark(rules: readonly number[]): void {
    for (const rule of rules) this.markOne(rule)
  }

  private markOne(rule: number): void {
    if (this.marks[rule] === this.stamp) return
    this.marks[rule] = this.stamp
    this.found.push(rule)
  }

  private scanLiterals(lower: string): void {
    const {bits, heads, chain, literals} = this
    let a = lower.charCodeAt(0)
    let b = lower.charCodeAt(1)
    for (let i = 0; i + 2 < lower.length; i++) {
      const c = lower.charCodeAt(i + 2)
      const h = hash(a, b, c)
      if ((bits[h >>> 3] & (1 << (h & 7))) !== 0) {
        for (let j = heads[h >>> (HASH_BITS - TABLE_BITS)]; j >= 0; j = chain[j]) {
          const literal = literals[j]
          const at = i - literal.offset
          if (at >= 0 && lower.startsWith(literal.text, at)) this.mark(literal.rules)
        }
      }
      a = b
      b = c
    }
  }

  private addPrefix(prefix: string, rule: number): void {
    let node = this.root
    for (let i = 0; i < prefix.length; i++) {
      const code = prefix.charCodeAt(i)
      let child = node.next.get(code)
      if (!child) node.next.set(code, (child = {rules: [], next: new Map()}))
      node = child
    }
    if (!node.rules.includes(rule)) node.rules.push(rule)
  }

  private addLiteral(text: string, rules: number[]): void {
    if (text.length < 3) {
      this.short.push({text, rules})
      return
    }
    // Anchor on the literal's rarest three characters.
    let offset = 0
    let best = -1
    for (let o = 0; o + 3 <= text.length; o++) {
      const rarity = rank(text[o]) + rank(text[o + 1]) + rank(text[o + 2])
      if (rarity > best) ((best = rarity), (offset = o))
    }
    const a = text.charCodeAt(offset)
    const b = text.charCodeAt(offset + 1)
    const h = hash(a, b, text.charCodeAt(offset + 2))
    this.bits[h >>> 3] |= 1 << (h & 7)
    this.literals.push({text, offset, rules})
    this.chain.push(this.heads[h >>> (HASH_BITS - TABLE_BITS)])
    this.heads[h >>> (HASH_BITS - TABLE_BITS)] = this.literals.length - 1
  }
}

function rank(char: string): number {
  const i = COMMON.indexOf(char)
  return i < 0 ? COMMON.length : i
}

function hash(a: number, b: number, c: number): number {
  return Math.imul((a << 16) ^ (b << 8) ^ c ^ ((a >>> 8) << 4), 0x9e3779b1) >>> (32 - HASH_BITS)
}
