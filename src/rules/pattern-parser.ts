// A reader of rule patterns (JavaScript regex syntax with the `u` flag) that
// works out, piece by piece, what a match must hold. It is conservative: any
// construct it does not follow counts as "could be anything", and one it does
// not know at all makes it throw, so the caller gives the pattern no needs.

import {better, cross, heads, type Info, starts, union} from './pattern-info.js'

/** Characters with a meaning of their own in a pattern. */
const SYNTAX = '\\^$.|?*+()[]{}'

const UNKNOWN: Info = {prefix: [''], nullable: false}
const EMPTY: Info = {exact: [''], prefix: [], nullable: true}
const DIGITS = [...'0123456789']

/**
 * A lower-case form of `char` when case-insensitive matching of it is plain:
 * every character that matches it under `iu` folds to that form (lower case,
 * with prefilter.ts's FOLD_EXCEPTIONS such as `ſ` for `s`). Letters that fail
 * the round trip (`ß`, `ſ` itself) count as unknown.
 */
function plain(char: string): string | undefined {
  const lower = char.toLowerCase()
  if ([...lower].length !== 1) return undefined
  return lower.toUpperCase().toLowerCase() === lower ? lower : undefined
}

function literal(char: string): Info {
  const lower = plain(char)
  return lower === undefined ? UNKNOWN : {exact: [lower], prefix: [lower], nullable: false}
}

/** Reads a pattern from `i` on; each method consumes one construct and says what it needs. */
export class Parser {
  i = 0
  constructor(readonly source: string) {}

  alternation(): Info {
    const branches = [this.sequence()]
    while (this.source[this.i] === '|') {
      this.i++
      branches.push(this.sequence())
    }
    if (branches.length === 1) return branches[0]
    const exacts = branches.map((b) => b.exact)
    const exact = exacts.every((e) => e !== undefined) ? union(exacts as string[][]) : undefined
    const anys = branches.map((b) => better(b.any, b.exact))
    const any = anys.every((a) => a !== undefined) ? [...new Set((anys as string[][]).flat())] : undefined
    return {exact, any, prefix: heads(branches.map((b) => b.prefix)), nullable: branches.some((b) => b.nullable)}
  }

  sequence(): Info {
    const atoms: Info[] = []
    while (this.i < this.source.length && this.source[this.i] !== '|' && this.source[this.i] !== ')') atoms.push(this.quantified())
    // `run` is the exact set of the current stretch of known atoms; a stretch
    // ends at an atom with no exact set, and each stretch is a candidate.
    let run: string[] = ['']
    let whole = true
    let best: string[] | undefined
    for (const atom of atoms) {
      const joined = atom.exact ? cross(run, atom.exact) : undefined
      if (joined) {
        run = joined
        continue
      }
      whole = false
      best = better(best, run)
      best = better(best, atom.any)
      run = atom.exact ?? ['']
    }
    return {exact: whole ? run : undefined, any: better(best, run), prefix: starts(atoms), nullable: atoms.every((a) => a.nullable)}
  }


  quantified(): Info {
    const word = this.word()
    if (word) return word
    const atom = this.atom()
    const bounds = this.quantifier()
    if (!bounds) return atom
    const [min, max] = bounds
    if (min === 0) {
      const exact = max === 1 && atom.exact ? union([atom.exact, ['']]) : undefined
      return {exact, prefix: atom.prefix, nullable: true}
    }
    if (min === 1 && max === 1) return atom
    return {any: better(atom.any, atom.exact), prefix: atom.prefix, nullable: atom.nullable}
  }

