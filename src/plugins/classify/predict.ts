/**
 * The block models and their scoring: logistic regression or a
 * one-hidden-layer perceptron over a row-major feature matrix.
 */

/** A logistic model over a row-major feature matrix. */
export interface LinearModel {
  kind?: 'linear'
  /** Column names, for reading the weights. */
  features: readonly string[]
  weights: readonly number[]
}

/**
 * A one-hidden-layer perceptron: inputs standardised by `mean`/`scale`,
 * `tanh` hidden units, a logistic output.
 */
export interface MlpModel {
  kind: 'mlp'
  features: readonly string[]
  mean: readonly number[]
  scale: readonly number[]
  /** Hidden × inputs, row-major. */
  hiddenWeights: readonly number[]
  hiddenBias: readonly number[]
  outputWeights: readonly number[]
  outputBias: number
}

export type BlockModel = LinearModel | MlpModel

/** The weights of both stages. */
export interface ClassifierModel {
  stage1: BlockModel
  stage2: BlockModel
  /** Optional third pass: stage-2 features recomputed from stage-2 probabilities. */
  stage3?: BlockModel
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

/** An MLP's weights as typed arrays. */
interface PackedMlp {
  mean: Float64Array
  scale: Float64Array
  w1: Float64Array
  b1: Float64Array
  w2: Float64Array
}

/** Models are not changed once built, so their packed weights are kept. */
const packed = new WeakMap<MlpModel, PackedMlp>()

function pack(model: MlpModel): PackedMlp {
  let p = packed.get(model)
  if (p === undefined) {
    p = {
      mean: Float64Array.from(model.mean),
      scale: Float64Array.from(model.scale),
      w1: Float64Array.from(model.hiddenWeights),
      b1: Float64Array.from(model.hiddenBias),
      w2: Float64Array.from(model.outputWeights)
    }
    packed.set(model, p)
  }
  return p
}

/** The standardised row, reused across calls. */
let z = new Float64Array(64)

/**
 * Probability of content for every row of `x`.
 *
 * Eight hidden units are summed side by side so that the additions do not
 * wait on each other; each unit still adds its terms in column order, so the
 * results are the same to the last bit as one unit at a time.
 */
export function predict(model: BlockModel, x: Float64Array, columns: number): Float64Array {
  if (model.features.length !== columns) throw new Error(`model has ${model.features.length} features, the matrix ${columns}`)
  const n = x.length / columns
  const out = new Float64Array(n)
  if (model.kind !== 'mlp') {
    const w = model.weights
    for (let i = 0; i < n; i++) {
      let sum = 0
      const row = i * columns
      for (let j = 0; j < columns; j++) sum += w[j] * x[row + j]
      out[i] = sigmoid(sum)
    }
    return out
  }
  const {mean, scale, w1, b1, w2} = pack(model)
  const b2 = model.outputBias
  const hidden = b1.length
  if (z.length < columns) z = new Float64Array(columns)
  const zs = z
  for (let i = 0; i < n; i++) {
    const row = i * columns
    for (let j = 0; j < columns; j++) zs[j] = (x[row + j] - mean[j]) / scale[j]
    let o = b2
    let h = 0
    for (; h + 8 <= hidden; h += 8) {
      let a0 = b1[h], a1 = b1[h + 1], a2 = b1[h + 2], a3 = b1[h + 3]
      let a4 = b1[h + 4], a5 = b1[h + 5], a6 = b1[h + 6], a7 = b1[h + 7]
      const k0 = h * columns, k1 = k0 + columns, k2 = k1 + columns, k3 = k2 + columns
      const k4 = k3 + columns, k5 = k4 + columns, k6 = k5 + columns, k7 = k6 + columns
      for (let j = 0; j < columns; j++) {
        const zj = zs[j]
        a0 += w1[k0 + j] * zj
        a1 += w1[k1 + j] * zj
        a2 += w1[k2 + j] * zj
        a3 += w1[k3 + j] * zj
        a4 += w1[k4 + j] * zj
        a5 += w1[k5 + j] * zj
        a6 += w1[k6 + j] * zj
        a7 += w1[k7 + j] * zj
      }
      o += w2[h] * Math.tanh(a0)
      o += w2[h + 1] * Math.tanh(a1)
      o += w2[h + 2] * Math.tanh(a2)
      o += w2[h + 3] * Math.tanh(a3)
      o += w2[h + 4] * Math.tanh(a4)
      o += w2[h + 5] * Math.tanh(a5)
      o += w2[h + 6] * Math.tanh(a6)
      o += w2[h + 7] * Math.tanh(a7)
    }
    for (; h < hidden; h++) {
      let a = b1[h]
      const base = h * columns
      for (let j = 0; j < columns; j++) a += w1[base + j] * zs[j]
      o += w2[h] * Math.tanh(a)
    }
    out[i] = sigmoid(o)
  }
  return out
}
