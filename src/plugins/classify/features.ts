/**
 * Page-level features for main-content detection on text, in the spirit of
 * jusText and boilerpipe: every block's own measures (see `measure.ts`) with
 * the same measures over its neighbours, runs of short lines (menus),
 * position, prose around it, and the block that repeats the headline.
 * Everything is linear in the size of the page.
 */
import type {BlockStats} from './measure.js'
import {log1pInt, tempFloats, tempInts} from './scratch.js'

// classify-blocks.ts and the training script import these from here.
export {measureBlocks, measureMemo, type BlockInput, type BlockStats, type MeasureMemo} from './measure.js'
export {articleCore, cohesion} from './cohesion.js'

const TOKEN = /[\p{L}\p{N}_]+/gu

/** Names of the feature columns, in order (the model's weights follow it). */
export const FEATURES = [
  'bias',
  'logWords',
  'logChars',
  'stopDensity',
  'capShare',
  'terminal',
  'colon',
  'commaRate',
  'digitShare',
  'linkLike',
  'allCaps',
  'listMarker',
  'copyright',
  'wrapped',
  'shortRun',
  'groupSize',
  'position',
  'repeated',
  'beforeAnchor',
  'anchor',
  'noStopList',
  'tiny',
  'long',
  'prevWords',
  'nextWords',
  'prevStop',
  'nextStop',
  'prevTerminal',
  'nextTerminal',
  'sameGroupPrev',
  'sameGroupNext',
  'windowProse',
  'w3to5',
  'w6to10',
  'w11to20',
  'w21to40',
  'prose',
  'stopWeighted',
  'lowStop',
  'wideProse',
  'proseDistance',
  'proseBefore',
  'beforeAllProse',
  'afterAllProse',
  'timeLike',
  'yearLike',
  'colonShort',
  'windowTime',
  'relWords',
  'topBlock',
  'lineCaps'
] as const

export const FEATURE_COUNT = FEATURES.length

/** A block with at least this many words and a sentence end reads as prose. */
const PROSE_WORDS = 10
/** Blocks shorter than this (in words) make up menus when they come in runs. */
const SHORT_WORDS = 5

/**
 * The feature matrix, row-major, `FEATURE_COUNT` columns per block.
 * `anchor` is the index of the block repeating the headline, or -1.
 */
