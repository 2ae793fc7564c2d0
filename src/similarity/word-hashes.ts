import {STABLE, bmpClass, charClass} from './char-class.js'
import {DEFAULT_SEED, pairToHex} from './hash.js'
import {wordSpans, type WordSpans} from './tokenize.js'
import {ensureMemory} from './wasm-asm.js'
import {wordKernel} from './word-kernel.js'

if (!wordKernel) throw new Error('decruft needs WebAssembly (Node 20 or later)')
const kernel = wordKernel

/*
 * The word kernel's memory: the flags of every BMP code unit (filled in as
 * characters are met), then the text loaded last, as UTF-16, then room for
 * its words' spans and hashes and for one word in UTF-8.
 */
const TABLE = 0
const UNITS = 0x10000

let view = views()
// What the JS tokenizer learned already (high surrogates stay 0: classify() stops at them).
view.table.set(bmpClass)
/** The text in memory, and whether the kernel can find its words (no surrogates; known once asked). */
let loaded: string | undefined
let tokenizable: boolean | undefined
let startsAt = 0
let endsAt = 0
let flagsAt = 0
let pairsAt = 0
let scratchAt = 0

function views() {
  const buffer = kernel.memory.buffer
  return {buffer, bytes: Buffer.from(buffer), table: new Uint8Array(buffer, 0, 0x10000), units: new Uint16Array(buffer), ints: new Int32Array(buffer)}
}

/** Put `text` in the kernel's memory, unless it is there already. */
function load(text: string): void {
  if (text === loaded) return
  const n = text.length
  startsAt = UNITS + ((n * 2 + 7) & ~7)
  endsAt = startsAt + n * 4 + 8
  flagsAt = endsAt + n * 4 + 8
  // Spans to hash are written as (start, end) pairs where the starts were.
  pairsAt = flagsAt + 8
  scratchAt = pairsAt + n * 8 + 8
  if (ensureMemory(kernel.memory, scratchAt + n * 3 + 8) || view.buffer !== kernel.memory.buffer) view = views()
  view.bytes.write(text, UNITS, 'utf16le')
  loaded = text
  tokenizable = undefined
}

/**
 * Classify every code unit of the loaded text the table does not know yet;
 * false if there is a high surrogate (the JS tokenizer handles those texts).
 */
function classify(n: number): boolean {
  for (let i = kernel.findUnknown(UNITS, 0, n, TABLE); i < n; i = kernel.findUnknown(UNITS, i + 1, n, TABLE)) {
    const unit = view.units[UNITS / 2 + i]
    if (unit >= 0xd800 && unit < 0xdc00) return false
    view.table[unit] = charClass(unit)
  }
  return true
}

/** {@link wordSpans}, in WebAssembly when the text allows (see {@link load}). */
export function findWords(text: string, from: number, to: number, spans: WordSpans): void {
  load(text)
  tokenizable ??= classify(text.length)
  if (!tokenizable) return wordSpans(text, from, to, spans)
  const count = kernel.tokenize(UNITS, from, to, TABLE, startsAt, endsAt, flagsAt)
  const n = spans.length
  if (spans.start.length < n + count) {
    const size = Math.max(n + count, spans.start.length * 2)
    const start = new Int32Array(size)
    const end = new Int32Array(size)
    start.set(spans.start.subarray(0, n))
    end.set(spans.end.subarray(0, n))
    spans.start = start
    spans.end = end
  }
  spans.start.set(view.ints.subarray(startsAt / 4, startsAt / 4 + count), n)
  spans.end.set(view.ints.subarray(endsAt / 4, endsAt / 4 + count), n)
  spans.length = n + count
  if (!(view.ints[flagsAt / 4] & STABLE)) spans.stable = false
}

/** Index of the first line break (\n, \r, U+2028, U+2029) of `text` from `from`, else its length. */
export function lineEnd(text: string, from: number): number {
  if (text !== breaksChecked) {
    breaksChecked = text
    onlyNewlines = !/[\r\u2028\u2029]/.test(text)
  }
  // Most texts break lines with \n only: then a native search finds them.
  if (onlyNewlines) {
    const end = text.indexOf('\n', from)
    return end === -1 ? text.length : end
  }
  load(text)
  return kernel.lineEnd(UNITS, from, text.length)
}

let breaksChecked: string | undefined
let onlyNewlines = true

/** {@link hash64Hex} of {@link collapseSpace} of `text`, without making the collapsed string. */
export function hash64HexOfCollapsed(text: string, seed: bigint = DEFAULT_SEED): string {
  load(text)
  kernel.hashCollapsed(UNITS, text.length, scratchAt, seed, pairsAt)
  return pairToHex(view.ints[pairsAt / 4], view.ints[pairsAt / 4 + 1])
}

let scratch = new Uint32Array(2048)

/**
 * xxHash64 of each token, as (high, low) pairs: `out[2i]`, `out[2i + 1]`;
 * the same values as {@link hash64} of each. The result is a scratch buffer,
 * overwritten by the next call to this or {@link hashWords}: use it before then.
 */
export function hashTokens(tokens: readonly string[], seed: bigint = DEFAULT_SEED): Uint32Array {
  // One text, tokens apart by a space (so no surrogate pair forms across two of them).
  const spans = {start: new Int32Array(tokens.length), end: new Int32Array(tokens.length), length: tokens.length, stable: false}
  let at = 0
  for (let i = 0; i < tokens.length; i++) {
    spans.start[i] = at
    spans.end[i] = at += tokens[i].length
    at++
  }
  return hashWords(tokens.join(' '), spans, seed)
}

/**
 * {@link hashTokens} of the words at `spans` of `text` (those from index
 * `from` to `to`, and of those only the ones `keep` flags, if given), without
 * making the word strings. Spans must lie in the text and not split a
 * surrogate pair. Same scratch-buffer rule.
 */
export function hashWords(text: string, spans: WordSpans, seed: bigint = DEFAULT_SEED, from = 0, to = spans.length, keep?: Uint8Array): Uint32Array {
  load(text)
  // Room for more spans than the text has characters (empty ones, say): move the scratch past them.
  if (to - from > text.length + 1) {
    scratchAt = pairsAt + (to - from) * 8
    if (ensureMemory(kernel.memory, scratchAt + text.length * 3 + 8)) view = views()
  }
  const {ints} = view
  const {start, end} = spans
  let at = pairsAt / 4
  for (let i = from; i < to; i++) {
    if (keep && keep[i] === 0) continue
    ints[at++] = start[i]
    ints[at++] = end[i]
  }
  const pairs = at - pairsAt / 4
  // The spans go where the hashes go: each pair is read before its hash is written.
  kernel.hashUnits(UNITS, pairsAt, pairs / 2, pairsAt, seed, scratchAt)
  if (scratch.length < pairs) scratch = new Uint32Array(Math.max(pairs, scratch.length * 2))
  scratch.set(view.ints.subarray(pairsAt / 4, pairsAt / 4 + pairs))
  return scratch.subarray(0, pairs)
}
