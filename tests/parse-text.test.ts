import fc from 'fast-check'
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {detectTitle, parseText} from '../src/article/index.js'
import {parseTextReference} from './helpers/parse-text-reference.js'

describe('parseText', () => {
  it('builds the same tree as the reference parser (every kind of space trim strips)', () => {
    const pieces = ['a', 'Word', 'the', 'end.', ' ', '  ', '\t', '\n', '\r', '\r\n', '\n\n', '\u00a0', '\u2028', '\u2029', '\u3000', '\ufeff', '\u200a', '\u200b', '\u0085', '\u000b', '\u000c', 'É', '.', 'x'.repeat(45), 'wrapped prose line that goes on for a while and', 'continues here.']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (parts) => {
        const text = parts.join('')
        expect(parseText(text)).toEqual(parseTextReference(text))
      }),
      {numRuns: 2000}
    )
  })

  it('keeps every character of each block, and positions point at it in the original', () => {
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '*', '_', '#', '[', ']', '.', 'É')}), (text) => {
        const tree = parseText(text)
        for (const node of tree.children) {
          const {start, end} = node.position!
          expect(text.slice(start.offset, end.offset)).toBe(toString(node))
        }
      })
    )
  })

  it('never escapes or rewrites Markdown characters', () => {
    const text = '*Not emphasis* and _not_ either, # not a heading, [not](a link)'
    expect(toString(parseText(text))).toBe(text)
  })

  it('joins hard-wrapped prose into one paragraph', () => {
    const prose =
      'The committee met on Tuesday to consider the proposal, which would\n' +
      'extend the program for another five years and add funding for the\n' +
      'regional offices that had been closed during the last budget cycle.'
    const tree = parseText(prose)
    expect(tree.children).toHaveLength(1)
  })

  it('keeps one-item-per-line blocks (menus) as separate lines', () => {
    const tree = parseText('Home\nWorld\nBusiness\nSports\nOpinion')
    expect(tree.children).toHaveLength(5)
    expect(new Set(tree.children.map((n) => n.data?.decruft?.group)).size).toBe(1)
  })

  it('gives line and column of each block, with CRLF and lone CR line ends', () => {
    const tree = parseText('one\r\n\r\ntwo\rthree')
    expect(tree.children.map((n) => [toString(n), n.position!.start.line, n.position!.start.column])).toEqual([
      ['one', 1, 1],
      ['two', 3, 1],
      ['three', 4, 1]
    ])
  })
})

describe('detectTitle', () => {
  it('takes a short first line followed by a blank line', () => {
    const tree = parseText('A headline about things\n\nFirst paragraph of the story.')
    expect(detectTitle(tree)).toBe('A headline about things')
    expect(tree.children).toHaveLength(1)
  })

  it('does not take a first sentence that runs into the next line', () => {
    const tree = parseText('This is a sentence.\nAnd another one.\n\nMore.')
    expect(detectTitle(tree)).toBeUndefined()
    expect(tree.children).toHaveLength(3)
  })
})
