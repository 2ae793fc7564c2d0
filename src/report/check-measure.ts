import {isRemoval, recordText, type SourceRef} from '../article/index.js'
import type {ArticleOutput} from '../stream/process.js'
import type {RunResult} from '../stream/runner.js'
import {encodingTotal, scanEncoding, showFound, type EncodingKind} from './check-encoding.js'
import {excerpt, TOP, type CheckFigures, type CheckOffenders, type Example, type Place} from './check-figures.js'
import {HeavyHitters, TopK} from './check-top.js'

/** Options for {@link CheckMeasure}. */
export interface MeasureOptions {
  /** Field holding the article text, as given to the cleaner. */
  textField?: string
  /** Whether a dedup stage runs (else the duplicate figures are n/a). */
  dedup: boolean
  /** Whether a record came from a whole text/Markdown file (its lines are file lines). */
  wholeFile?: (source: SourceRef, article: ArticleOutput) => boolean
  /** Counters for sites (Space-Saving); exact up to this many distinct sites. */
  siteCapacity?: number
}

interface SiteData {
  articles: number
  charsIn: number
  charsRemoved: number
  example?: Example
  exampleChars: number
}

/**
 * Accumulates check figures from run results, one at a time and in input
 * order. Memory stays flat: counters, a map of rule ids, bounded top lists
 * and one entry per cluster that has duplicates (a small part of what the
 * dedup index itself holds).
 */
export class CheckMeasure {
  private records = 0
  private articles = 0
  private rejected = 0
  private empty = 0
  private readonly emptyByReason: Record<string, number> = {}
  private charsIn = 0
  private charsRemoved = 0
  private readonly byCategory: Record<string, {blocks: number; chars: number}> = {}
  private repeats = 0
  private duplicates = 0
  private readonly clusters = new Map<string, {size: number; example: Example}>()
  private encodingArticles = 0
  private readonly encoding = {replacement: 0, mojibake: 0, control: 0}
  private readonly rules = new Map<string, {category: string; count: number; chars: number; example: Example}>()
  private readonly sites: HeavyHitters<SiteData>
  private readonly worstBoilerplate = new TopK<Example & {chars: number; share: number; ruleId: string}>(TOP)
  private readonly worstEncoding = new TopK<Example & {count: number; kind: EncodingKind}>(TOP)
  private readonly rejects: (Place & {error: string})[] = []
  private readonly empties: (Example & {reason: string})[] = []
  private readonly repeated: Example[] = []

  constructor(private readonly options: MeasureOptions) {
    this.sites = new HeavyHitters(options.siteCapacity ?? 512, () => ({articles: 0, charsIn: 0, charsRemoved: 0, exampleChars: -1}))
  }

  /** Count one run result. */
  add(result: RunResult): void {
    this.records++
    if (result.kind === 'reject') {
      this.rejected++
      if (this.rejects.length < TOP) this.rejects.push({file: result.source.file, line: result.source.line, error: result.error})
      return
    }
    this.addArticle(result)
  }

  private addArticle(article: ArticleOutput): void {
    this.articles++
    const whole = this.options.wholeFile?.(article.source, article) ?? false
    const placeAt = (line?: number): Place => ({file: article.source.file, line: whole ? (line ?? 1) : article.source.line})

    if (article.status === 'dropped') {
      this.empty++
      const reason = article.dropReason ?? 'dropped'
      this.emptyByReason[reason] = (this.emptyByReason[reason] ?? 0) + 1
      if (this.empties.length < TOP) this.empties.push({...placeAt(), id: article.id, reason, text: excerpt(titleOrId(article))})
    }

    // Boilerplate: characters of removed blocks, as the cleaner counts them.
    this.charsIn += article.charsIn
    this.charsRemoved += article.charsRemoved
    let biggest: {chars: number; ruleId: string; line?: number; text: string} | undefined
    let firstRepeat: number | undefined
    for (const message of article.messages) {
      if (!isRemoval(message)) continue
      const chars = message.actual?.length ?? 0
      const category = (this.byCategory[message.category] ??= {blocks: 0, chars: 0})
      category.blocks++
      category.chars += chars
      let rule = this.rules.get(message.ruleId)
      if (!rule) {
        rule = {category: message.category, count: 0, chars: 0, example: {...placeAt(message.line), id: article.id, text: excerpt(message.actual ?? '')}}
        this.rules.set(message.ruleId, rule)
      }
      rule.count++
      rule.chars += chars
      if (!biggest || chars > biggest.chars) biggest = {chars, ruleId: message.ruleId, line: message.line, text: message.actual ?? ''}
      if (message.category === 'duplicate' && firstRepeat === undefined) firstRepeat = message.line ?? 0
    }
    if (article.removed.duplicate) {
      this.repeats++
      if (this.repeated.length < TOP) this.repeated.push({...placeAt(firstRepeat || undefined), id: article.id, text: excerpt(titleOrId(article))})
    }
    if (biggest && article.charsRemoved > 0 && this.worstBoilerplate.wouldKeep(article.charsRemoved)) {
      const share = article.charsIn > 0 ? article.charsRemoved / article.charsIn : 0
      const found = biggest
      this.worstBoilerplate.offer(article.charsRemoved, () => ({
        ...placeAt(found.line),
        id: article.id,
        text: excerpt(found.text),
        chars: article.charsRemoved,
        share,
        ruleId: found.ruleId
      }))
    }

    // Sites with most chrome.
    const site = siteOf(article)
    if (site !== undefined) {
      const data = this.sites.add(site, article.charsRemoved)
      data.articles++
      data.charsIn += article.charsIn
      data.charsRemoved += article.charsRemoved
      if (biggest && biggest.chars > data.exampleChars) {
        data.exampleChars = biggest.chars
        data.example = {...placeAt(biggest.line), id: article.id, text: excerpt(biggest.text)}
      }
    }

    // Duplicates, from the dedup annotation (set by the corpus dedup stage).
    if (article.status === 'duplicate' || article.dedup?.duplicateOf !== undefined) {
      this.duplicates++
      const key = article.dedup?.cluster ?? article.dedup?.duplicateOf ?? article.id
      const cluster = this.clusters.get(key)
      if (cluster) cluster.size++
      else this.clusters.set(key, {size: 2, example: {...placeAt(), id: article.id, text: excerpt(titleOrId(article))}})
    }

    // Encoding trouble, on the input text.
    const text = inputText(article, this.options.textField)
    if (text !== undefined) {
      const scan = scanEncoding(text)
      const total = encodingTotal(scan)
      if (total > 0) {
        this.encodingArticles++
        this.encoding.replacement += scan.replacement
        this.encoding.mojibake += scan.mojibake
        this.encoding.control += scan.control
        const first = scan.first!
        this.worstEncoding.offer(total, () => ({
          ...placeAt(lineAt(text, first.offset)),
          id: article.id,
          text: excerpt(`${first.kind} “${showFound(first.found)}” in: ${context(text, first.offset)}`),
          count: total,
          kind: first.kind
        }))
      }
    }
  }

