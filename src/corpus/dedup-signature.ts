import {
  DEFAULT_SEED,
  countDistinct,
  createWordSpans,
  findWords,
  hash64HexOfCollapsed,
  lineEnd,
  minhash,
  permutations,
  shingleHashesOfSpans
} from '../similarity/index.js'
import {DEDUP_DEFAULTS, type SignatureOptions} from './dedup-options.js'

/**
 * What the dedup index needs to know about one document. Plain data (a
 * string, numbers, a Uint32Array), so it crosses worker threads by structured clone.
 */
export interface DocSignature {
  /** xxHash64 of the normalized body ({@link normalizeBody}), 16 hex digits. */
  hash: string
  /** MinHash of the word shingles, one value per permutation. */
  minhash: Uint32Array
  /** Distinct shingles: with the Jaccard estimate it gives containment. */
  shingles: number
  /** Words in the body. */
  tokens: number
}

const paramCache = new Map<string, Uint32Array>()

/** Permutation parameters for the options, derived once per process. */
export function permutationParams(count: number, seed: number): Uint32Array {
  const key = `${count}:${seed}`
  let params = paramCache.get(key)
  if (!params) {
    params = permutations(count, seed ^ 0x5f3759df)
    paramCache.set(key, params)
  }
  return params
}

/** The 64-bit hash seed for a user seed. */
export function hashSeed(seed: number): bigint {
  return DEFAULT_SEED ^ BigInt(seed >>> 0)
}

const spans = createWordSpans(1024)
let prose = new Uint8Array(1024)

/** Sign a clean article body for the dedup index. Pure: same text and options, same signature. */
export function computeSignature(cleanText: string, options: SignatureOptions = {}): DocSignature {
  const size = options.shingleSize ?? DEDUP_DEFAULTS.shingleSize
  const count = options.permutations ?? DEDUP_DEFAULTS.permutations
  const seed = options.seed ?? DEDUP_DEFAULTS.seed
  const minLineWords = options.minLineWords ?? DEDUP_DEFAULTS.minLineWords
  // One NFKC pass serves the exact hash and the words.
  const nfkc = cleanText.normalize('NFKC')
  const text = nfkc.toLowerCase()
  // The words, then their lines: a word never spans a line break, and
  // "\r\n" counts as two breaks around an empty line, which changes nothing.
  spans.length = 0
  findWords(text, 0, text.length, spans)
  if (prose.length < spans.length) prose = new Uint8Array(Math.max(spans.length, prose.length * 2))
  let proseWords = 0
  let short = false
  let word = 0
  for (let start = 0; start <= text.length; ) {
    const end = lineEnd(text, start)
    const first = word
    while (word < spans.length && spans.start[word] < end) word++
    const long = word - first >= minLineWords
    prose.fill(long ? 1 : 0, first, word)
    if (long) proseWords += word - first
    else if (word > first) short = true
    start = end + 1
  }
  // Prose only when there is enough of it and something was left out.
  const useProse = minLineWords > 1 && short && proseWords >= (options.minProseWords ?? DEDUP_DEFAULTS.minProseWords)
  const hashes = shingleHashesOfSpans(text, spans, size, hashSeed(seed), useProse ? prose : undefined)
  return {
    hash: hash64HexOfCollapsed(nfkc, hashSeed(seed)),
    minhash: minhash(hashes, permutationParams(count, seed)),
    shingles: countDistinct(hashes),
    tokens: spans.length
  }
}
