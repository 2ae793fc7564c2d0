import {describe, expect, it} from 'vitest'
import normalize, {normalizeText} from '../src/plugins/normalize.js'
import {runPlugin} from './helpers/run-plugin.js'

describe('normalize', () => {
  it('decodes leftover entities, drops invisible and control characters, fixes spaces', () => {
    const input = 'Tom&nbsp;&amp; Jerry\u200b said\u00a0hi\u0007 to co\u00adoperation   now'
    const {value, changes} = normalizeText(input)
    expect(value).toBe('Tom & Jerry said hi to cooperation now')
    expect(changes).toEqual(expect.arrayContaining(['entities', 'invisible', 'control', 'nbsp', 'whitespace']))
  })

  it('composes to NFC', () => {
    expect(normalizeText('Cafe\u0301').value).toBe('Café')
  })

  it('keeps curly quotes unless asked to straighten them', () => {
    expect(normalizeText('“It’s fine,” she said.').value).toBe('“It’s fine,” she said.')
    expect(normalizeText('“It’s fine,” she said.', {straighten: true}).value).toBe('"It\'s fine," she said.')
  })

  it('reports each changed paragraph with a normalize rule id and its position', () => {
    const {text, messages} = runPlugin(normalize, 'Clean line.\n\nFish &amp; chips.')
    expect(text).toBe('Clean line.\n\nFish & chips.')
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ruleId: 'normalize/entities', line: 3, column: 1})
  })

  it('unwraps hard-wrapped lines without reporting them', () => {
    const wrapped =
      'The committee met on Tuesday to consider the proposal, which would\nextend the program for another five years and add funding for staff.'
    const {text, messages} = runPlugin(normalize, wrapped)
    expect(text).not.toContain('\n')
    expect(messages).toHaveLength(0)
  })
})
