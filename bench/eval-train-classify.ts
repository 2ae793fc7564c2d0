/**
 * Train the classify-blocks model on the dev sets and write it as data
 * (src/plugins/classify/weights.ts).
 *
 *   node build/bench/eval-train-classify.js [--set aeb,wcxb] [--out src/plugins/classify/weights.ts] [--data ../shared/eval]
 *       [--pipeline news|none|both] [--stages 2|3] [--exclude-fold k/n] [--no-clean-view] [--views-model model.json]
 *
 * `--out` ending in `.json` writes the model as JSON (for `eval --classify-model`). [--model linear|mlp] [--holdout 0.25]
 *
 * Pages are parsed and run through the steps of the pipeline that come
 * before classify-blocks, so the model learns from what it will see
 * (`--pipeline both`: each page twice, raw and after those steps). It also
 * learns from each page as decruft's own output (the clean text and title,
 * cleaned by the bundled model or `--views-model`, then through those steps):
 * cleaning is run to a fixed point, so the model must keep a clean article whole.
 *
 * A block's label: content when at least half of its word 4-grams occur in
 * the page's gold text (blocks of fewer than 4 words: when they are a whole
 * gold line). Both stages are L2-regularised logistic regressions fitted by
 * Newton's method on standardised features, examples weighted by
 * sqrt(1 + words) so long paragraphs count more but short ones still count.
 */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {readFile} from 'node:fs/promises'
import {recordToArticle, type ArticleRecord} from '../src/article/index.js'
import {blocksOf} from '../src/plugins/classify-blocks.js'
import {FEATURE_COUNT, FEATURES, featureMatrix, findAnchor, measureBlocks, type BlockStats} from '../src/plugins/classify/features.js'
import {articleSpan, predict, STAGE2_COUNT, STAGE2_FEATURES, stage2Matrix, type BlockModel, type LinearModel, type MlpModel} from '../src/plugins/classify/model.js'
import {unified} from 'unified'
import {createCleaner, loadPipeline} from '../src/pipeline/index.js'
import {loadPlugin} from './lib/eval-pipeline.js'
import {parseFold, readSet, SETS} from './lib/eval-run.js'
import {rng as prng} from './lib/random.js'

const {values} = parseArgs({
  options: {
    set: {type: 'string', default: 'aeb,wcxb'},
    out: {type: 'string', default: 'src/plugins/classify/weights.ts'},
    data: {type: 'string', default: process.env.DECRUFT_EVAL_DATA ?? '../shared/eval'},
    lambda: {type: 'string', default: '1'},
    model: {type: 'string', default: 'mlp'},
    hidden: {type: 'string', default: '16'},
    epochs: {type: 'string', default: '30'},
    holdout: {type: 'string', default: '0'},
    seed: {type: 'string', default: '1'},
    'page-weight': {type: 'boolean', default: true},
    pipeline: {type: 'string', default: 'both'},
    stages: {type: 'string', default: '2'},
    'exclude-fold': {type: 'string'},
    'clean-view': {type: 'boolean', default: true},
    'views-model': {type: 'string'}
  }
})

interface Page {
  stats: BlockStats[]
  stopwords: ReadonlySet<string> | undefined
  title: string | undefined
  x1: Float64Array
  labels: Uint8Array
  weights: Float64Array
}

const TOKEN = /[\p{L}\p{N}_]+/gu
const fold = (s: string) => (s.toLowerCase().match(TOKEN) ?? []).join(' ')

function labelPage(stats: readonly BlockStats[], texts: readonly string[], gold: string): Uint8Array {
  const goldTokens = gold.toLowerCase().match(TOKEN) ?? []
  const shingles = new Set<string>()
  for (let i = 0; i + 4 <= goldTokens.length; i++) shingles.add(goldTokens.slice(i, i + 4).join(' '))
  const lines = new Set(gold.split('\n').map(fold).filter(Boolean))
  const labels = new Uint8Array(stats.length)
  stats.forEach((s, i) => {
    const t = s.tokens
    if (t.length >= 4) {
      let hit = 0
      for (let k = 0; k + 4 <= t.length; k++) if (shingles.has(t.slice(k, k + 4).join(' '))) hit++
      labels[i] = hit >= (t.length - 3) / 2 ? 1 : 0
    } else if (t.length > 0) labels[i] = lines.has(fold(texts[i])) ? 1 : 0
  })
  return labels
}

