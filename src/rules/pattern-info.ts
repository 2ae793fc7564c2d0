// What a piece of a rule pattern says about the text it matches, and the set
// algebra that combines pieces (see pattern-parser.ts and literals.ts).

/** Most strings an exact set may hold before it is given up. */
export const MAX_EXACT = 64
/**
 * Prefixes are cut to this many characters: a short block is told apart by
 * its first few letters, and cut prefixes keep big alternations' sets small.
 */
export const PREFIX_CHARS = 6

/** What a piece of a pattern says about the text it matches. */
export interface Info {
  /** Every string the piece can match (lower case), when there are few. */
  exact?: string[]
  /** Every match contains one of these strings (lower case); unset: nothing known. */
  any?: string[]
  /** Every non-empty match starts with one of these (lower case); holding '': nothing known. */
  prefix: string[]
  /** Whether it can match the empty string. */
  nullable: boolean
}

/** How selective a literal set is: the length of its shortest string (0 when it holds ''). */
export function score(set: string[]): number {
  let min = Infinity
  for (const s of set) min = Math.min(min, s.length)
  return min
}

/** The more selective of two literal sets (the longer shortest string, then the fewer strings). */
export function better(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b
  if (!b) return a
  const sa = score(a)
  const sb = score(b)
  if (sa !== sb) return sa > sb ? a : b
  return b.length < a.length ? b : a
}

/** Every string of `a` followed by every string of `b`, unless there would be too many. */
export function cross(a: string[], b: string[]): string[] | undefined {
  if (a.length * b.length > MAX_EXACT) return undefined
  const out = new Set<string>()
  for (const x of a) for (const y of b) out.add(x + y)
  return [...out]
}

/**
 * How the non-empty matches of a sequence start. Partial starts grow atom by
 * atom until {@link PREFIX_CHARS} long; an atom with no exact set ends them
 * with how it starts, and one that may match nothing also lets them go on.
 */
export function starts(atoms: Info[]): string[] {
  let open = ['']
  const closed: string[] = []
  for (const atom of atoms) {
    if (open.length === 0) break
    const next = new Set<string>()
    if (atom.exact) {
      for (const o of open) {
        for (const e of atom.exact) {
          const s = o + e
          if (s.length >= PREFIX_CHARS) closed.push(s.slice(0, PREFIX_CHARS))
          else next.add(s)
        }
      }
    } else {
      for (const o of open) for (const p of atom.prefix) closed.push((o + p).slice(0, PREFIX_CHARS))
      if (atom.nullable) for (const o of open) next.add(o)
    }
    open = [...next]
    // Too many ways on: what is known so far starts them all.
    if (open.length > MAX_EXACT) ((closed.push(...open)), (open = []))
  }
  // Whole matches that are still short; '' here is the empty match, not a start.
  for (const o of open) if (o !== '') closed.push(o)
  return heads([closed])
}

/**
 * The union of prefix sets, cut to {@link PREFIX_CHARS}, or shorter while
 * there are too many (a shorter prefix still starts every match).
 */
export function heads(sets: string[][]): string[] {
  const all = new Set<string>()
  for (const set of sets) for (const s of set) all.add(s.length > PREFIX_CHARS ? s.slice(0, PREFIX_CHARS) : s)
  if (all.size <= MAX_EXACT) return [...all]
  for (let chars = PREFIX_CHARS - 1; chars > 0; chars--) {
    const out = new Set<string>()
    for (const s of all) out.add(s.slice(0, chars))
    if (out.size <= MAX_EXACT) return [...out]
  }
  return ['']
}

/** All strings of the sets, unless there are too many. */
export function union(sets: string[][]): string[] | undefined {
  const out = new Set(sets.flat())
  return out.size > MAX_EXACT ? undefined : [...out]
}
