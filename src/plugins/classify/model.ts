/**
 * The article span and the stage-2 features. The two small models (logistic
 * or a one-hidden-layer perceptron; weights in `weights.ts`, trained by
 * bench/eval-train-classify.ts on the dev sets) are scored in `predict.ts`.
 *
 * Stage 1 scores every block on its own features and its neighbours'.
 * Stage 2 re-scores it knowing how stage 1 judged its neighbourhood and
 * whether it lies inside the article's span (the heaviest run of content).
 */
import {cohesion} from './cohesion.js'
import {FEATURE_COUNT} from './features.js'
import type {BlockStats} from './measure.js'
import {log1pInt, tempFloats, tempInts} from './scratch.js'

// classify-blocks.ts, weights.ts and the training script import these from here.
export {predict, type BlockModel, type ClassifierModel, type LinearModel, type MlpModel} from './predict.js'

/**
 * The article span: the contiguous run of blocks with the largest total of
 * `(p - threshold) * weight` (Kadane), weight growing with the block's length
 * so that one long paragraph outweighs a few short menu lines.
 * Blocks below the threshold weigh at least `gapWeight`, so that a run of
 * short chrome lines (tags, share bars, a "More from" heading) ends the span.
 * Returns `[start, end)`; empty (`[0, 0]`) when no block scores above the threshold.
 */
export function articleSpan(p: Float64Array, stats: readonly BlockStats[], threshold: number, gapWeight = 0): [number, number] {
  let best = 0
  let bestStart = 0
  let bestEnd = 0
  let sum = 0
  let start = 0
  for (let i = 0; i < p.length; i++) {
    const weight = Math.sqrt(1 + stats[i].words)
    // Boilerplate weighs at least `gapWeight`, so a run of short chrome lines breaks the span.
    const gain = (p[i] - threshold) * (p[i] < threshold ? Math.max(weight, gapWeight) : weight)
    if (sum <= 0) {
      sum = gain
      start = i
    } else sum += gain
    if (sum > best) {
      best = sum
      bestStart = start
      bestEnd = i + 1
    }
  }
  return [bestStart, bestEnd]
}

export const STAGE2_FEATURES = [
  'bias',
  'logit1',
  'prev1',
  'prev2',
  'next1',
  'next2',
  'windowShare',
  'inSpan',
  'outsideDistance',
  'spanStart',
  'spanEnd',
  'logWords',
  'terminal',
  'afterSpanShare',
  'massBefore',
  'massAfter',
  'window3',
  'wideWindow',
  'mainSegment',
  'segmentShare',
  'beforeMain',
  'afterMain',
  'segmentsAway',
  'topic',
  'titleWords',
  'topicLong',
  'inCore',
  'coreDistance',
  'afterCore',
  'beforeCore'
] as const

/** Consecutive blocks below 0.5 that split the page into segments. */
const GAP = 3

export const STAGE2_COUNT = STAGE2_FEATURES.length