/** Weighted L2 logistic regression by Newton's method on standardised columns (column 0 is the bias). */
function fit(x: Float64Array, y: Uint8Array, w: Float64Array, columns: number, lambda: number, names: readonly string[]): LinearModel {
  const n = y.length
  // Column 0 is the bias: it is not standardised.
  const {mean, sd, wsum} = weightedStats(x, w, columns, 1)
  const z = (i: number, j: number) => (j === 0 ? 1 : (x[i * columns + j] - mean[j]) / sd[j])
  const beta = new Float64Array(columns)
  const row = new Float64Array(columns)
  for (let iter = 0; iter < 25; iter++) {
    const grad = new Float64Array(columns)
    const hess = new Float64Array(columns * columns)
    let loss = 0
    for (let i = 0; i < n; i++) {
      let eta = 0
      for (let j = 0; j < columns; j++) {
        row[j] = z(i, j)
        eta += beta[j] * row[j]
      }
      const p = 1 / (1 + Math.exp(-eta))
      const wi = w[i]
      loss -= wi * (y[i] ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12))
      const g = wi * (p - y[i])
      const h = wi * p * (1 - p)
      for (let a = 0; a < columns; a++) {
        grad[a] += g * row[a]
        const ha = h * row[a]
        for (let b = 0; b <= a; b++) hess[a * columns + b] += ha * row[b]
      }
    }
    for (let a = 0; a < columns; a++) {
      for (let b = 0; b < a; b++) hess[b * columns + a] = hess[a * columns + b]
      if (a > 0) {
        grad[a] += lambda * beta[a]
        hess[a * columns + a] += lambda
      }
      hess[a * columns + a] += 1e-9
    }
    const step = solve(hess, grad, columns)
    let change = 0
    for (let j = 0; j < columns; j++) {
      beta[j] -= step[j]
      change = Math.max(change, Math.abs(step[j]))
    }
    if (change < 1e-6) {
      console.log(`  converged after ${iter + 1} steps, loss ${(loss / wsum).toFixed(4)}`)
      break
    }
  }
  // Back to raw feature scale.
  const weights = new Array<number>(columns).fill(0)
  weights[0] = beta[0]
  for (let j = 1; j < columns; j++) {
    weights[j] = beta[j] / sd[j]
    weights[0] -= (beta[j] * mean[j]) / sd[j]
  }
  return {features: names, weights: weights.map((v) => Number(v.toFixed(5)))}
}

/** Solve A x = b (Gaussian elimination with partial pivoting). */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a)
  const r = Float64Array.from(b)
  for (let c = 0; c < n; c++) {
    let piv = c
    for (let i = c + 1; i < n; i++) if (Math.abs(m[i * n + c]) > Math.abs(m[piv * n + c])) piv = i
    if (piv !== c) {
      for (let j = 0; j < n; j++) [m[c * n + j], m[piv * n + j]] = [m[piv * n + j], m[c * n + j]]
      ;[r[c], r[piv]] = [r[piv], r[c]]
    }
    const d = m[c * n + c]
    for (let i = c + 1; i < n; i++) {
      const f = m[i * n + c] / d
      if (f === 0) continue
      for (let j = c; j < n; j++) m[i * n + j] -= f * m[c * n + j]
      r[i] -= f * r[c]
    }
  }
  const out = new Float64Array(n)
  for (let i = n - 1; i >= 0; i--) {
    let s = r[i]
    for (let j = i + 1; j < n; j++) s -= m[i * n + j] * out[j]
    out[i] = s / m[i * n + i]
  }
  return out
}


