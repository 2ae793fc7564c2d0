import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {decruftMessages, recordToArticle, toText, type ArticleRecord} from '../src/article/index.js'
import {SiteModel, SiteModelFormatError, blockKey, normalizeBlock} from '../src/corpus/site-model.js'
import stripSiteChrome from '../src/plugins/strip-site-chrome.js'

/** Deterministic PRNG (mulberry32), so the corpus is the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = (
  'council budget river bridge minister election harbour school winter farmers court appeal museum festival ' +
  'hospital nurses railway station tender contract mayor village storm flood police inquiry report workers ' +
  'union strike energy prices market tourists season coast fishing quota airport runway plan vote opposition'
).split(' ')

function sentence(rand: () => number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!)
  const text = out.join(' ')
  return text[0]!.toUpperCase() + text.slice(1) + '.'
}

function paragraph(rand: () => number): string {
  return [sentence(rand, 14), sentence(rand, 12), sentence(rand, 16)].join(' ')
}

const NAV = ['Home', 'World', 'Politics', 'Business', 'Sign in']
const DISCLAIMER =
  'News Example is an independent publication funded by readers and advertisers; the views expressed in opinion pieces are ' +
  'those of their authors and do not necessarily reflect the editorial position of the publication, its owners or its staff, ' +
  'and no part of this page may be copied without written permission from the publisher.'
const FOOTER = ['Subscribe to the Morning Briefing newsletter', '© 2024 News Example Inc.']
const BACKGROUND =
  'The harbour bridge, built in 1931 and closed twice for repairs since then, carries about forty thousand vehicles a day ' +
  'and has been the subject of a long dispute between the council and the regional transport authority.'
const CREDIT = 'The Associated Press contributed to this report.'
const QUOTE = '“We will rebuild the station before winter,” the mayor said.'

interface Story {
  record: ArticleRecord
  prose: string[]
}

function newsArticle(n: number, rand: () => number, extra: string[] = []): Story {
  const prose = [paragraph(rand), paragraph(rand), ...extra, paragraph(rand)]
  const text = [`Headline number ${n}`, NAV.join('\n'), ...prose, DISCLAIMER, ...FOOTER].join('\n\n')
  return {record: {id: `news-${n}`, url: `https://www.news.example/story/${n}`, text}, prose}
}

/** 30 articles on news.example, 12 on blog.example, 2 on tiny.example, plus copies and a chrome-only page. */
function corpus() {
  const rand = random(42)
  const news: Story[] = []
  for (let n = 0; n < 30; n++) {
    const extra: string[] = []
    if (n < 5) extra.push(BACKGROUND) // wire background reused in five different stories
    if (n % 2 === 0) extra.push(CREDIT)
    news.push(newsArticle(n, rand, extra))
  }
  // One story in seven records: the original (with a quote), an exact copy, five updates.
  const original = newsArticle(100, rand, [QUOTE])
  const copies = [
    {...original.record, id: 'news-100-copy'},
    ...['first', 'second', 'third', 'fourth', 'fifth'].map((nth) => ({
      ...original.record,
      id: `news-100-${nth}-update`,
      text: `${original.record.text}\n\nThis is the ${nth} update of this story.`
    }))
  ]
  const blog: Story[] = []
  for (let n = 0; n < 12; n++) {
    const prose = [paragraph(rand), paragraph(rand)]
    // The news site's footer line once on the blog: recurring elsewhere, not here.
    if (n === 3) prose.push(FOOTER[1]!)
    const text = ['Menu', ...prose, 'Leave a Reply', 'Powered by a blog engine'].join('\n\n')
    blog.push({record: {id: `blog-${n}`, site: 'blog.example', text}, prose})
  }
  const tiny = [0, 1].map((n) => {
    const prose = [paragraph(rand), 'Tiny site shared line']
    return {record: {id: `tiny-${n}`, url: `https://tiny.example/${n}`, text: prose.join('\n\n')}, prose}
  })
  const chromeOnly: ArticleRecord = {id: 'news-404', url: 'https://news.example/404', text: [NAV.join('\n'), DISCLAIMER, ...FOOTER].join('\n\n')}
  return {news, original, copies, blog, tiny, chromeOnly}
}