  /** The figures so far. */
  figures(): CheckFigures {
    const share = (n: number, of: number) => (of > 0 ? n / of : 0)
    const byCategory: CheckFigures['boilerplate']['byCategory'] = {}
    for (const [category, c] of Object.entries(this.byCategory).sort((a, b) => b[1].chars - a[1].chars || (a[0] < b[0] ? -1 : 1))) {
      byCategory[category] = {blocks: c.blocks, chars: c.chars, share: share(c.chars, this.charsIn)}
    }
    let largest = 0
    for (const c of this.clusters.values()) largest = Math.max(largest, c.size)
    return {
      records: this.records,
      articles: this.articles,
      rejected: {count: this.rejected, share: share(this.rejected, this.records)},
      empty: {count: this.empty, share: share(this.empty, this.articles), byReason: {...this.emptyByReason}},
      boilerplate: {charsIn: this.charsIn, charsRemoved: this.charsRemoved, share: share(this.charsRemoved, this.charsIn), byCategory},
      repeats: {articles: this.repeats, share: share(this.repeats, this.articles)},
      duplicates: this.options.dedup
        ? {count: this.duplicates, share: share(this.duplicates, this.articles), clusters: this.clusters.size, largestCluster: largest}
        : null,
      encoding: {articles: this.encodingArticles, share: share(this.encodingArticles, this.articles), ...this.encoding},
      languages: null
    }
  }

  /** Top offenders and worst examples. */
  offenders(): CheckOffenders {
    const rules = [...this.rules.entries()]
      .sort((a, b) => b[1].count - a[1].count || b[1].chars - a[1].chars || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP)
      .map(([ruleId, r]) => ({ruleId, ...r}))
    const sites = this.sites
      .top(TOP)
      .filter((c) => c.data.charsRemoved > 0)
      .map((c) => ({
        site: c.key,
        articles: c.data.articles,
        charsIn: c.data.charsIn,
        charsRemoved: c.data.charsRemoved,
        share: c.data.charsIn > 0 ? c.data.charsRemoved / c.data.charsIn : 0,
        approximate: c.error > 0,
        example: c.data.example
      }))
    const clusters = [...this.clusters.entries()]
      .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP)
      .map(([cluster, c]) => ({cluster, ...c}))
    return {
      rules,
      sites,
      clusters,
      boilerplate: this.worstBoilerplate.values(),
      encoding: this.worstEncoding.values(),
      rejected: [...this.rejects],
      empty: [...this.empties],
      repeats: [...this.repeated]
    }
  }

  /** Sizes of the internal structures (for tests of the memory bound). */
  get footprint(): {rules: number; sites: number; clusters: number; lists: number} {
    return {
      rules: this.rules.size,
      sites: this.sites.size,
      clusters: this.clusters.size,
      lists: this.worstBoilerplate.size + this.worstEncoding.size + this.rejects.length + this.empties.length + this.repeated.length
    }
  }
}

/** The record's `site`, else its URL's hostname without `www.`. */
export function siteOf(article: Pick<ArticleOutput, 'record'>): string | undefined {
  const {site, url} = article.record
  if (typeof site === 'string' && site !== '') return site
  if (typeof url !== 'string' || url === '') return undefined
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined
  } catch {
    return undefined
  }
}

function inputText(article: ArticleOutput, textField?: string): string | undefined {
  try {
    return recordText(article.record, textField).text
  } catch {
    return undefined
  }
}

function titleOrId(article: ArticleOutput): string {
  return article.title ?? (article.text || article.id)
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}

function context(text: string, offset: number): string {
  return showFound(text.slice(Math.max(0, offset - 20), offset + 30).replace(/[\t\n\r]+/g, ' '))
}
