/**
 * Topic cohesion: which blocks talk about what the article's core talks
 * about. Works on the page's word ids (see {@link PageWords}).
 */
import type {BlockStats} from './measure.js'
import {tempInts} from './scratch.js'
import {isContent, type PageWords} from './tokens.js'

const TOKEN = /[\p{L}\p{N}_]+/gu

/** Blocks that count as the article's core: at least this probability and word count. */
const CORE_P = 0.7
const CORE_WORDS = 8
/** Most consecutive non-core blocks the core may step over. */
const CORE_GAP = 2

/**
 * The article's core: starting from the block with the most content mass
 * (`p × words`), the strong blocks reachable without stepping over more than
 * `CORE_GAP` weaker blocks in a row. Related-story teasers after a break in
 * the article are left out even when they read as prose.
 */
export function articleCore(stats: readonly BlockStats[], p: Float64Array): Uint8Array {
  const n = stats.length
  const core = new Uint8Array(n)
  let seed = -1
  let best = 0
  for (let i = 0; i < n; i++) {
    const mass = p[i] * stats[i].words
    if (mass > best) {
      best = mass
      seed = i
    }
  }
  if (seed < 0) return core
  core[seed] = 1
  for (let step = -1; step <= 1; step += 2) {
    let gap = 0
    for (let i = seed + step; i >= 0 && i < n; i += step) {
      if (p[i] >= CORE_P && stats[i].words >= CORE_WORDS) {
        core[i] = 1
        gap = 0
      } else if (++gap > CORE_GAP) break
    }
  }
  return core
}

/** Per word id, 1 for the title's content words. */
function titleWords(page: PageWords, stop: ReadonlySet<string> | undefined, title: string | undefined): Int32Array {
  const flags = tempInts(3, page.size)
  for (const t of title?.toLowerCase().match(TOKEN) ?? []) {
    if (!isContent(t, stop)) continue
    // Title words the page lacks cannot be shared with any block.
    const id = page.id(t)
    if (id >= 0) flags[id] = 1
  }
  return flags
}

/**
 * Topic cohesion: for every block, the share of its distinct content words
 * that also occur in another block of the article's core (see
 * {@link articleCore}), and the share that occur in the title. Related-story
 * teasers and other chrome talk about something else.
 */
export function cohesion(
  stats: readonly BlockStats[],
  p: Float64Array,
  stop: ReadonlySet<string> | undefined,
  title: string | undefined
): {topic: Float64Array; title: Float64Array; core: Uint8Array} {
  const n = stats.length
  const core = articleCore(stats, p)
  const topic = new Float64Array(n)
  const inTitle = new Float64Array(n)
  if (n === 0) return {topic, title: inTitle, core}
  const page = stats[0].page
  const ids = page.ids
  const content = page.contentWords(stop)
  // Document frequency over core blocks. `last` holds the last block (+1) that
  // counted a word: core blocks first, then every block again (offset by n).
  const df = tempInts(1, page.size)
  const last = tempInts(2, page.size)
  for (let i = 0; i < n; i++) {
    if (!core[i]) continue
    const s = stats[i]
    for (let k = s.from; k < s.to; k++) {
      const id = ids[k]
      if (last[id] === i + 1 || !content[id]) continue
      last[id] = i + 1
      df[id]++
    }
  }
  const titled = titleWords(page, stop, title)
  for (let i = 0; i < n; i++) {
    const s = stats[i]
    const mark = n + 1 + i
    let distinct = 0
    let shared = 0
    let inTitleWords = 0
    for (let k = s.from; k < s.to; k++) {
      const id = ids[k]
      if (last[id] === mark || !content[id]) continue
      last[id] = mark
      distinct++
      if (df[id] - core[i] > 0) shared++
      inTitleWords += titled[id]
    }
    topic[i] = distinct > 0 ? shared / distinct : 0
    inTitle[i] = distinct > 0 ? inTitleWords / distinct : 0
  }
  return {topic, title: inTitle, core}
}