/** Weighted logistic loss, one tanh hidden layer, Adam on mini-batches. */
function fitMlp(
  x: Float64Array,
  y: Uint8Array,
  w: Float64Array,
  columns: number,
  names: readonly string[],
  opts: {hidden: number; epochs: number; seed: number; l2: number}
): MlpModel {
  const n = y.length
  const H = opts.hidden
  const rand = prng(opts.seed)
  const {mean, sd: scale, wsum} = weightedStats(x, w, columns, 0)
  const z = new Float64Array(n * columns)
  for (let i = 0; i < n; i++) for (let j = 0; j < columns; j++) z[i * columns + j] = (x[i * columns + j] - mean[j]) / scale[j]
  const meanW = wsum / n
  // Parameters: w1 (H×C), b1 (H), w2 (H), b2 (1), in one vector for Adam.
  const P = H * columns + H + H + 1
  const theta = new Float64Array(P)
  for (let k = 0; k < H * columns; k++) theta[k] = (rand() * 2 - 1) / Math.sqrt(columns)
  for (let h = 0; h < H; h++) theta[H * columns + H + h] = (rand() * 2 - 1) / Math.sqrt(H)
  const m1 = new Float64Array(P)
  const m2 = new Float64Array(P)
  const grad = new Float64Array(P)
  const act = new Float64Array(H)
  const order = Uint32Array.from({length: n}, (_, i) => i)
  const batch = 256
  const lr = 0.003
  let step = 0
  const oB1 = H * columns
  const oW2 = oB1 + H
  const oB2 = oW2 + H
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    let loss = 0
    for (let start = 0; start < n; start += batch) {
      grad.fill(0)
      const end = Math.min(n, start + batch)
      for (let b = start; b < end; b++) {
        const i = order[b]
        const row = i * columns
        let o = theta[oB2]
        for (let h = 0; h < H; h++) {
          let a = theta[oB1 + h]
          const base = h * columns
          for (let j = 0; j < columns; j++) a += theta[base + j] * z[row + j]
          act[h] = Math.tanh(a)
          o += theta[oW2 + h] * act[h]
        }
        const p = 1 / (1 + Math.exp(-o))
        const wi = w[i] / meanW
        loss -= wi * (y[i] ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12))
        const g = wi * (p - y[i])
        grad[oB2] += g
        for (let h = 0; h < H; h++) {
          grad[oW2 + h] += g * act[h]
          const gh = g * theta[oW2 + h] * (1 - act[h] * act[h])
          grad[oB1 + h] += gh
          const base = h * columns
          for (let j = 0; j < columns; j++) grad[base + j] += gh * z[row + j]
        }
      }
      step++
      const size = end - start
      const c1 = 1 - 0.9 ** step
      const c2 = 1 - 0.999 ** step
      for (let k = 0; k < P; k++) {
        const g = grad[k] / size + opts.l2 * theta[k]
        m1[k] = 0.9 * m1[k] + 0.1 * g
        m2[k] = 0.999 * m2[k] + 0.001 * g * g
        theta[k] -= (lr * (m1[k] / c1)) / (Math.sqrt(m2[k] / c2) + 1e-8)
      }
    }
    if (epoch % 5 === 4 || epoch === opts.epochs - 1) console.log(`  epoch ${epoch + 1}: loss ${(loss / n).toFixed(4)}`)
  }
  const round = (a: ArrayLike<number>) => Array.from(a, (v) => Number(v.toFixed(5)))
  return {
    kind: 'mlp',
    features: names,
    mean: round(mean),
    scale: round(scale),
    hiddenWeights: round(theta.subarray(0, oB1)),
    hiddenBias: round(theta.subarray(oB1, oW2)),
    outputWeights: round(theta.subarray(oW2, oB2)),
    outputBias: Number(theta[oB2].toFixed(5))
  }
}

function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

function accuracy(p: Float64Array, y: Uint8Array, w: Float64Array): string {
  let ok = 0
  let all = 0
  for (let i = 0; i < y.length; i++) {
    all += w[i]
    if ((p[i] >= 0.5 ? 1 : 0) === y[i]) ok += w[i]
  }
  return (ok / all).toFixed(4)
}