/** Stage-2 features from stage-1 probabilities and the span they give. */
export function stage2Matrix(
  p1: Float64Array,
  stats: readonly BlockStats[],
  span: [number, number],
  stopwords: ReadonlySet<string> | undefined,
  title: string | undefined
): Float64Array {
  const topic = cohesion(stats, p1, stopwords, title)
  const n = p1.length
  const F = STAGE2_COUNT
  const x = new Float64Array(n * F)
  const good = tempFloats(8, n + 1)
  for (let i = 0; i < n; i++) good[i + 1] = good[i] + (p1[i] > 0.5 ? 1 : 0)
  // Content mass (p1 × words) before and after each block, as shares of the page's.
  const mass = tempFloats(9, n + 1)
  for (let i = 0; i < n; i++) mass[i + 1] = mass[i] + p1[i] * stats[i].words
  const total = mass[n] || 1
  const pre = tempFloats(10, n + 1)
  for (let i = 0; i < n; i++) pre[i + 1] = pre[i] + p1[i]
  // Segments: stretches of the page split by runs of GAP or more low blocks;
  // the one with the most content mass is the main one.
  const segment = tempInts(0, n)
  const segmentMass: number[] = []
  let current = 0
  let low = 0
  let lowStart = 0
  segmentMass.push(0)
  for (let i = 0; i < n; i++) {
    if (p1[i] < 0.5) {
      if (low === 0) lowStart = i
      low++
      if (low === GAP) {
        // The low run opens a new segment from its first block.
        current++
        segmentMass.push(0)
        for (let k = lowStart; k < i; k++) {
          segmentMass[current - 1] -= p1[k] * stats[k].words
          segmentMass[current] += p1[k] * stats[k].words
          segment[k] = current
        }
      }
    } else low = 0
    segment[i] = current
    segmentMass[current] += p1[i] * stats[i].words
  }
  let main = 0
  for (let k = 1; k < segmentMass.length; k++) if (segmentMass[k] > segmentMass[main]) main = k
  // Distance to the nearest core block, and whether the block lies before or after the core.
  let coreFirst = -1
  let coreLast = -1
  for (let i = 0; i < n; i++) {
    if (!topic.core[i]) continue
    if (coreFirst < 0) coreFirst = i
    coreLast = i
  }
  const W = 6
  const [s0, s1] = span
  for (let i = 0; i < n; i++) {
    const row = i * F
    const p = Math.min(1 - 1e-6, Math.max(1e-6, p1[i]))
    const lo = Math.max(0, i - W)
    const hi = Math.min(n, i + W + 1)
    const around = hi - lo - 1
    const outside = i < s0 ? s0 - i : i >= s1 ? i - s1 + 1 : 0
    let c = 0
    x[row + c++] = 1
    x[row + c++] = Math.log(p / (1 - p)) / 4
    x[row + c++] = i > 0 ? p1[i - 1] : 0
    x[row + c++] = i > 1 ? p1[i - 2] : 0
    x[row + c++] = i + 1 < n ? p1[i + 1] : 0
    x[row + c++] = i + 2 < n ? p1[i + 2] : 0
    x[row + c++] = around > 0 ? (good[hi] - good[lo] - (p1[i] > 0.5 ? 1 : 0)) / around : 0
    x[row + c++] = outside === 0 && s1 > s0 ? 1 : 0
    x[row + c++] = log1pInt(outside)
    x[row + c++] = i === s0 ? 1 : 0
    x[row + c++] = i === s1 - 1 ? 1 : 0
    x[row + c++] = log1pInt(stats[i].words)
    x[row + c++] = stats[i].terminal ? 1 : 0
    x[row + c++] = n - s1 > 0 && i >= s1 ? (good[n] - good[s1]) / (n - s1) : 0
    x[row + c++] = mass[i] / total
    x[row + c++] = (mass[n] - mass[i + 1]) / total
    const a = Math.max(0, i - 3)
    const b = Math.min(n, i + 4)
    x[row + c++] = b - a > 1 ? (pre[b] - pre[a] - p1[i]) / (b - a - 1) : 0
    const wa = Math.max(0, i - 20)
    const wb = Math.min(n, i + 21)
    x[row + c++] = wb - wa > 1 ? (pre[wb] - pre[wa] - p1[i]) / (wb - wa - 1) : 0
    const k = segment[i]
    x[row + c++] = k === main ? 1 : 0
    x[row + c++] = Math.max(0, segmentMass[k]) / total
    x[row + c++] = k < main ? 1 : 0
    x[row + c++] = k > main ? 1 : 0
    x[row + c++] = log1pInt(Math.abs(k - main))
    x[row + c++] = topic.topic[i]
    x[row + c++] = topic.title[i]
    x[row + c++] = topic.topic[i] * log1pInt(stats[i].words)
    x[row + c++] = topic.core[i]
    const away = coreFirst < 0 ? 0 : i < coreFirst ? coreFirst - i : i > coreLast ? i - coreLast : 0
    x[row + c++] = log1pInt(away)
    x[row + c++] = coreLast >= 0 && i > coreLast ? 1 : 0
    x[row + c++] = coreFirst >= 0 && i < coreFirst ? 1 : 0
  }
  return x
}

export {FEATURE_COUNT}
