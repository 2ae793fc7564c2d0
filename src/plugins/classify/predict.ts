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
  /**
   * Hidden weights by groups of four units, column by column: the weights of
   * units h..h+3 for column j sit side by side at `(h / 4) * columns * 4 + j * 4`,
   * so one step of the inner loop reads one short run.
   */
  w4: Float64Array
  /** Row-major weights of the units after the last full group of four. */
  w1: Float64Array
  b1: Float64Array
  w2: Float64Array
}

/** Models are not changed once built, so their packed weights are kept. */
const packed = new WeakMap<MlpModel, PackedMlp>()

function pack(model: MlpModel): PackedMlp {
  let p = packed.get(model)
  if (p === undefined) {
    const columns = model.mean.length
    const full = model.hiddenBias.length & ~3
    const w4 = new Float64Array(full * columns)
    for (let h = 0; h < full; h++) {
      for (let j = 0; j < columns; j++) w4[(h >> 2) * columns * 4 + j * 4 + (h & 3)] = model.hiddenWeights[h * columns + j]
    }
    p = {
      mean: Float64Array.from(model.mean),
      scale: Float64Array.from(model.scale),
      w4,
      w1: Float64Array.from(model.hiddenWeights),
      b1: Float64Array.from(model.hiddenBias),
      w2: Float64Array.from(model.outputWeights)
    }
    packed.set(model, p)
  }
  return p
}

/** The standardised matrix, reused across calls. */
let z = new Float64Array(4096)

/**
 * Probability of content for every row of `x`.
 *
 * Two rows go through four hidden units at a time, so that each weight read
 * serves both and the eight sums do not wait on each other; each unit still
 * adds its terms in column order, and the output its units in unit order, so
 * the results are the same to the last bit as one unit of one row at a time.
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
  const {mean, scale, w4, w1, b1, w2} = pack(model)
  const b2 = model.outputBias
  const hidden = b1.length
  const full = hidden & ~3
  if (z.length < x.length) z = new Float64Array(x.length * 2)
  const zs = z
  for (let i = 0; i < n; i++) {
    const row = i * columns
    for (let j = 0; j < columns; j++) zs[row + j] = (x[row + j] - mean[j]) / scale[j]
  }
  for (let i = 0; i < n; i += 2) {
    // The last row of an odd count is paired with itself.
    const ra = i * columns
    const rb = i + 1 < n ? ra + columns : ra
    let oa = b2
    let ob = b2
    for (let h = 0; h < full; h += 4) {
      let a0 = b1[h], a1 = b1[h + 1], a2 = b1[h + 2], a3 = b1[h + 3]
      let c0 = a0, c1 = a1, c2 = a2, c3 = a3
      for (let j = 0, k = (h >> 2) * columns * 4; j < columns; j++, k += 4) {
        const za = zs[ra + j]
        const zb = zs[rb + j]
        const u0 = w4[k], u1 = w4[k + 1], u2 = w4[k + 2], u3 = w4[k + 3]
        a0 += u0 * za
        a1 += u1 * za
        a2 += u2 * za
        a3 += u3 * za
        c0 += u0 * zb
        c1 += u1 * zb
        c2 += u2 * zb
        c3 += u3 * zb
      }
      oa += w2[h] * Math.tanh(a0)
      oa += w2[h + 1] * Math.tanh(a1)
      oa += w2[h + 2] * Math.tanh(a2)
      oa += w2[h + 3] * Math.tanh(a3)
      ob += w2[h] * Math.tanh(c0)
      ob += w2[h + 1] * Math.tanh(c1)
      ob += w2[h + 2] * Math.tanh(c2)
      ob += w2[h + 3] * Math.tanh(c3)
    }
    for (let h = full; h < hidden; h++) {
      let a = b1[h]
      let c = b1[h]
      const base = h * columns
      for (let j = 0; j < columns; j++) {
        a += w1[base + j] * zs[ra + j]
        c += w1[base + j] * zs[rb + j]
      }
      oa += w2[h] * Math.tanh(a)
      ob += w2[h] * Math.tanh(c)
    }
    out[i] = sigmoid(oa)
    if (i + 1 < n) out[i + 1] = sigmoid(ob)
  }
  return out
}
