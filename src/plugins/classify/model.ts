/**
 * Scoring: two small logistic models (weights in `weights.ts`, trained by
 * bench/eval-train-classify.ts on the dev sets) and the article span.
 *
 * Stage 1 scores every block on its own features and its neighbours'.
 * Stage 2 re-scores it knowing how stage 1 judged its neighbourhood and
 * whether it lies inside the article's span (the heaviest run of content).
 */
import {FEATURE_COUNT, type BlockStats} from './features.js'

/** A logistic model over a row-major feature matrix. */
export interface LinearModel {
  /** Column names, for reading the weights. */
  features: readonly string[]
  weights: readonly number[]
}

/** The weights of both stages. */
export interface ClassifierModel {
  stage1: LinearModel
  stage2: LinearModel
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

/** Probability of content for every row of `x`. */
export function predict(model: LinearModel, x: Float64Array, columns: number): Float64Array {
  const n = x.length / columns
  const w = model.weights
  if (w.length !== columns) throw new Error(`model has ${w.length} weights for ${columns} features`)
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let z = 0
    const row = i * columns
    for (let j = 0; j < columns; j++) z += w[j] * x[row + j]
    out[i] = sigmoid(z)
  }
  return out
}

/**
 * The article span: the contiguous run of blocks with the largest total of
 * `(p - threshold) * weight` (Kadane), weight growing with the block's length
 * so that one long paragraph outweighs a few short menu lines.
 * Returns `[start, end)`; empty (`[0, 0]`) when no block scores above the threshold.
 */
export function articleSpan(p: Float64Array, stats: readonly BlockStats[], threshold: number): [number, number] {
  let best = 0
  let bestStart = 0
  let bestEnd = 0
  let sum = 0
  let start = 0
  for (let i = 0; i < p.length; i++) {
    const gain = (p[i] - threshold) * Math.sqrt(1 + stats[i].words)
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
  'afterSpanShare'
] as const

export const STAGE2_COUNT = STAGE2_FEATURES.length

/** Stage-2 features from stage-1 probabilities and the span they give. */
export function stage2Matrix(p1: Float64Array, stats: readonly BlockStats[], span: [number, number]): Float64Array {
  const n = p1.length
  const F = STAGE2_COUNT
  const x = new Float64Array(n * F)
  const good = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) good[i + 1] = good[i] + (p1[i] > 0.5 ? 1 : 0)
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
    x[row + c++] = Math.log1p(outside)
    x[row + c++] = i === s0 ? 1 : 0
    x[row + c++] = i === s1 - 1 ? 1 : 0
    x[row + c++] = Math.log1p(stats[i].words)
    x[row + c++] = stats[i].terminal ? 1 : 0
    x[row + c++] = n - s1 > 0 && i >= s1 ? (good[n] - good[s1]) / (n - s1) : 0
  }
  return x
}

export {FEATURE_COUNT}
