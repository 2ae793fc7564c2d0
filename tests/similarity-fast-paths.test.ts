import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {recordToArticle, decruftMessages, toRemovalRecord, toText} from '../src/article/index.js'
import {computeSignature} from '../src/corpus/dedup.js'
import dedupeParagraphs from '../src/plugins/dedupe-paragraphs.js'
import {
  collapseSpace,
  countDistinct,
  createWordSpans,
  findWords,
  hash64,
  hash64Hex,
  hash64HexOfCollapsed,
  hashTokens,
  hashWords,
  joinHash64,
  lineEnd,
  minhash,
  minhashScalar,
  normalizeText,
  permutations,
  shingleHashes,
  tokenize,
  wordSpans,
  wordsOfNormalized,
  WordStore
} from '../src/similarity/index.js'
import {
  collapseReference,
  dedupeParagraphsReference,
  shingleHashesReference,
  signatureReference,
  tokenizeReference,
  wordsReference
} from './helpers/similarity-reference.js'

// Characters the tokenizer treats differently: Latin with and without marks,
// spaceless scripts (with their marks), Hangul and its jamo, digits of other
// scripts, compatibility forms, astral letters and emoji, lone surrogates, separators.
const tricky = [...'aZ09éÉß İıΣσς-’\'_.,\n\r\t\u00a0\u2028\u3000\u200b', 'e\u0301', '\u0301', '東京', 'ひら', 'カタ', 'ไทย', 'ก\u0e31', 'ລາວ', 'ខ្មែរ', 'မြန်', '한', '\u1100\u1161', '\u3131', '٣', '१', 'ﬁ', 'Ｆ', '①', '\u{20000}', '\u{1d400}', '😀', '\ud800', '\udc00', 'ᴬ', 'ǅ', 'Ⅻ', 'ً', 'ी']
const trickyString = fc.string({unit: fc.constantFrom(...tricky), maxLength: 60})
const anyString = fc.oneof(fc.string({unit: 'binary', maxLength: 80}), trickyString, fc.string({unit: 'grapheme', maxLength: 80}))

describe('tokenizer fast path', () => {
  it('finds the same words as the Unicode-script regex, on any string', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        expect(tokenize(text)).toEqual(tokenizeReference(text))
        // Not normalized first: the char loop must match the pattern on raw text too.
        expect(wordsOfNormalized(text)).toEqual(wordsReference(text))
      }),
      {seed: 1, numRuns: 3000}
    )
  })

  it('finds the words of a range as of that slice, in JS and in WebAssembly (ranges on code point boundaries)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyString, trickyString.map(normalizeText)), {maxLength: 5}), (parts) => {
        const text = parts.join('\n')
        for (const find of [wordSpans, findWords]) {
          const spans = createWordSpans(1)
          let at = 0
          for (const part of parts) {
            const before = spans.length
            spans.stable = true
            find(text, at, at + part.length, spans)
            const got = []
            for (let i = before; i < spans.length; i++) got.push(text.slice(spans.start[i], spans.end[i]))
            expect(got).toEqual(wordsReference(part))
            at += part.length + 1
          }
        }
      }),
      {seed: 2, numRuns: 1000}
    )
  })

  it('finds line ends as the line-splitting regex does', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, fc.string({unit: fc.constantFrom('a', ' ', '\n', '\r', '\u2028', '\u2029', '\u2027', '\u202a')})), (text) => {
        const lines: string[] = []
        for (let start = 0; start <= text.length; ) {
          const end = lineEnd(text, start)
          lines.push(text.slice(start, end))
          start = end + 1
        }
        expect(lines).toEqual(text.split(/[\n\r\u2028\u2029]/u))
      }),
      {seed: 12, numRuns: 1000}
    )
  })

  it('flags words as stable only when folding and normalizing again changes nothing', () => {
    fc.assert(
      fc.property(fc.array(anyString, {maxLength: 4}), (texts) => {
        const store = new WordStore()
        store.load(texts)
        texts.forEach((text, i) => {
          const folded = tokenizeReference(text).join(' ')
          expect(store.list(i)).toEqual(tokenizeReference(text))
          expect(store.stableWhenFolded(i)).toBe(normalizeText(folded) === folded)
        })
      }),
      {seed: 3, numRuns: 2000}
    )
  })
})

