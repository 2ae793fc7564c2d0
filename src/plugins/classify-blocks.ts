/**
 * classify-blocks: main-content detection on text.
 *
 * Finds where the article's prose starts and ends in a flattened page and
 * classifies every block with its context, the way jusText and boilerpipe do
 * on DOM blocks: length, word count, stopword density (lists for ~60
 * languages from `stopwords-iso`), capitalised words, terminal punctuation,
 * runs of short lines (menus), link-like text, repetition, position, the
 * headline's position, and the neighbours' classes. Blocks outside the
 * article's span are removed as `content/outside-article`, boilerplate inside
 * it as `content/boilerplate-block`. What belongs to the article is kept on
 * purpose: short sentences and subheadings between content blocks, and a
 * closing credit line right after the body.
 */
import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {stepState} from '../article/memo.js'
import {reportRemoval} from '../article/messages.js'
import {nodeText} from '../article/node-text.js'
import {
  FEATURE_COUNT,
  featureMatrix,
  findAnchor,
  measureBlocks,
  measureMemo,
  type BlockInput,
  type BlockStats,
  type MeasureMemo
} from './classify/features.js'
import {articleSpan, predict, STAGE2_COUNT, stage2Matrix, type ClassifierModel} from './classify/model.js'
import {MODEL} from './classify/weights.js'

/** Options for {@link classifyBlocks}. */
export interface ClassifyBlocksOptions {
  /**
   * Content probability at or above which a block inside the article's span
   * is kept.
   * @default 0.4
   */
  threshold?: number
  /**
   * Content probability at or above which a block outside the span is still
   * kept (a second stretch of the article after a long interruption).
   * @default 0.5
   */
  outsideThreshold?: number
  /**
   * Stage-1 probability that counts as neutral when the span is searched:
   * blocks above it pull the span over them, blocks below push it away.
   * Lower values favour recall (whole sections of long guides), higher ones
   * precision (related-story teasers after the article).
   * @default 0.4
   */
  spanThreshold?: number
  /**
   * Least weight of a block below the span threshold when the span is
   * searched; higher values make runs of short chrome lines end the article.
   * @default 0
   */
  gapWeight?: number
  /**
   * When no block reaches this probability, all thresholds are scaled by
   * `best / relativeTo`, so that a short article in a page full of chrome is
   * still found. `0` turns this off.
   * @default 0.8
   */
  relativeTo?: number
  /**
   * Language of the stopword list (ISO 639-1), or `auto` to guess it from
   * the page.
   * @default 'auto'
   */
  language?: string
  /**
   * Pages with fewer blocks than this are left alone: there is nothing to
   * tell the article from.
   * @default 3
   */
  minBlocks?: number
  /**
   * Keep short sentences, subheadings and list items that sit between two
   * kept blocks, and a closing sentence (a credit line) right after the body.
   * @default true
   */
  keepInBody?: boolean
  /**
   * The weights to score with (see bench/eval-train-classify.ts).
   * @default the bundled model
   */
  model?: ClassifierModel
}

/** Rule ids this plugin reports. */
export const CLASSIFY_RULES = {
  outside: 'content/outside-article',
  inside: 'content/boilerplate-block'
} as const

/** What the classifier decided for one block (for tests and `explain`). */
export interface BlockDecision {
  keep: boolean
  probability: number
  inSpan: boolean
}

/** The blocks of a tree as the features see them. */
export function blocksOf(tree: Root): BlockInput[] {
  return tree.children.map((node, i) => {
    const data = (node.data as {decruft?: {group?: number; lines?: number}} | undefined)?.decruft
    return {text: nodeText(node).trim(), group: data?.group ?? -1 - i, lines: data?.lines ?? 1}
  })
}

/**
 * Classify the blocks of a page; `title` is the article's headline when
 * known. `memo` carries the blocks' own measures from one cleaning pass of
 * an article to the next.
 */