function learn(records: ArticleRecord[], options = {}): SiteModel {
  const model = new SiteModel(options)
  for (const record of records) {
    const {tree, file} = recordToArticle(record)
    model.learn(tree, file)
  }
  return model
}

function clean(record: ArticleRecord, model: SiteModel | ReturnType<SiteModel['toJSON']>) {
  const {tree, file} = recordToArticle(record)
  unified().use(stripSiteChrome, {model}).runSync(tree, file)
  return {text: toText(tree), messages: decruftMessages(file)}
}

function allRecords(c: ReturnType<typeof corpus>): ArticleRecord[] {
  return [...c.news, c.original, ...c.blog, ...c.tiny].map((s) => s.record).concat(c.copies, [c.chromeOnly])
}

describe('SiteModel and strip-site-chrome', () => {
  const c = corpus()
  const model = learn(allRecords(c))

  it('counts distinct articles per site, skipping exact copies', () => {
    // 30 stories + original + 5 updates + the chrome-only page; the exact copy is skipped.
    expect(model.articleCount('news.example')).toBe(37)
    expect(model.articleCount('blog.example')).toBe(12)
    expect(model.articleCount('tiny.example')).toBe(2)
  })

  it('removes recurring chrome and keeps every prose paragraph', () => {
    for (const story of c.news) {
      const {text, messages} = clean(story.record, model)
      for (const line of [...NAV, DISCLAIMER, ...FOOTER]) expect(text).not.toContain(line)
      for (const prose of story.prose) expect(text).toContain(prose)
      expect(messages.length).toBe(NAV.length + 1 + FOOTER.length)
      for (const message of messages) {
        expect(message.ruleId).toBe('site/recurring-block')
        expect(message.reason).toMatch(/^recurs in \d+ of 37 articles from news\.example$/)
        expect(typeof message.actual).toBe('string')
      }
    }
  })

  it('keeps a background paragraph reused in a few stories and recurring credit lines', () => {
    expect(clean(c.news[0]!.record, model).text).toContain(BACKGROUND)
    expect(clean(c.news[2]!.record, model).text).toContain(CREDIT)
    expect(model.lookup('news.example', BACKGROUND)).toBeUndefined()
    expect(model.lookup('news.example', CREDIT)).toBeUndefined()
    // They recur often enough: only the prose threshold and the keep pattern save them.
    const records = allRecords(c)
    expect(learn(records, {proseShare: 0}).lookup('news.example', BACKGROUND)).toBeDefined()
    expect(learn(records, {keep: /^$/}).lookup('news.example', CREDIT)).toBeDefined()
  })

  it('does not take a story scraped several times for chrome', () => {
    expect(model.lookup('news.example', QUOTE)).toBeUndefined()
    expect(clean(c.copies[2]!, model).text).toContain(QUOTE)
    // Six distinct records hold the quote: only counting stories, not records, saves it.
    expect(learn(allRecords(c), {minStories: 1}).lookup('news.example', QUOTE)).toBeDefined()
  })

  it('keeps sites apart and needs enough articles', () => {
    const blogPost = clean(c.blog[3]!.record, model).text
    expect(blogPost).toContain(FOOTER[1])
    expect(blogPost).not.toContain('Leave a Reply')
    expect(clean(c.tiny[0]!.record, model).text).toContain('Tiny site shared line')
    expect(model.lookup('other.example', 'Home')).toBeUndefined()
    expect(model.lookup(undefined, 'Home')).toBeUndefined()
  })

  it("never removes an article's only content", () => {
    const {text, messages} = clean(c.chromeOnly, model)
    expect(messages).toHaveLength(0)
    expect(text).toContain(DISCLAIMER)
  })

  it('does nothing without a model or a site', () => {
    const record = c.news[1]!.record
    const {tree, file} = recordToArticle(record)
    const before = toText(tree)
    unified().use(stripSiteChrome).runSync(tree, file)
    expect(toText(tree)).toBe(before)
    const noSite = clean({id: 'x', text: String(record.text)}, model)
    expect(noSite.messages).toHaveLength(0)
  })

  it('matches blocks after normalization (case, digits, punctuation)', () => {
    expect(normalizeBlock('© 2024 News Example Inc.')).toBe(normalizeBlock('© 2025  NEWS EXAMPLE, INC'))
    // Learned on raw text, matched after the normalize step (or the other way round).
    expect(normalizeBlock('Terms &amp; Con\u00ADditions\u200B')).toBe(normalizeBlock('Terms & Conditions'))
    expect(model.lookup('news.example', '© 2025 news example inc')).toBeDefined()
    // Bare numbers recur everywhere (list markers, scores) and are never counted.
    expect(blockKey('1.')).toBeUndefined()
    expect(blockKey('12:30 – 3:1')).toBeUndefined()
    expect(blockKey('Sign in')?.words).toBe(2)
  })

  it('round-trips through JSON', () => {
    const json = JSON.parse(JSON.stringify(model))
    expect(json).toMatchObject({format: 'decruft-site-model', version: 1})
    const loaded = SiteModel.fromJSON(json)
    for (const record of allRecords(c)) {
      const site = recordToArticle(record).file.data.decruft!.site
      expect(clean(record, loaded).text).toBe(clean(record, model).text)
      expect(loaded.articleCount(site ?? '')).toBe(model.articleCount(site ?? ''))
    }
    expect(SiteModel.parse(JSON.stringify(model)).toJSON()).toEqual(model.toJSON())
    // Workers receive the JSON itself.
    expect(clean(c.news[4]!.record, json).text).toBe(clean(c.news[4]!.record, model).text)
  })

  it('refuses corrupt or foreign model files with a clear error', () => {
    const good = model.toJSON()
    const bad = (value: unknown) => () => SiteModel.fromJSON(value, {}, 'model.json')
    expect(() => SiteModel.parse('{"format": "decruft-site-model", ', {}, 'model.json')).toThrow(/model\.json: .*invalid JSON/)
    expect(bad([1, 2])).toThrow(SiteModelFormatError)
    expect(bad({format: 'decruft-dedup-index', version: 1})).toThrow(/not a decruft site model \(format is "decruft-dedup-index"/)
    expect(bad({...good, version: 2})).toThrow(/version 2 is newer/)
    expect(bad({...good, hash: 'md5'})).toThrow(/learn it again/)
    expect(bad({...good, sites: {'news.example': {articles: 3, blocks: [['xyz', 1, 1]]}}})).toThrow(/site "news\.example": block 0/)
    expect(bad({...good, sites: {'news.example': {articles: 1, blocks: [['00000000000000ab', 5, 1, 7]]}}})).toThrow(/block 0/)
    expect(bad({...good, options: {...good.options, minShare: 'x'}})).toThrow(/options\.minShare/)
  })

  it('stays within its memory caps and still finds chrome', () => {
    const small = learn(allRecords(c), {maxBlocksPerSite: 40, maxBlocks: 60})
    expect(small.size).toBeLessThanOrEqual(60)
    expect(small.lookup('news.example', DISCLAIMER)).toBeDefined()
    expect(small.lookup('news.example', 'Sign in')).toBeDefined()
    expect(small.lookup('news.example', c.news[7]!.prose[0]!)).toBeUndefined()
  })

  it('checks its options', () => {
    expect(() => new SiteModel({minArticles: 1})).toThrow(/minArticles/)
    expect(() => new SiteModel({minShare: 2})).toThrow(/minShare/)
    expect(() => new SiteModel({minStories: 20})).toThrow(/minStories/)
  })
})
