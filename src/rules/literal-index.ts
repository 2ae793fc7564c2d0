// Finds which of many literals occur in a lower-cased text, in one pass.

/** Bits of an anchor's hash; a bitmap over them rules out most text positions at once. */
const HASH_BITS = 16
/** Hash chains of literals, by the top TABLE_BITS bits of the anchor hash. */
const TABLE_BITS = 12
/** English letter frequency order: an anchor of rare letters is seldom hit by chance. */
const COMMON = ' etaoinsrhldcumfpgwybvkxjqz'
/** With this few literals, the engine's own substring search beats a pass of ours. */
const FEW = 8

interface Literal {
  text: string
  /** Where in the literal its anchor (three characters) starts. */
  offset: number
  /** The anchor's hash: literals sharing a chain are told apart by it before a comparison. */
  hash: number
  /** What finding it tells the caller, e.g. rule numbers. */
  ids: readonly number[]
}

/**
 * A set of lower-case literals, each tagged with ids; `find` reports the ids
 * of the literals a text holds. Each literal is anchored on its rarest three
 * characters, so most text positions are ruled out by one bitmap lookup.
 */
export class LiteralIndex {
  /** Literals too short for an anchor, or all of them when there are few. */
  private readonly plain: Literal[] = []
  private readonly bits = new Uint8Array(1 << (HASH_BITS - 3))
  private readonly heads = new Int32Array(1 << TABLE_BITS).fill(-1)
  private readonly chain: number[] = []
  private readonly anchored: Literal[] = []

  constructor(literals: ReadonlyMap<string, readonly number[]>) {
    const few = literals.size <= FEW
    for (const [text, ids] of literals) {
      if (few || text.length < 3) this.plain.push({text, offset: 0, hash: 0, ids})
      else {
        const offset = anchorOf(text)
        this.anchor({text, offset, hash: hash(text.charCodeAt(offset), text.charCodeAt(offset + 1), text.charCodeAt(offset + 2)), ids})
      }
    }
  }

  /** Calls `found` with the ids of every literal `lower` holds (an id may come more than once). */
  find(lower: string, found: (ids: readonly number[]) => void): void {
    for (const literal of this.plain) if (lower.includes(literal.text)) found(literal.ids)
    if (this.anchored.length === 0) return
    const {bits, heads, chain, anchored} = this
    let a = lower.charCodeAt(0)
    let b = lower.charCodeAt(1)
    for (let i = 0; i + 2 < lower.length; i++) {
      const c = lower.charCodeAt(i + 2)
      const h = hash(a, b, c)
      if ((bits[h >>> 3] & (1 << (h & 7))) !== 0) {
        for (let j = heads[h >>> (HASH_BITS - TABLE_BITS)]; j >= 0; j = chain[j]) {
          const literal = anchored[j]
          if (literal.hash !== h) continue
          const at = i - literal.offset
          if (at >= 0 && lower.startsWith(literal.text, at)) found(literal.ids)
        }
      }
      a = b
      b = c
    }
  }

  private anchor(literal: Literal): void {
    const h = literal.hash
    this.bits[h >>> 3] |= 1 << (h & 7)
    this.anchored.push(literal)
    this.chain.push(this.heads[h >>> (HASH_BITS - TABLE_BITS)])
    this.heads[h >>> (HASH_BITS - TABLE_BITS)] = this.anchored.length - 1
  }
}

/** Where the literal's rarest three characters start. */
function anchorOf(text: string): number {
  let offset = 0
  let best = -1
  for (let o = 0; o + 3 <= text.length; o++) {
    const rarity = rank(text[o]) + rank(text[o + 1]) + rank(text[o + 2])
    if (rarity > best) ((best = rarity), (offset = o))
  }
  return offset
}

function rank(char: string): number {
  const i = COMMON.indexOf(char)
  return i < 0 ? COMMON.length : i
}

function hash(a: number, b: number, c: number): number {
  return Math.imul((a << 16) ^ (b << 8) ^ c ^ ((a >>> 8) << 4), 0x9e3779b1) >>> (32 - HASH_BITS)
}