export function classify(
  blocks: readonly BlockInput[],
  title: string | undefined,
  options: ClassifyBlocksOptions = {},
  memo?: MeasureMemo
): BlockDecision[] {
  const model = options.model ?? MODEL
  const threshold = options.threshold ?? 0.4
  const outsideThreshold = options.outsideThreshold ?? 0.5
  const spanThreshold = options.spanThreshold ?? 0.4
  const relativeTo = options.relativeTo ?? 0.8
  const language = options.language === undefined || options.language === 'auto' ? undefined : options.language
  const {stats, language: lang, stopwords} = measureBlocks(blocks, language, memo)
  const anchor = findAnchor(stats, title)
  const x1 = featureMatrix(stats, anchor, lang !== undefined)
  const p1 = predict(model.stage1, x1, FEATURE_COUNT)
  const span1 = articleSpan(p1, stats, spanThreshold)
  let p2 = predict(model.stage2, stage2Matrix(p1, stats, span1, stopwords, title), STAGE2_COUNT)
  if (model.stage3) {
    const span2 = articleSpan(p2, stats, 0.5)
    p2 = predict(model.stage3, stage2Matrix(p2, stats, span2, stopwords, title), STAGE2_COUNT)
  }
  // Every page is taken to hold an article: when even its best block scores
  // low (a short story in a huge page), the thresholds scale down with it.
  let top = 0
  for (const p of p2) if (p > top) top = p
  const scale = top > 0 && top < relativeTo ? top / relativeTo : 1
  const [s0, s1] = articleSpan(p2, stats, spanThreshold * scale, options.gapWeight ?? 0)
  const decisions = Array.from(p2, (p, i): BlockDecision => {
    const inSpan = i >= s0 && i < s1
    return {probability: p, inSpan, keep: p >= (inSpan ? threshold : outsideThreshold) * scale}
  })
  if (options.keepInBody !== false) keepInBody(decisions, stats)
  return decisions
}

/** A short block that reads as part of the body: a sentence, a subheading, a list item. */
function bodyLike(s: BlockStats): boolean {
  return !s.linkLike && !s.copyright && s.repeats === 1 && s.words >= 2
}

function keepInBody(decisions: BlockDecision[], stats: readonly BlockStats[]) {
  const n = decisions.length
  // Between two kept blocks (within the span): a quote, a one-line paragraph, a subheading.
  let lastKept = -1
  for (let i = 0; i < n; i++) {
    if (!decisions[i].keep) continue
    if (lastKept >= 0 && i - lastKept > 1 && i - lastKept <= 3) {
      let all = true
      for (let k = lastKept + 1; k < i; k++) if (!decisions[k].inSpan || !bodyLike(stats[k])) all = false
      if (all) for (let k = lastKept + 1; k < i; k++) decisions[k].keep = true
    }
    lastKept = i
  }
  // A closing sentence right after the body: "The Associated Press contributed to this report."
  if (lastKept >= 0 && lastKept + 1 < n) {
    const s = stats[lastKept + 1]
    if (bodyLike(s) && s.terminal && s.words >= 4 && s.words <= 25 && s.stopwords > 0 && decisions[lastKept].probability >= 0.5) {
      decisions[lastKept + 1].keep = true
    }
  }
}

/**
 * Remove the blocks of a page that are not part of its article; each
 * removal is reported with its rule id.
 */
export function classifyBlocks(options: ClassifyBlocksOptions = {}) {
  const minBlocks = options.minBlocks ?? 3
  return (tree: Root, file: VFile): void => {
    const blocks = blocksOf(tree)
    if (blocks.length < minBlocks) return
    const decisions = classify(blocks, file.data.decruft?.title, options, stepState(file, 'classify-blocks', measureMemo))
    const kept: RootContent[] = []
    tree.children.forEach((node, i) => {
      const d = decisions[i]
      if (d.keep || blocks[i].text === '') {
        kept.push(node)
        return
      }
      const p = d.probability.toFixed(2)
      reportRemoval(file, node, d.inSpan
        ? {ruleId: CLASSIFY_RULES.inside, reason: `Block inside the article reads as boilerplate (content p=${p})`}
        : {ruleId: CLASSIFY_RULES.outside, reason: `Block lies outside the article's text (content p=${p})`})
    })
    tree.children = kept
  }
}

export default classifyBlocks