describe('hashing fast paths', () => {
  it('hashes words in one WebAssembly call exactly as xxhash-wasm hashes each', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyString, fc.string({unit: 'grapheme', minLength: 30, maxLength: 90}))), fc.bigInt({min: -(1n << 64n), max: 1n << 65n}), (tokens, seed) => {
        const pairs = hashTokens(tokens, seed)
        expect(pairs.length).toBe(tokens.length * 2)
        tokens.forEach((token, i) => expect(joinHash64(pairs[2 * i], pairs[2 * i + 1])).toBe(hash64(token, seed)))
      }),
      {seed: 4, numRuns: 500}
    )
  })

  it('hashes the words of a text by their spans, a range or flagged ones only', () => {
    fc.assert(
      fc.property(anyString, fc.integer({min: 0, max: 1000}), (text, pick) => {
        const spans = createWordSpans(1)
        wordSpans(text, 0, text.length, spans)
        const words = wordsReference(text)
        const keep = Uint8Array.from(words, (_, i) => (pick >> i % 10) & 1)
        const from = Math.min(words.length, pick % 3)
        const chosen = words.map((w, i) => ({w, i})).filter(({i}) => i >= from && keep[i])
        const pairs = hashWords(text, spans, 7n, from, words.length, keep)
        expect(pairs.length).toBe(chosen.length * 2)
        chosen.forEach(({w}, k) => expect(joinHash64(pairs[2 * k], pairs[2 * k + 1])).toBe(hash64(w, 7n)))
      }),
      {seed: 5, numRuns: 1000}
    )
  })

  it('combines shingles as before, and counts distinct ones', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'é', '東'), {maxLength: 40}), fc.integer({min: 1, max: 6}), (tokens, size) => {
        const hashes = shingleHashes(tokens, size)
        expect(hashes).toEqual(shingleHashesReference(tokens, size))
        expect(countDistinct(hashes)).toBe(new Set(Array.from(hashes.lo, (lo, i) => joinHash64(hashes.hi[i], lo))).size)
      }),
      {seed: 6, numRuns: 500}
    )
  })

  it('computes MinHash in SIMD exactly as the scalar loop', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 130}), fc.integer(), fc.array(fc.tuple(fc.nat(0xffffffff), fc.nat(0xffffffff)), {maxLength: 300}), (count, seed, values) => {
        const hashes = {hi: Uint32Array.from(values, (v) => v[0]), lo: Uint32Array.from(values, (v) => v[1])}
        const params = permutations(count, seed)
        expect(minhash(hashes, params)).toEqual(minhashScalar(hashes, params))
      }),
      {seed: 7, numRuns: 300}
    )
  })

  it('collapses white space as the Unicode regex did', () => {
    // Every \s code point, and neighbours that are not white space.
    const spaces = [...'\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff', '\u0008', '\u000e', '\u001f', '\u0085', '\u180e', '\u200b', '\u1fff', '\u200c']
    fc.assert(
      fc.property(fc.oneof(anyString, fc.string({unit: fc.constantFrom(...spaces, 'a', 'é', '😀', '\ud800')})), (text) => {
        expect(collapseSpace(text)).toBe(collapseReference(text))
        // And the kernel hashes the collapsed form without making it.
        expect(hash64HexOfCollapsed(text, 5n)).toBe(hash64Hex(collapseReference(text), 5n))
      }),
      {seed: 8, numRuns: 2000}
    )
  })
})

describe('signatures and paragraph dedup match their reference implementations', () => {
  const line = fc.oneof(
    fc.array(fc.constantFrom('the', 'cat', 'sat', 'on', 'a', 'mat', 'über', 'ﬁne', 'Naïve', '東京', '—', '!'), {maxLength: 14}).map((w) => w.join(' ')),
    anyString
  )
  const text = fc.array(line, {maxLength: 12}).chain((lines) => fc.constantFrom('\n', '\r\n', '\n\n', '\u2028', '\r').map((sep) => lines.join(sep)))

  it('signs any text exactly as before', () => {
    const options = fc.record({
      shingleSize: fc.integer({min: 1, max: 6}),
      permutations: fc.integer({min: 1, max: 40}),
      seed: fc.nat(),
      minLineWords: fc.integer({min: 0, max: 6}),
      minProseWords: fc.integer({min: 0, max: 30})
    })
    fc.assert(
      fc.property(text, options, (body, o) => {
        expect(computeSignature(body, o)).toEqual(signatureReference(body, o))
      }),
      {seed: 9, numRuns: 600}
    )
  })

  it('removes the same paragraphs, with the same messages, as before', () => {
    const vocabulary = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'Über', 'ﬁx', '東']
    // Words apart by spaces, sometimes by a line feed (a hard-wrapped paragraph).
    const sentence = fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(' ', ' ', ' ', '\n')), {minLength: 2, maxLength: 14}).map((w) => w.flat().join('').trim())
    // Repeats, near repeats (one word changed or dropped) and fresh paragraphs.
    const article = fc.array(sentence, {minLength: 1, maxLength: 8}).chain((base) =>
      fc.array(
        fc.oneof(
          fc.constantFrom(...base),
          fc.tuple(fc.constantFrom(...base), fc.nat(), fc.constantFrom(...vocabulary)).map(([p, at, w]) => {
            const words = p.split(/\s/)
            words[at % words.length] = w
            return words.join(' ')
          }),
          sentence,
          anyString.map((s) => s.replace(/\n/g, ' '))
        ),
        {maxLength: 16}
      )
    )
    // Now and then a long paragraph of fresh words, so that the tables grow (and shrink again).
    const long = fc.integer({min: 300, max: 700}).map((n) => Array.from({length: n}, (_, i) => `w${i}`).join(' '))
    // One transformer per setting, reused across articles as in a run.
    const plugins = new Map<string, ReturnType<typeof dedupeParagraphs>>()
    fc.assert(
      fc.property(article, fc.option(long, {freq: 8}), fc.constantFrom(0.5, 0.8, 0.95), fc.constantFrom(400, 5), (paragraphs, big, threshold, maxEditWords) => {
        const text = [...paragraphs, ...(big ? [big, big.replace('w1 ', 'v1 ')] : [])].filter((p) => p.trim()).join('\n\n')
        const run = (transform: ReturnType<typeof dedupeParagraphs>) => {
          const {file, tree} = recordToArticle({text}, undefined, {detectTitle: false})
          transform(tree, file)
          return {text: toText(tree), messages: decruftMessages(file).map(toRemovalRecord)}
        }
        const key = `${threshold} ${maxEditWords}`
        if (!plugins.has(key)) plugins.set(key, dedupeParagraphs({threshold, maxEditWords}))
        expect(run(plugins.get(key)!)).toEqual(run(dedupeParagraphsReference({threshold, maxEditWords})))
      }),
      {seed: 10, numRuns: 1000}
    )
  })
})
