import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {stepMemo} from '../article/memo.js'
import {reportRemoval} from '../article/messages.js'
import {nodeText} from '../article/node-text.js'
import {compileRules, PACKS, type Rule} from '../rules/index.js'
import {isPlaceholder} from '../rules/placeholder.js'
import {isTeaser, type TeaserOptions} from '../rules/teaser.js'

/** Options for {@link stripBoilerplate}. */
export interface StripBoilerplateOptions {
  /**
   * Rule packs to use, by language code; `all` uses every built-in pack.
   * @default ['all']
   */
  languages?: string[]
  /**
   * Rule ids or whole categories to turn off (e.g. `media/credit`, `share`).
   * @default []
   */
  disable?: string[]
  /**
   * Extra rules, in the rule-pack format.
   * @default []
   */
  rules?: Rule[]
  /**
   * Remove ALL-CAPS teaser headlines inside the body; `false` turns it off.
   * @default {}
   */
  teasers?: TeaserOptions | false
  /**
   * Remove blocks made only of CMS placeholders (`[#item_full_content]`, `{{...}}`).
   * @default true
   */
  placeholders?: boolean
  /**
   * A terminator ("Related articles", "Never miss a story") ends the article
   * only where the prose after it is at most this share of the prose before it.
   * @default 0.5
   */
  tailRatio?: number
}

/** A block's block rule and terminator rule. */
type Verdict = [Rule | undefined, Rule | undefined]

/** Blocks of at least this many words count as prose for the tail test. */
const PROSE_WORDS = 12

/**
 * Remove boilerplate blocks: rule-pack matches (cookie, newsletter, share,
 * ad, navigation, legal, ...), ALL-CAPS teasers, CMS placeholders, and the
 * chrome tail that starts at a terminating heading such as "Related articles".
 */
export default function stripBoilerplate(options: StripBoilerplateOptions = {}) {
  const languages = options.languages ?? ['all']
  const packs = languages.includes('all')
    ? Object.values(PACKS)
    : languages.map((code) => {
        const pack = PACKS[code]
        if (!pack) throw new Error(`strip-boilerplate: no rule pack for language "${code}" (have: ${Object.keys(PACKS).join(', ')})`)
        return pack
      })
  const extra = options.rules ?? []
  const compiled = compileRules(extra.length > 0 ? [...packs, {language: 'user', rules: extra}] : packs, {
    disable: options.disable
  })
  const teasers = options.teasers === false ? undefined : (options.teasers ?? {})
  const placeholders = options.placeholders ?? true
  const tailRatio = options.tailRatio ?? 0.5

  return (tree: Root, file: VFile) => {
    const blocks = tree.children
    const texts = blocks.map((node) => nodeText(node).trim())
    // Both kinds, block by block: they share the prefilter's pass over the text.
    // A verdict depends on the text alone, so a later pass reuses it.
    const memo = stepMemo<Verdict>(file, 'strip-boilerplate')
    const rules: Array<Rule | undefined> = []
    const terminators: Array<Rule | undefined> = []
    for (const text of texts) {
      if (text === '') {
        rules.push(undefined)
        terminators.push(undefined)
        continue
      }
      let verdict = memo?.get(text)
      if (!verdict) {
        verdict = [compiled.matchBlock(text), compiled.matchTerminator(text)]
        memo?.set(text, verdict)
      }
      rules.push(verdict[0])
      terminators.push(verdict[1])
    }
    const end = tailStart(texts, terminators, tailRatio)
    const keep: RootContent[] = []
    let terminator: VFileMessage | undefined
    for (let i = 0; i < blocks.length; i++) {
      const node = blocks[i]
      const text = texts[i]
      const rule = rules[i]
      if (end !== undefined && i >= end.index) {
        const own = rule ?? terminators[i]
        if (i === end.index) terminator = reportRemoval(file, node, {ruleId: end.rule.id, reason: end.rule.reason})
        else if (own) reportRemoval(file, node, {ruleId: own.id, reason: own.reason})
        else reportRemoval(file, node, {ruleId: end.rule.id, reason: `after “${texts[end.index]}”: site chrome`, cause: terminator})
        continue
      }
      if (rule) {
        reportRemoval(file, node, {ruleId: rule.id, reason: rule.reason})
      } else if (placeholders && isPlaceholder(text)) {
        reportRemoval(file, node, {ruleId: 'placeholder/cms-token', reason: 'CMS placeholder with no prose'})
      } else if (teasers && i > 0 && node.type === 'paragraph' && isTeaser(text, teasers)) {
        reportRemoval(file, node, {ruleId: 'teaser/all-caps-headline', reason: 'ALL-CAPS teaser headline inside the body'})
      } else {
        keep.push(node)
      }
    }
    tree.children = keep
  }
}

/** The first terminator with little prose after it, measured in words of prose blocks. */
function tailStart(texts: string[], terminators: Array<Rule | undefined>, ratio: number): {index: number; rule: Rule} | undefined {
  if (!terminators.some(Boolean)) return undefined
  // A repeated block counts once: dedupe-paragraphs removes the copy later,
  // and a second pass over the clean text must find the same tail.
  const seen = new Set<string>()
  const prose = texts.map((text) => {
    const words = countWords(text)
    if (words < PROSE_WORDS || seen.has(text)) return 0
    seen.add(text)
    return words
  })
  let after = prose.reduce((a, b) => a + b, 0)
  let before = 0
  for (let i = 0; i < texts.length; i++) {
    after -= prose[i]
    const rule = terminators[i]
    if (rule && before > 0 && after <= before * ratio) return {index: i, rule}
    before += prose[i]
  }
  return undefined
}

function countWords(text: string): number {
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32
    if (!space && !inWord) words++
    inWord = !space
  }
  return words
}
