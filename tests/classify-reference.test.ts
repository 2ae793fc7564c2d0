import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {articleCore, cohesion} from '../src/plugins/classify/cohesion.js'
import {FEATURE_COUNT, featureMatrix, findAnchor} from '../src/plugins/classify/features.js'
import {measureBlocks, measureMemo, type BlockInput} from '../src/plugins/classify/measure.js'
import {classify} from '../src/plugins/classify-blocks.js'
import {stage2Matrix, STAGE2_COUNT} from '../src/plugins/classify/model.js'
import {predict, type MlpModel} from '../src/plugins/classify/predict.js'
import {log1pInt} from '../src/plugins/classify/scratch.js'
import {guessLanguage} from '../src/plugins/classify/stopwords.js'
import {MODEL} from '../src/plugins/classify/weights.js'
import {referenceAnchor, referenceCohesion, referenceGuess, referenceMeasure, referencePredict} from './helpers/classify-reference.js'

// The fast measures (word ids, hashed tables, character classes) against the
// string-and-regex code they replace: every field must agree exactly.
const SEED = 20_261_126

const fragments = [
  // Words and stopwords of a few languages.
  'the', 'The', 'and', 'of', 'council', 'Council', 'said', 'der', 'die', 'und', 'Straße', 'le', 'la', 'que', 'année', 'el',
  'NEWS', 'More', 'more', 'all', 'All', 'next', 'Next', 'prev', 'back', 'read', 'see', 'view', 'show', 'load',
  'copyright', 'Copyright', 'All Rights Reserved', '(c) 2024', '(C)', '©', 'www.example.com', 'https://x.org/a', '.net',
  '12:30', '9am', '7 p.m', '1999', '2024', '42', '3.5', 'snake_case', 'ΟΔΟΣ', 'Σ', 'İstanbul', 'ß', 'K', 'Å',
  '漢字漢字漢字漢字漢字漢字漢字', 'かなカナ', 'ภาษาไทยภาษาไทยภาษาไทย', '한국어', '𝐀𝐁𝐂', '😀', '𠀀𠀁', '\ud800', '\udc00', 'é', 'e\u0301',
  // Separators and marks.
  ' ', ' ', ' ', '  ', '\n', '\n  ', '\n\t', '\u00a0', '\u2028', '\u3000', ',', ';', '，', '、', '|', '»', '›', '→', '▶', '►',
  '.', '!', '?', '…', '。', '！', '？', '"', "'", '”', '’', ')', ']', ':', '•', '- ', '1. ', 'a) ', '* ', '_'
]
const blockArb = fc.array(fc.constantFrom(...fragments), {minLength: 0, maxLength: 40}).map((parts) => parts.join(''))
const pageArb = fc.array(
  fc.record({text: blockArb, group: fc.integer({min: -3, max: 3}), lines: fc.integer({min: 1, max: 3})}),
  {minLength: 1, maxLength: 12}
)
const titleArb = fc.option(blockArb, {nil: undefined})

/** The page's blocks, with a few copies (repeats) and a long prose block (a language to guess). */
function withProse(blocks: BlockInput[]): BlockInput[] {
  const prose = 'The council said that it would not be able to finish the work before the end of the year and that it would take time.'
  return [...blocks, {text: prose, group: 9, lines: 1}, ...blocks.slice(0, 2)]
}

