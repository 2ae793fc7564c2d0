/**
 * The similarity code as it was before its fast paths (regex tokenizer, one
 * xxhash-wasm call per token, BigInt sets, scalar MinHash, the paragraph
 * dedup over string maps): the specification the fast code must match
 * exactly, output for output.
 */
import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {firstOccurrence, reportRemoval} from '../../src/article/messages.js'
import {DEFAULT_SEED, editSimilarity, hash64, hash64Hex, joinHash64, minhashScalar, mix32, permutations} from '../../src/similarity/index.js'
import type {DocSignature, SignatureOptions} from '../../src/corpus/dedup.js'

const ideographic = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`
const tokenPattern = new RegExp(String.raw`[${ideographic}]|(?:(?![${ideographic}])[\p{L}\p{N}]\p{M}*)+`, 'gu')

export function wordsReference(normalized: string): string[] {
  return normalized.match(tokenPattern) ?? []
}

export function tokenizeReference(text: string): string[] {
  return wordsReference(text.normalize('NFKC').toLowerCase())
}

export function collapseReference(nfkc: string): string {
  return nfkc.replace(/\s+/gu, ' ').trim()
}

export function shingleHashesReference(tokens: readonly string[], size: number, seed: bigint = DEFAULT_SEED): {hi: Uint32Array; lo: Uint32Array} {
  const count = tokens.length === 0 ? 0 : Math.max(1, tokens.length - size + 1)
  const th = tokens.map((t) => Number(hash64(t, seed) >> 32n))
  const tl = tokens.map((t) => Number(hash64(t, seed) & 0xffffffffn))
  const hi = new Uint32Array(count)
  const lo = new Uint32Array(count)
  const width = Math.min(size, tokens.length)
  for (let s = 0; s < count; s++) {
    let h = width
    let l = ~width
    for (let k = 0; k < width; k++) {
      h = Math.imul(h ^ th[s + k], 0x01000193 + 2 * k) ^ (tl[s + k] >>> 3)
      l = Math.imul(l ^ tl[s + k], 0x5bd1e995 + 2 * k) ^ (th[s + k] >>> 5)
    }
    hi[s] = mix32(h ^ Math.imul(l, 0x27d4eb2f))
    lo[s] = mix32(l + h)
  }
  return {hi, lo}
}

function shingleSetReference(text: string, size: number): Set<bigint> {
  const {hi, lo} = shingleHashesReference(tokenizeReference(text), size)
  const set = new Set<bigint>()
  for (let i = 0; i < lo.length; i++) set.add(joinHash64(hi[i], lo[i]))
  return set
}

/** computeSignature as it was. */
export function signatureReference(cleanText: string, options: Required<Omit<SignatureOptions, never>>): DocSignature {
  const seed = 0x6465637275667400n ^ BigInt(options.seed >>> 0)
  const nfkc = cleanText.normalize('NFKC')
  const lines = nfkc.toLowerCase().split(/\r\n|[\n\r\u2028\u2029]/u)
  const words: string[] = []
  const prose: string[] = []
  let short = false
  for (const line of lines) {
    const lineWords = wordsReference(line)
    words.push(...lineWords)
    if (lineWords.length >= options.minLineWords) prose.push(...lineWords)
    else if (lineWords.length > 0) short = true
  }
  const useProse = options.minLineWords > 1 && short && prose.length >= options.minProseWords
  const hashes = shingleHashesReference(useProse ? prose : words, options.shingleSize, seed)
  const distinct = new Set<bigint>()
  for (let i = 0; i < hashes.lo.length; i++) distinct.add(joinHash64(hashes.hi[i], hashes.lo[i]))
  return {
    hash: hash64Hex(collapseReference(nfkc), seed),
    minhash: minhashScalar(hashes, permutations(options.permutations, options.seed ^ 0x5f3759df)),
    shingles: distinct.size,
    tokens: words.length
  }
}

interface Kept {
  node: RootContent
  tokens: string[]
  shingles: Set<bigint>
}

/** The dedupe-paragraphs transformer as it was (default options but these). */
export function dedupeParagraphsReference({threshold = 0.8, maxEditWords = 400} = {}) {
  const [size, minWords, nearMinWords] = [2, 4, 8]
  return (tree: Root, file: VFile) => {
    const exact = new Map<string, RootContent>()
    const kept: Kept[] = []
    const postings = new Map<bigint, number[]>()
    const keep: RootContent[] = []
    for (const node of tree.children) {
      const tokens = tokenizeReference(toString(node))
      const folded = tokens.join(' ')
      if (tokens.length < minWords) {
        keep.push(node)
        continue
      }
      const first = exact.get(folded)
      if (first) {
        reportRemoval(file, node, {ruleId: 'duplicate/exact-paragraph', reason: 'paragraph repeated word for word', cause: firstOccurrence(file, first, 'first occurrence')})
        continue
      }
      if (tokens.length >= nearMinWords) {
        const shingles = shingleSetReference(folded, size)
        const shared = new Map<number, number>()
        for (const shingle of shingles) for (const index of postings.get(shingle) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1)
        const floor = shingles.size * (threshold - 0.3)
        const candidates = [...shared]
          .filter(([, count]) => count >= floor)
          .sort((a, b) => b[1] - a[1] || a[0] - b[0])
          .slice(0, 8)
          .map(([index]) => index)
          .sort((a, b) => a - b)
        let best: {node: RootContent; similarity: number} | undefined
        for (const index of candidates) {
          const other = kept[index]
          let score: number
          if (tokens.length <= maxEditWords && other.tokens.length <= maxEditWords) score = editSimilarity(tokens, other.tokens)
          else {
            let common = 0
            for (const s of shingles) if (other.shingles.has(s)) common++
            score = common / (shingles.size + other.shingles.size - common)
          }
          if (score >= threshold && (!best || score > best.similarity)) best = {node: other.node, similarity: score}
        }
        if (best) {
          reportRemoval(file, node, {
            ruleId: 'duplicate/near-paragraph',
            reason: `paragraph nearly repeats an earlier one (similarity ${best.similarity.toFixed(2)})`,
            cause: firstOccurrence(file, best.node, 'first occurrence')
          })
          continue
        }
        const index = kept.length
        kept.push({node, tokens, shingles})
        for (const shingle of shingles) {
          const list = postings.get(shingle)
          if (!list) postings.set(shingle, [index])
          else if (list.length < 64) list.push(index)
        }
      }
      exact.set(folded, node)
      keep.push(node)
    }
    tree.children = keep
  }
}