export function featureMatrix(stats: readonly BlockStats[], anchor: number, hasStopList: boolean): Float64Array {
  const n = stats.length
  const F = FEATURE_COUNT
  const x = new Float64Array(n * F)
  // Runs of short blocks (menus, link lists): length of the run a block is in.
  const run = tempFloats(0, n)
  for (let i = 0; i < n; ) {
    let j = i
    while (j < n && stats[j].words < SHORT_WORDS) j++
    for (let k = i; k < j; k++) run[k] = j - i
    i = j === i ? i + 1 : j
  }
  // Blocks per group.
  const groupSize = new Map<number, number>()
  for (const s of stats) groupSize.set(s.group, (groupSize.get(s.group) ?? 0) + 1)
  const logWords = tempFloats(1, n)
  const density = tempFloats(2, n)
  const prose = tempFloats(3, n)
  for (let i = 0; i < n; i++) {
    const s = stats[i]
    logWords[i] = log1pInt(s.words)
    density[i] = s.words > 0 ? s.stopwords / s.words : 0
    prose[i] = s.words >= PROSE_WORDS && s.terminal ? 1 : 0
  }
  // Share of prose among the 5 blocks either side (prefix sums keep it linear).
  const prefix = tempFloats(4, n + 1)
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + prose[i]
  // Prose words before each block (as a share of all prose words) and the distance to the nearest prose block.
  const proseWords = tempFloats(5, n + 1)
  for (let i = 0; i < n; i++) proseWords[i + 1] = proseWords[i] + prose[i] * stats[i].words
  const totalProse = proseWords[n] || 1
  const distance = tempFloats(6, n).fill(n, 0, n)
  for (let i = 0, last = -n; i < n; i++) {
    if (prose[i]) last = i
    distance[i] = i - last
  }
  for (let i = n - 1, last = 2 * n; i >= 0; i--) {
    if (prose[i]) last = i
    distance[i] = Math.min(distance[i], last - i)
  }
  let maxWords = 1
  for (const st of stats) if (st.words > maxWords) maxWords = st.words
  const times = tempFloats(7, n + 1)
  for (let i = 0; i < n; i++) times[i + 1] = times[i] + (stats[i].timeLike ? 1 : 0)
  const W = 5
  const WIDE = 15
  for (let i = 0; i < n; i++) {
    const s = stats[i]
    const row = i * F
    const words = Math.max(1, s.words)
    const prev = i > 0 ? i - 1 : -1
    const next = i + 1 < n ? i + 1 : -1
    const lo = Math.max(0, i - W)
    const hi = Math.min(n, i + W + 1)
    const around = hi - lo - 1
    let c = 0
    x[row + c++] = 1
    x[row + c++] = logWords[i]
    x[row + c++] = log1pInt(s.chars)
    x[row + c++] = density[i]
    x[row + c++] = s.capitalised / words
    x[row + c++] = s.terminal ? 1 : 0
    x[row + c++] = s.colon ? 1 : 0
    x[row + c++] = Math.min(1, s.commas / words)
    x[row + c++] = s.chars > 0 ? s.digits / s.chars : 0
    x[row + c++] = s.linkLike ? 1 : 0
    x[row + c++] = s.allCaps ? 1 : 0
    x[row + c++] = s.listMarker ? 1 : 0
    x[row + c++] = s.copyright ? 1 : 0
    x[row + c++] = s.lines > 1 ? 1 : 0
    x[row + c++] = log1pInt(run[i])
    x[row + c++] = log1pInt(groupSize.get(s.group) ?? 1)
    x[row + c++] = n > 1 ? i / (n - 1) : 0
    x[row + c++] = s.repeats > 1 ? 1 : 0
    x[row + c++] = anchor >= 0 && i < anchor ? 1 : 0
    x[row + c++] = i === anchor ? 1 : 0
    x[row + c++] = hasStopList ? 0 : 1
    x[row + c++] = s.words <= 2 ? 1 : 0
    x[row + c++] = s.words >= 40 ? 1 : 0
    x[row + c++] = prev >= 0 ? logWords[prev] : 0
    x[row + c++] = next >= 0 ? logWords[next] : 0
    x[row + c++] = prev >= 0 ? density[prev] : 0
    x[row + c++] = next >= 0 ? density[next] : 0
    x[row + c++] = prev >= 0 && stats[prev].terminal ? 1 : 0
    x[row + c++] = next >= 0 && stats[next].terminal ? 1 : 0
    x[row + c++] = prev >= 0 && stats[prev].group === s.group ? 1 : 0
    x[row + c++] = next >= 0 && stats[next].group === s.group ? 1 : 0
    x[row + c++] = around > 0 ? (prefix[hi] - prefix[lo] - prose[i]) / around : 0
    const w = s.words
    x[row + c++] = w >= 3 && w <= 5 ? 1 : 0
    x[row + c++] = w >= 6 && w <= 10 ? 1 : 0
    x[row + c++] = w >= 11 && w <= 20 ? 1 : 0
    x[row + c++] = w >= 21 && w < 40 ? 1 : 0
    x[row + c++] = prose[i]
    x[row + c++] = density[i] * logWords[i]
    x[row + c++] = w >= 5 && density[i] < 0.15 ? 1 : 0
    const wlo = Math.max(0, i - WIDE)
    const whi = Math.min(n, i + WIDE + 1)
    x[row + c++] = (prefix[whi] - prefix[wlo] - prose[i]) / Math.max(1, whi - wlo - 1)
    x[row + c++] = log1pInt(Math.min(distance[i], 50))
    const before = proseWords[i] / totalProse
    const after = (proseWords[n] - proseWords[i + 1]) / totalProse
    x[row + c++] = before
    x[row + c++] = before < 0.02 ? 1 : 0
    x[row + c++] = after < 0.02 ? 1 : 0
    x[row + c++] = s.timeLike ? 1 : 0
    x[row + c++] = s.yearLike ? 1 : 0
    x[row + c++] = s.colon && w <= 6 ? 1 : 0
    x[row + c++] = (times[whi] - times[wlo] - (s.timeLike ? 1 : 0)) / Math.max(1, whi - wlo - 1)
    x[row + c++] = s.words / maxWords
    x[row + c++] = s.words >= maxWords * 0.5 && s.words >= 15 ? 1 : 0
    x[row + c++] = s.lineCaps
  }
  return x
}

/**
 * The block that repeats the headline (the article starts after it), or -1.
 * Only short blocks are compared, so this stays linear.
 */
export function findAnchor(stats: readonly BlockStats[], title: string | undefined): number {
  if (!title || stats.length === 0) return -1
  const want = new Set(title.toLowerCase().match(TOKEN) ?? [])
  if (want.size < 2) return -1
  const page = stats[0].page
  const wanted = tempInts(4, page.size)
  for (const t of want) {
    const id = page.id(t)
    if (id >= 0) wanted[id] = 1
  }
  for (let i = 0; i < stats.length; i++) {
    const {from, to} = stats[i]
    const count = to - from
    if (count < 2 || count > want.size * 2 + 2) continue
    let hit = 0
    for (let k = from; k < to; k++) hit += wanted[page.ids[k]]
    if (hit >= count * 0.9 && hit >= want.size * 0.7) return i
  }
  return -1
}
