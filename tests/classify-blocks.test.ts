import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import {unified, type Plugin} from 'unified'
import {describe, expect, it} from 'vitest'
import {decruftMessages, recordToArticle, toRemovalRecord, toText, type ArticleRecord} from '../src/article/index.js'
import {loadPipeline} from '../src/pipeline/index.js'
import {PLUGINS} from '../src/pipeline/registry.js'
import classifyBlocks, {blocksOf, classify, CLASSIFY_RULES, type ClassifyBlocksOptions} from '../src/plugins/classify-blocks.js'
import {guessLanguage, stopwordsFor} from '../src/plugins/classify/stopwords.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const read = (...parts: string[]) => readFileSync(path.join(ROOT, ...parts), 'utf8')

/** Parse like `decruft clean` does (title detection on), run only classify-blocks. */
function run(record: ArticleRecord | string, options?: ClassifyBlocksOptions) {
  const {file, tree} = recordToArticle(typeof record === 'string' ? {text: record} : record)
  unified().use(classifyBlocks, options).runSync(tree, file)
  return {text: toText(tree), messages: decruftMessages(file).map(toRemovalRecord), file}
}

/** The shipped news pipeline with classify-blocks after strip-boilerplate (if the file lacks it). */
function newsPipeline(text: string) {
  const steps = loadPipeline('news').steps.map((s) => ({...s}))
  if (!steps.some((s) => s.name === 'classify-blocks')) {
    const at = steps.findIndex((s) => s.name === 'strip-boilerplate')
    steps.splice(at + 1, 0, {name: 'classify-blocks', options: {}})
  }
  const processor = unified()
  for (const step of steps) {
    const plugin = (step.name === 'classify-blocks' ? classifyBlocks : PLUGINS[step.name]) as Plugin<[unknown?], Root>
    processor.use(plugin, step.options)
  }
  const {file, tree} = recordToArticle({text})
  processor.runSync(tree, file)
  return {title: file.data.decruft?.title, text: toText(tree)}
}

const paragraphs = (text: string) => text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean)

describe('classify-blocks golden fixtures (samples/classify)', () => {
  for (const name of ['news-page', 'german-page', 'clean-article']) {
    it(name, () => {
      const {text} = run(read('samples', 'classify', `${name}.txt`))
      expect(text + '\n').toBe(read('samples', 'classify', `${name}.expected.txt`))
    })
  }
})

describe('what belongs to the article stays', () => {
  const page = read('samples', 'classify', 'news-page.txt')
  const {text, messages} = run(page)
  const removed = messages.map((m) => m.actual ?? '')

  it.each([
    ['a quote', '"This is a vote for safer streets'],
    ['a one-sentence paragraph inside the body', 'Not everyone agreed.'],
    ['a subheading', 'What happens next'],
    ['a list that is part of the story', 'temporary lane markings on two streets over the summer,'],
    ['the credit line', 'The Associated Press contributed to this report.']
  ])('keeps %s', (_, snippet) => {
    expect(text).toContain(snippet)
    expect(removed.some((r) => r.includes(snippet))).toBe(false)
  })

  it.each([
    ['the menu', 'Obituaries'],
    ['the breadcrumb', 'You are here: Home › News › Local'],
    ['the share bar', 'Share on Facebook'],
    ['the related stories', 'Downtown parking rates to rise in April'],
    ['the newsletter prompt', "Sign up for our newsletter and get the day's top stories in your inbox."],
    ['the footer', '© 2024 The Riverside Courier. All rights reserved.']
  ])('removes %s', (_, snippet) => {
    expect(text).not.toContain(snippet)
    expect(removed.some((r) => r.includes(snippet))).toBe(true)
  })

  it('reports every removal with a content/ rule id and its place in the original', () => {
    expect(messages.length).toBeGreaterThan(10)
    const lines = page.split('\n')
    for (const m of messages) {
      expect([CLASSIFY_RULES.outside, CLASSIFY_RULES.inside]).toContain(m.ruleId)
      expect(m.category).toBe('content')
      expect(lines[(m.line ?? 0) - 1]).toContain((m.actual ?? '').split('\n')[0])
    }
  })
})

