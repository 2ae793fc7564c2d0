import {DEFAULT_SEED} from './hash.js'
import type {WordSpans} from './tokenize.js'
import {ensureMemory} from './wasm-asm.js'
import {xxh64Kernel} from './xxh64-kernel.js'

if (!xxh64Kernel) throw new Error('decruft needs WebAssembly (Node 20 or later)')
const kernel = xxh64Kernel
const encoder = new TextEncoder()

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
 * making the word strings. Spans must be in text order, not overlapping, and
 * not split a surrogate pair. Same scratch-buffer rule.
 */
export function hashWords(text: string, spans: WordSpans, seed: bigint = DEFAULT_SEED, from = 0, to = spans.length, keep?: Uint8Array): Uint32Array {
  // Memory: the UTF-8 text and a zero byte, then (start, end) offsets, then the hashes.
  const textBytes = text.length * 3
  const spansAt = (textBytes + 8) & ~7
  const outAt = spansAt + (to - from) * 8
  if (ensureMemory(kernel.memory, outAt + (to - from) * 8) || memory.buffer !== kernel.memory.buffer) memory = views()
  const written = encoder.encodeInto(text, memory.bytes.subarray(0, textBytes)).written
  const offsets = memory.ints
  const {start, end} = spans
  let n = spansAt >>> 2
  for (let i = from; i < to; i++) {
    if (keep && keep[i] === 0) continue
    offsets[n++] = start[i]
    offsets[n++] = end[i]
  }
  // Outside ASCII, UTF-16 offsets are not byte offsets: the kernel maps them.
  if (written !== text.length) {
    memory.bytes[written] = 0
    kernel.byteOffsets(0, spansAt, n - (spansAt >>> 2))
  }
  const count = (n - (spansAt >>> 2)) >>> 1
  kernel.hashSpans(0, spansAt, count, outAt, seed)
  if (scratch.length < count * 2) scratch = new Uint32Array(Math.max(count * 2, scratch.length * 2))
  scratch.set(memory.words.subarray(outAt >>> 2, (outAt >>> 2) + count * 2))
  return scratch.subarray(0, count * 2)
}

/** Views of the kernel's memory, made again when it grows. */
function views() {
  const buffer = kernel.memory.buffer
  return {buffer, bytes: new Uint8Array(buffer), ints: new Int32Array(buffer), words: new Uint32Array(buffer)}
}

let memory = views()
