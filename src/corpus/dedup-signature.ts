import {
  DEFAULT_SEED,
  collapseSpace,
  countDistinct,
  hash64Hex,
  minhash,
  permutations,
  shingleHashes,
  wordsOfNormalized
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

/** Sign a clean article body for the dedup index. Pure: same text and options, same signature. */
export function computeSignature(cleanText: string, options: SignatureOptions = {}): DocSignature {
  const size = options.shingleSize ?? DEDUP_DEFAULTS.shingleSize
  const count = options.permutations ?? DEDUP_DEFAULTS.permutations
  const seed = options.seed ?? DEDUP_DEFAULTS.seed
  // One NFKC pass serves the exact hash and the words.
  const nfkc = cleanText.normalize('NFKC')
  const lines = nfkc.toLowerCase().split(/\r\n|[\n\r\u2028\u2029]/u)
  const words: string[] = []
  const prose: string[] = []
  const minLineWords = options.minLineWords ?? DEDUP_DEFAULTS.minLineWords
  let short = false
  for (const line of lines) {
    const lineWords = wordsOfNormalized(line)
    for (const word of lineWords) words.push(word)
    if (lineWords.length >= minLineWords) for (const word of lineWords) prose.push(word)
    else if (lineWords.length > 0) short = true
  }
  // Prose only when there is enough of it and something was left out.
  const useProse = minLineWords > 1 && short && prose.length >= (options.minProseWords ?? DEDUP_DEFAULTS.minProseWords)
  const hashes = shingleHashes(useProse ? prose : words, size, hashSeed(seed))
  return {
    hash: hash64Hex(collapseSpace(nfkc), hashSeed(seed)),
    minhash: minhash(hashes, permutationParams(count, seed)),
    shingles: countDistinct(hashes),
    tokens: words.length
  }
}
