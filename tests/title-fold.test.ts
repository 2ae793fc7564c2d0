import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fold, foldEquals, foldSlow} from '../src/article/fold.js'

// ASCII of every class, with what NFKC, lower casing and the letter classes
// treat specially: marks that compose with the letter before them, marks that
// do not, compatibility forms, dotted capitals, final sigma, lone surrogates.
const pieces = [...'aZ09 -_.,!?\n\t\'"=<>', 'e\u0301', 'b\u0301', '\u0301', '\u0338', 'é', 'ß', 'İ', 'Σ', 'ς', 'ﬁ', 'Ｆ', '①', '٣', '\u00a0', '\u200b', '\ud800', '東京', '😀']
const text = fc.array(fc.constantFrom(...pieces), {maxLength: 14}).map((a) => a.join(''))
const ascii = fc.string({unit: fc.constantFrom(...'aAbB09 -_.,!?\n\t')})

describe('title folding', () => {
  it('fold agrees with the reference definition', () => {
    fc.assert(fc.property(fc.oneof(text, ascii), (s) => {
      expect(fold(s)).toBe(foldSlow(s))
    }), {numRuns: 3000})
  })

  it('foldEquals agrees with comparing folded strings', () => {
    // Pairs that are often equal or nearly so, and the same text with changed case or spacing.
    const pair = fc.oneof(
      fc.tuple(text, text),
      fc.tuple(ascii, ascii),
      text.chain((s) => fc.tuple(fc.constant(s), fc.constantFrom(s, s.toUpperCase(), ` ${s}, `, `${s}\u0301`, `${s}x`, s.slice(1))))
    )
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const folded = foldSlow(b)
        expect(foldEquals(a, folded)).toBe(foldSlow(a) === folded)
      }),
      {numRuns: 5000}
    )
  })
})