async function main() {
  const lambda = Number(values.lambda)
  const fold = values['exclude-fold'] ? parseFold(values['exclude-fold']) : undefined
  const pages: Page[] = []
  // Train on what classify-blocks sees in the pipeline: the trees after the steps before it.
  const before = unified()
  const processors = values.pipeline === 'both' ? [unified().freeze(), before] : [before]
  if (values.pipeline !== 'none') {
    const file = path.resolve('pipelines', `${values.pipeline === 'both' ? 'news' : values.pipeline}.yaml`)
    const steps = loadPipeline(file).steps
    const at = steps.findIndex((s) => s.name === 'classify-blocks')
    for (const step of steps.slice(0, at < 0 ? steps.length : at)) before.use(await loadPlugin(step.name), step.options)
    console.log(`features after: ${steps.slice(0, at).map((s) => s.name).join(', ') || '(parse only)'}`)
  }
  before.freeze()
  const viewsModel = values['views-model'] ? (JSON.parse(await readFile(values['views-model'], 'utf8')) as unknown) : undefined
  const cleaner = values['clean-view']
    ? createCleaner({pipeline: 'news', stepOptions: viewsModel ? {'classify-blocks': {model: viewsModel}} : {}})
    : undefined
  for (const name of values.set.split(',').filter(Boolean)) {
    const set = SETS[name]
    if (!set) throw new Error(`unknown set ${name}`)
    const all = await readSet(path.join(values.data, set.file))
    for (const [index, record] of all.entries()) {
      // Cross-validation: leave out fold k of n (the same pages `eval --fold k/n` scores).
      if (fold && index % fold.n === fold.k) continue
      const gold = typeof record.gold === 'string' ? record.gold : ''
      const input: ArticleRecord = {...record}
      delete input.gold
      delete input.with
      delete input.without
      const views: Array<[ArticleRecord, typeof before]> = processors.map((p) => [input, p])
      if (cleaner) {
        const clean = cleaner.cleanRecord(input)
        if (clean.text !== '') views.push([{...input, title: clean.title, text: clean.text}, before])
      }
      for (const [view, processor] of views) {
        const {file, tree} = recordToArticle(view)
        processor.runSync(tree, file)
        const blocks = blocksOf(tree)
        if (blocks.length === 0) continue
        const {stats, language, stopwords} = measureBlocks(blocks)
        const anchor = findAnchor(stats, file.data.decruft?.title)
        const x1 = featureMatrix(stats, anchor, language !== undefined)
        const labels = labelPage(stats, blocks.map((b) => b.text), gold)
        const weights = Float64Array.from(stats, (s) => Math.sqrt(1 + s.words))
        if (values['page-weight']) {
          // Every page weighs the same (the metric averages over pages).
          let sum = 0
          for (const v of weights) sum += v
          for (let i = 0; i < weights.length; i++) weights[i] *= 1000 / sum
        }
        pages.push({stats, stopwords, title: file.data.decruft?.title, x1, labels, weights})
      }
    }
  }
  const rand = prng(Number(values.seed) + 7)
  const holdout = Number(values.holdout)
  const isTest = pages.map(() => rand() < holdout)
  const train = pages.filter((_, i) => !isTest[i])
  const test = pages.filter((_, i) => isTest[i])
  const labelsOf = (ps: Page[]) => {
    const y = new Uint8Array(ps.reduce((s, p) => s + p.labels.length, 0))
    let o = 0
    for (const p of ps) {
      y.set(p.labels, o)
      o += p.labels.length
    }
    return y
  }
  const y = labelsOf(train)
  const w = concat(train.map((p) => p.weights))
  console.log(`${train.length} training pages, ${y.length} blocks, ${y.reduce((s, v) => s + v, 0)} content; ${test.length} held out`)
  const kind = values.model
  const train1 = (x: Float64Array, yy: Uint8Array, ww: Float64Array, columns: number, names: readonly string[]): BlockModel =>
    kind === 'linear'
      ? fit(x, yy, ww, columns, lambda, names)
      : fitMlp(x, yy, ww, columns, names, {hidden: Number(values.hidden), epochs: Number(values.epochs), seed: Number(values.seed), l2: 1e-5})
  const stage2Of = (model: BlockModel, page: Page) => {
    const p1 = predict(model, page.x1, FEATURE_COUNT)
    return {p1, x2: stage2Matrix(p1, page.stats, articleSpan(p1, page.stats, 0.5), page.stopwords, page.title)}
  }
  console.log('stage 1')
  const stage1 = train1(concat(train.map((p) => p.x1)), y, w, FEATURE_COUNT, FEATURES)
  const trained = train.map((p) => stage2Of(stage1, p))
  console.log(`  weighted accuracy ${accuracy(concat(trained.map((t) => t.p1)), y, w)}`)
  console.log('stage 2')
  const x2 = concat(trained.map((t) => t.x2))
  const stage2 = train1(x2, y, w, STAGE2_COUNT, STAGE2_FEATURES)
  console.log(`  weighted accuracy ${accuracy(predict(stage2, x2, STAGE2_COUNT), y, w)}`)
  const stage3Of = (page: Page, x2p: Float64Array) => {
    const p2 = predict(stage2, x2p, STAGE2_COUNT)
    return stage2Matrix(p2, page.stats, articleSpan(p2, page.stats, 0.5), page.stopwords, page.title)
  }
  let stage3: BlockModel | undefined
  if (values.stages === '3') {
    console.log('stage 3')
    const x3 = concat(train.map((p, i) => stage3Of(p, trained[i].x2)))
    stage3 = train1(x3, y, w, STAGE2_COUNT, STAGE2_FEATURES)
    console.log(`  weighted accuracy ${accuracy(predict(stage3, x3, STAGE2_COUNT), y, w)}`)
  }
  if (test.length > 0) {
    const ty = labelsOf(test)
    const tw = concat(test.map((p) => p.weights))
    const t = test.map((p) => stage2Of(stage1, p))
    console.log(`held out: stage 1 ${accuracy(concat(t.map((r) => r.p1)), ty, tw)}, stage 2 ${accuracy(predict(stage2, concat(t.map((r) => r.x2)), STAGE2_COUNT), ty, tw)}`)
    if (stage3) console.log(`held out: stage 3 ${accuracy(predict(stage3, concat(test.map((p, i) => stage3Of(p, t[i].x2))), STAGE2_COUNT), ty, tw)}`)
  }
  const dump = (m: BlockModel) => {
    const {features: _, ...rest} = m
    return JSON.stringify(rest)
  }
  const source = `// Generated by bench/eval-train-classify.ts (--set ${values.set} --model ${kind}${kind === 'mlp' ? ` --hidden ${values.hidden} --epochs ${values.epochs} --seed ${values.seed}` : ` --lambda ${lambda}`}${holdout ? ` --holdout ${holdout}` : ''}).
// Do not edit by hand; retrain after changing the features. ${train.length} pages, ${y.length} blocks.
import {FEATURES} from './features.js'
import {STAGE2_FEATURES, type ClassifierModel} from './model.js'

export const MODEL: ClassifierModel = {
  stage1: {features: FEATURES, ...${dump(stage1)}},
  stage2: {features: STAGE2_FEATURES, ...${dump(stage2)}}${stage3 ? `,\n  stage3: {features: STAGE2_FEATURES, ...${dump(stage3)}}` : ''}
} as ClassifierModel
`
  const json = JSON.stringify({stage1: {...stage1, features: [...FEATURES]}, stage2: {...stage2, features: [...STAGE2_FEATURES]}, ...(stage3 ? {stage3: {...stage3, features: [...STAGE2_FEATURES]}} : {})})
  await writeFile(values.out, values.out.endsWith('.json') ? json : source)
  console.log(`wrote ${values.out}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

/** Total weight, and weighted mean and standard deviation of columns `from`.. of a row-major matrix (sd 1 where a column is constant). */
function weightedStats(x: Float64Array, w: Float64Array, columns: number, from: number): {mean: Float64Array; sd: Float64Array; wsum: number} {
  const n = w.length
  const mean = new Float64Array(columns)
  const sd = new Float64Array(columns).fill(1)
  let wsum = 0
  for (let i = 0; i < n; i++) wsum += w[i]
  for (let j = from; j < columns; j++) {
    let m = 0
    for (let i = 0; i < n; i++) m += w[i] * x[i * columns + j]
    m /= wsum
    let v = 0
    for (let i = 0; i < n; i++) v += w[i] * (x[i * columns + j] - m) ** 2
    mean[j] = m
    sd[j] = Math.sqrt(v / wsum) || 1
  }
  return {mean, sd, wsum}
}