describe('classifier measures agree with the reference code', () => {
  it('measureBlocks: every field, the tokens, the language and its stopwords', () => {
    fc.assert(
      fc.property(pageArb, fc.boolean(), fc.constantFrom(undefined, 'en', 'de', 'xx'), (page, prose, language) => {
        const blocks = prose ? withProse(page) : page
        const fast = measureBlocks(blocks, language)
        const ref = referenceMeasure(blocks, language)
        expect(fast.language).toBe(ref.language)
        expect(fast.stopwords && [...fast.stopwords].sort()).toEqual(ref.stopwords && [...ref.stopwords].sort())
        fast.stats.forEach((s, i) => {
          const {page: _, from: __, to: ___, ...fields} = s
          expect({...fields, tokens: s.tokens}).toEqual(ref.stats[i])
        })
      }),
      {seed: SEED, numRuns: 400}
    )
  })

  it('findAnchor and cohesion on word ids', () => {
    fc.assert(
      fc.property(pageArb, titleArb, fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 20, maxLength: 20}), (page, title, ps) => {
        const blocks = withProse(page)
        const fast = measureBlocks(blocks)
        const ref = referenceMeasure(blocks)
        expect(findAnchor(fast.stats, title)).toBe(referenceAnchor(ref.stats, title))
        const p = Float64Array.from(blocks, (_, i) => ps[i % ps.length])
        const got = cohesion(fast.stats, p, fast.stopwords, title)
        const want = referenceCohesion(ref.stats, articleCore(fast.stats, p), ref.stopwords, title)
        expect(Array.from(got.topic)).toEqual(want.topic)
        expect(Array.from(got.title)).toEqual(want.title)
      }),
      {seed: SEED, numRuns: 300}
    )
  })

  it('guessLanguage counts as before', () => {
    const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []
    for (const text of ['The council said that it would not be able to finish.', 'Der Rat sagte, dass er die Arbeit nicht vor dem Ende.', 'a a a a a o o o o o', 'Menu Home']) {
      expect(guessLanguage(tokens(text))).toBe(referenceGuess(tokens(text)))
    }
  })

  it('predict sums each hidden unit in column order: bit for bit', () => {
    fc.assert(
      fc.property(pageArb, titleArb, (page, title) => {
        const {stats, language, stopwords} = measureBlocks(withProse(page))
        const x1 = featureMatrix(stats, findAnchor(stats, title), language !== undefined)
        const p1 = predict(MODEL.stage1, x1, FEATURE_COUNT)
        expect(p1).toEqual(referencePredict(MODEL.stage1 as MlpModel, x1, FEATURE_COUNT))
        const x2 = stage2Matrix(p1, stats, [0, stats.length], stopwords, title)
        expect(predict(MODEL.stage2, x2, STAGE2_COUNT)).toEqual(referencePredict(MODEL.stage2 as MlpModel, x2, STAGE2_COUNT))
      }),
      {seed: SEED, numRuns: 100}
    )
  })

  it('predict: any hidden width (groups of four and the rest) and any row count, bit for bit', () => {
    const model = (hidden: number, columns: number, seed: number): MlpModel => {
      const r = (k: number) => Math.sin(seed * 97 + k * 13.7) * 2
      return {
        kind: 'mlp',
        features: Array.from({length: columns}, (_, j) => `f${j}`),
        mean: Array.from({length: columns}, (_, j) => r(j)),
        scale: Array.from({length: columns}, (_, j) => 0.5 + Math.abs(r(j + 100))),
        hiddenWeights: Array.from({length: hidden * columns}, (_, k) => r(k + 200)),
        hiddenBias: Array.from({length: hidden}, (_, h) => r(h + 900)),
        outputWeights: Array.from({length: hidden}, (_, h) => r(h + 1000)),
        outputBias: r(1100)
      }
    }
    fc.assert(
      fc.property(fc.integer({min: 1, max: 11}), fc.integer({min: 1, max: 9}), fc.integer({min: 0, max: 7}), fc.integer(), (hidden, columns, rows, seed) => {
        const m = model(hidden, columns, seed)
        const x = Float64Array.from({length: rows * columns}, (_, k) => Math.cos(seed + k * 3.1) * 5)
        expect(predict(m, x, columns)).toEqual(referencePredict(m, x, columns))
      }),
      {seed: SEED, numRuns: 300}
    )
  })

  it('reused buffers carry nothing from one page to the next', () => {
    const pages = fc.sample(pageArb, {seed: SEED, numRuns: 20}).map(withProse)
    const once = pages.map((blocks) => {
      const {stats, language, stopwords} = measureBlocks(blocks)
      const x1 = featureMatrix(stats, -1, language !== undefined)
      return {x1, x2: stage2Matrix(predict(MODEL.stage1, x1, FEATURE_COUNT), stats, [1, 2], stopwords, 'the council')}
    })
    pages.reverse().forEach((blocks, k) => {
      const {stats, language, stopwords} = measureBlocks(blocks)
      const x1 = featureMatrix(stats, -1, language !== undefined)
      const want = once[pages.length - 1 - k]
      expect(x1).toEqual(want.x1)
      expect(stage2Matrix(predict(MODEL.stage1, x1, FEATURE_COUNT), stats, [1, 2], stopwords, 'the council')).toEqual(want.x2)
    })
  })

  it('log1pInt is Math.log1p', () => {
    for (const k of [0, 1, 2, 7, 50, 1023, 1024, 4096, 10_000, 0.5, 2.25, 1e9]) expect(Object.is(log1pInt(k), Math.log1p(k))).toBe(true)
  })
})

describe('a memo from an earlier pass changes nothing', () => {
  // A later pass sees some of the blocks again (and maybe new ones): with the
  // memo it reuses their measures and the page's vocabulary.
  const laterPass = fc.tuple(pageArb, fc.array(fc.nat(), {maxLength: 12}), pageArb)
  const later = (first: BlockInput[], picks: number[], extra: BlockInput[]) => [
    ...picks.map((k) => first[k % first.length]),
    ...extra.slice(0, 2)
  ]

  it('measureBlocks: every field, the tokens and the stopword counts', () => {
    fc.assert(
      fc.property(laterPass, fc.boolean(), ([page, picks, extra], prose) => {
        const first = prose ? withProse(page) : page
        const memo = measureMemo()
        measureBlocks(first, undefined, memo)
        const second = later(first, picks, extra)
        const reused = measureBlocks(second, undefined, memo)
        const fresh = measureBlocks(second)
        expect(reused.language).toBe(fresh.language)
        reused.stats.forEach((s, i) => {
          const {page: _, from: __, to: ___, ...fields} = s
          const {page: _p, from: _f, to: _t, ...want} = fresh.stats[i]
          expect({...fields, tokens: s.tokens}).toEqual({...want, tokens: fresh.stats[i].tokens})
        })
      }),
      {seed: SEED, numRuns: 300}
    )
  })

  it('classify: the same decisions', () => {
    fc.assert(
      fc.property(laterPass, titleArb, ([page, picks, extra], title) => {
        const first = withProse(page)
        const memo = measureMemo()
        classify(first, title, {}, memo)
        const second = later(first, picks, extra)
        expect(classify(second, title, {}, memo)).toEqual(classify(second, title))
      }),
      {seed: SEED, numRuns: 300}
    )
  })
})