describe('seed article', () => {
  const seed = read('samples', 'seed-witkoff.txt')
  const expected = paragraphs(read('samples', 'seed-witkoff.expected.txt'))

  it('classify-blocks alone removes none of the 12 body paragraphs', () => {
    const {text} = run(seed)
    const kept = paragraphs(text)
    for (const p of expected.slice(1)) expect(kept).toContain(p)
  })

  it('the news pipeline with classify-blocks gives exactly the title and the 12 paragraphs', () => {
    const {title, text} = newsPipeline(seed)
    expect(expected).toHaveLength(13)
    expect(title).toBe(expected[0])
    expect(paragraphs(text)).toEqual(expected.slice(1))
  })
})

describe('options and edge cases', () => {
  it('leaves pages with fewer than minBlocks blocks alone', () => {
    // One group of two lines: no title is detected, two blocks stay two blocks.
    const text = 'Home\nOne short line.'
    expect(run(text).text).toBe(text)
    expect(run(read('samples', 'classify', 'news-page.txt'), {minBlocks: 1000}).messages).toHaveLength(0)
  })

  it('always keeps the best block of a page, however weak (relative thresholds)', () => {
    const text = ['Menu', 'Home', 'News', 'Sport', 'Weather', 'Police said a car was stolen on Main Street on Sunday.', 'Contact', 'Privacy'].join('\n\n')
    expect(run(text).text).toContain('Police said a car was stolen')
    expect(run(text, {relativeTo: 0, threshold: 0.99, outsideThreshold: 0.99}).text).toBe('')
  })

  it('a higher threshold removes more, never less', () => {
    const page = read('samples', 'classify', 'news-page.txt')
    const loose = paragraphs(run(page, {threshold: 0.2, outsideThreshold: 0.3}).text)
    const strict = paragraphs(run(page, {threshold: 0.9, outsideThreshold: 0.95, keepInBody: false}).text)
    for (const p of strict) expect(loose).toContain(p)
  })

  it('works on a markdown tree (blocks without groups)', () => {
    const md = read('samples', 'classify', 'clean-article.txt')
    const {file, tree} = recordToArticle({text: md, format: 'markdown'})
    unified().use(classifyBlocks).runSync(tree, file)
    expect(tree.children.length).toBeGreaterThanOrEqual(4)
  })

  it('classify() returns one decision per block', () => {
    const {file, tree} = recordToArticle({text: read('samples', 'classify', 'german-page.txt')})
    const blocks = blocksOf(tree)
    const decisions = classify(blocks, file.data.decruft?.title)
    expect(decisions).toHaveLength(blocks.length)
    for (const d of decisions) {
      expect(d.probability).toBeGreaterThanOrEqual(0)
      expect(d.probability).toBeLessThanOrEqual(1)
    }
  })
})

describe('stopwords', () => {
  it('guesses the language from stopword hits', () => {
    const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []
    expect(guessLanguage(tokens('The council said that it would not be able to finish the work before the end of the year.'))).toBe('en')
    expect(guessLanguage(tokens('Der Rat sagte, dass er die Arbeit nicht vor dem Ende des Jahres abschließen könne und dass es noch dauert.'))).toBe('de')
    expect(guessLanguage(tokens('Le conseil a déclaré qu’il ne pourrait pas terminer les travaux avant la fin de l’année et que cela prendra du temps.'))).toBe('fr')
    expect(guessLanguage(tokens('El consejo dijo que no podría terminar el trabajo antes del final del año y que todavía tardará.'))).toBe('es')
    expect(guessLanguage(tokens('Menu Home'))).toBeUndefined()
  })

  it('has lists for the languages of the rule packs', () => {
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl']) expect(stopwordsFor(lang).size).toBeGreaterThan(100)
    expect(stopwordsFor('xx').size).toBe(0)
  })
})