  quantifier(): [number, number] | undefined {
    const char = this.source[this.i]
    let bounds: [number, number] | undefined
    if (char === '?') bounds = [0, 1]
    else if (char === '*') bounds = [0, Infinity]
    else if (char === '+') bounds = [1, Infinity]
    else if (char === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i))
      if (!m) throw new Error('bad quantifier')
      this.i += m[0].length - 1
      bounds = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])]
    }
    if (!bounds) return undefined
    this.i++
    if (this.source[this.i] === '?') this.i++
    return bounds
  }

  /**
   * A run of plain characters with no quantifier on it, as one atom: crossing
   * a big exact set with one character at a time is slow.
   */
  word(): Info | undefined {
    const chars: string[] = []
    let end = this.i
    while (end < this.source.length) {
      const char = this.source[end]
      const code = char.charCodeAt(0)
      if (SYNTAX.includes(char) || (code >= 0xd800 && code <= 0xdfff)) break
      const lower = plain(char)
      if (lower === undefined) break
      chars.push(lower)
      end++
    }
    // A quantifier after the run binds to its last character only.
    if ('?*+{'.includes(this.source[end] ?? '') && chars.length > 0) ((end -= 1), chars.pop())
    if (chars.length < 2) return undefined
    this.i = end
    const text = chars.join('')
    return {exact: [text], prefix: [text], nullable: false}
  }

  atom(): Info {
    const char = this.source[this.i]
    if (char === '(') return this.group()
    if (char === '[') return this.charClass()
    if (char === '\\') return this.escape(false)
    this.i++
    if (char === '^' || char === '$') return EMPTY
    if (char === '.') return UNKNOWN
    if ('*+?{}]'.includes(char)) throw new Error(`unexpected "${char}"`)
    return this.codePoint(char)
  }

  /** Takes the rest of a surrogate pair, so an astral character stays one atom. */
  codePoint(char: string): Info {
    const code = char.charCodeAt(0)
    if (code >= 0xd800 && code <= 0xdbff && this.i < this.source.length) return literal(char + this.source[this.i++])
    return literal(char)
  }

  group(): Info {
    this.i++
    let lookaround = false
    if (this.source[this.i] === '?') {
      const head = this.source.slice(this.i, this.i + 3)
      if (head.startsWith('?:')) this.i += 2
      else if (head.startsWith('?=') || head.startsWith('?!')) ((this.i += 2), (lookaround = true))
      else if (head === '?<=' || head === '?<!') ((this.i += 3), (lookaround = true))
      else if (head.startsWith('?<') && this.source.includes('>', this.i)) this.i = this.source.indexOf('>', this.i) + 1
      else throw new Error('unknown group')
    }
    const inner = this.alternation()
    if (this.source[this.i] !== ')') throw new Error('unclosed group')
    this.i++
    // A lookaround matches no characters, so it adds nothing to the text.
    return lookaround ? EMPTY : inner
  }

  charClass(): Info {
    this.i++
    const negated = this.source[this.i] === '^'
    if (negated) this.i++
    const chars: string[] = []
    let known = !negated
    while (this.source[this.i] !== ']') {
      if (this.i >= this.source.length) throw new Error('unclosed class')
      const info = this.source[this.i] === '\\' ? this.escape(true) : this.codePoint(this.source[this.i++])
      // A `-` between two members makes a range: give up on the set.
      if (this.source[this.i] === '-' && this.source[this.i + 1] !== ']') {
        known = false
        this.i++
        continue
      }
      if (info.exact?.length === 1 && info.exact[0].length > 0) chars.push(info.exact[0])
      else known = false
    }
    this.i++
    if (!known || chars.length === 0) return UNKNOWN
    const set = [...new Set(chars)]
    return {exact: set, prefix: set, nullable: false}
  }

  escape(inClass: boolean): Info {
    const char = this.source[this.i + 1]
    this.i += 2
    if (char === undefined) throw new Error('trailing backslash')
    if (char === 'b' || char === 'B') return inClass ? UNKNOWN : EMPTY
    if (char === 'd') return {exact: DIGITS, prefix: DIGITS, nullable: false}
    if ('DwWsS'.includes(char)) return UNKNOWN
    if (char === 'p' || char === 'P') {
      const close = this.source.indexOf('}', this.i)
      if (this.source[this.i] !== '{' || close < 0) throw new Error('bad property escape')
      this.i = close + 1
      return UNKNOWN
    }
    const controls: Record<string, string> = {n: '\n', r: '\r', t: '\t', f: '\f', v: '\v'}
    if (char in controls) return literal(controls[char])
    if (/[\^$\\.*+?()[\]{}|/-]/.test(char)) return literal(char)
    // \u, \x, \c, \0, back references and the rest: not worth following.
    throw new Error('unsupported escape')
  }
}
