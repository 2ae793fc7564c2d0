import {describe, expect, it} from 'vitest'
import {article, reprint, rng, teaser, vocabulary} from '../bench/lib/dedup-synth.js'
import {computeSignature, DedupIndex, type DedupDecision, type DedupOptions} from '../src/corpus/dedup.js'
import {shingleSet, similarity} from '../src/similarity/index.js'

const vocab = vocabulary(5000, 3)
const random = rng(2024)
const story = () => article(random, vocab, 12)
const text = (paragraphs: readonly string[]) => paragraphs.join('\n\n')

interface Doc {
  id: string
  text: string
  date?: string
}

function run(docs: readonly Doc[], options: DedupOptions = {}): {index: DedupIndex; stream: DedupDecision[]; final: DedupDecision[]} {
  const index = new DedupIndex(options)
  const stream = docs.map((d, seq) => index.add(seq, d.id, computeSignature(d.text, index.options), {length: d.text.length, date: d.date}))
  return {index, stream, final: [...index.decisions()]}
}

const clusterOf = (decisions: readonly DedupDecision[], id: string) => decisions.find((d) => d.id === id)!.cluster

describe('DedupIndex: kinds of duplicates', () => {
  const a = story()
  const b = story()
  const docs: Doc[] = [
    {id: 'a', text: text(a)},
    {id: 'b', text: text(b)},
    {id: 'a-copy', text: text(a).replace(/\n\n/g, '\n\n\n')},
    {id: 'a-wire', text: text(reprint(random, a))},
    {id: 'a-teaser', text: text(teaser(a, 0.4))},
    {id: 'b-teaser', text: text(teaser(b, 0.5))}
  ]
  const {final} = run(docs)
  const of = (id: string) => final.find((d) => d.id === id)!

  it('keeps distinct stories apart and each first copy as representative', () => {
    expect(of('a')).toMatchObject({cluster: 'a', kind: 'representative', similarity: 1})
    expect(of('a').duplicateOf).toBeUndefined()
    expect(of('b')).toMatchObject({cluster: 'b', kind: 'representative'})
  })

  it('finds an exact copy (white space aside)', () => {
    expect(of('a-copy')).toMatchObject({cluster: 'a', duplicateOf: 'a', kind: 'exact', similarity: 1})
  })

  it('finds a wire reprint as a near duplicate', () => {
    expect(of('a-wire')).toMatchObject({cluster: 'a', duplicateOf: 'a', kind: 'near'})
    expect(of('a-wire').similarity).toBeGreaterThan(0.7)
  })

  it('finds truncated teasers by containment', () => {
    expect(of('a-teaser')).toMatchObject({cluster: 'a', kind: 'containment'})
    expect(of('b-teaser')).toMatchObject({cluster: 'b', kind: 'containment'})
  })

  it('leaves an empty body alone', () => {
    const {final: out} = run([{id: 'e1', text: ''}, {id: 'e2', text: '  '}])
    expect(out.map((d) => d.cluster)).toEqual(['e1', 'e2'])
  })
})

describe('DedupIndex: no transitive merging', () => {
  it('does not pull the end of a chain A~B~C~D~E into A', () => {
    // Each step replaces two of twenty paragraphs: neighbours share ~82% of
    // their shingles, A and E only ~43%.
    const base = article(random, vocab, 20, 20)
    const chain: string[][] = [base]
    for (let step = 1; step < 5; step++) {
      const next = [...chain[step - 1]]
      next.splice(0, 2)
      next.push(...article(random, vocab, 2, 20))
      chain.push(next)
    }
    const docs = chain.map((p, i) => ({id: 'ABCDE'[i], text: text(p)}))
    const exactA = (i: number) => similarity(shingleSet(docs[0].text), shingleSet(docs[i].text))
    expect(exactA(1)).toBeGreaterThan(0.75)
    expect(exactA(4)).toBeLessThan(0.5)
    const {final} = run(docs, {containment: 1.01})
    expect(clusterOf(final, 'B')).toBe('A')
    expect(clusterOf(final, 'E')).not.toBe('A')
    // Whoever is in A's cluster is itself similar to A.
    docs.forEach((_, i) => {
      if (clusterOf(final, docs[i].id) === 'A') expect(exactA(i)).toBeGreaterThan(0.6)
    })
  })
})

describe('DedupIndex: keep policies', () => {
  const s = story()
  const docs: Doc[] = [
    {id: 'teaser', text: text(teaser(s, 0.5)), date: '2024-03-02T10:00:00Z'},
    {id: 'full', text: text(s), date: '2024-03-01T08:00:00Z'},
    {id: 'wire', text: text(reprint(random, s))},
    {id: 'other', text: text(story()), date: '2024-01-01'}
  ]

  it('first: the first copy, decided as it arrives', () => {
    const {stream, final} = run(docs, {keep: 'first'})
    expect(stream.every((d) => d.final)).toBe(true)
    expect(stream).toEqual(final)
    expect(final.map((d) => d.cluster)).toEqual(['teaser', 'teaser', 'teaser', 'other'])
  })

  it('longest: the longest copy, after finalize', () => {
    const {stream, final, index} = run(docs, {keep: 'longest'})
    expect(stream[1].final).toBe(false)
    expect(final.map((d) => d.cluster)).toEqual(['full', 'full', 'full', 'other'])
    expect(final[0]).toMatchObject({duplicateOf: 'full', kind: 'containment'})
    expect(final[1]).toMatchObject({kind: 'representative'})
    expect(index.decision(2)).toEqual(final[2])
  })

  it('earliest: the earliest dated copy; undated copies fall back to input order', () => {
    expect(run(docs, {keep: 'earliest'}).final.map((d) => d.cluster)).toEqual(['full', 'full', 'full', 'other'])
    const undated = docs.map(({date: _, ...d}) => d)
    expect(run(undated, {keep: 'earliest'}).final.map((d) => d.cluster)).toEqual(['teaser', 'teaser', 'teaser', 'other'])
  })

  it('writes one cluster record per cluster, members in input order', () => {
    const {index} = run(docs, {keep: 'longest'})
    const clusters = [...index.clusters()]
    expect(clusters.map((c) => c.representative)).toEqual(['full', 'other'])
    expect(clusters[0].members.map((m) => m.id)).toEqual(['teaser', 'full', 'wire'])
    expect(clusters[0].members[1]).toMatchObject({similarity: 1, kind: 'representative'})
    expect([...index.clusters({minSize: 2})]).toHaveLength(1)
  })
})

describe('DedupIndex: determinism', () => {
  // A small corpus with every kind of copy, in a scrambled but fixed order.
  const r = rng(99)
  const corpus: Doc[] = []
  for (let i = 0; i < 60; i++) {
    const s = article(r, vocab, 6 + Math.floor(r() * 10))
    corpus.push({id: `s${i}`, text: text(s)})
    if (r() < 0.4) corpus.push({id: `s${i}-wire`, text: text(reprint(r, s))})
    if (r() < 0.3) corpus.push({id: `s${i}-teaser`, text: text(teaser(s, 0.3 + r() * 0.4))})
    if (r() < 0.2) corpus.push({id: `s${i}-copy`, text: text(s)})
  }
  for (let i = corpus.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1))
    ;[corpus[i], corpus[j]] = [corpus[j], corpus[i]]
  }
  const baseline = run(corpus).final

  it('finds the planted duplicates', () => {
    const story = (id: string) => id.split('-')[0]
    let together = 0
    let apart = 0
    for (const d of baseline) {
      if (story(d.cluster) !== story(d.id)) apart++
      else if (d.cluster !== d.id) together++
    }
    expect(apart).toBe(0)
    expect(together).toBeGreaterThan(20)
  })

  it('gives the same clusters when signatures are computed in any order or chunking, or cloned across threads', () => {
    const options = new DedupIndex().options
    const order = corpus.map((_, i) => i).reverse()
    const signatures = new Array(corpus.length)
    // Computed back to front in chunks of 7, each through structured clone as a worker would send it.
    for (let c = 0; c < order.length; c += 7)
      for (const i of order.slice(c, c + 7)) signatures[i] = structuredClone(computeSignature(corpus[i].text, options))
    const index = new DedupIndex()
    corpus.forEach((d, seq) => index.add(seq, d.id, signatures[seq], {length: d.text.length}))
    expect([...index.decisions()]).toEqual(baseline)
  })

  it('gives the same clusters on a repeated run, and with sparse seq numbers', () => {
    expect(run(corpus).final).toEqual(baseline)
    const index = new DedupIndex()
    corpus.forEach((d, i) => index.add(i * 10 + 5, d.id, computeSignature(d.text), {length: d.text.length}))
    expect([...index.decisions()].map((d) => d.cluster)).toEqual(baseline.map((d) => d.cluster))
  })

  it('rejects documents out of input order and foreign signatures', () => {
    const index = new DedupIndex()
    index.add(5, 'x', computeSignature('some text here'), {length: 14})
    expect(() => index.add(5, 'y', computeSignature('more'), {length: 4})).toThrow(/input order/)
    expect(() => index.add(6, 'y', computeSignature('more', {permutations: 64}), {length: 4})).toThrow(/permutations/)
  })
})

describe('the dedup stage', () => {
  it('signs articles with every signature setting of its index', async () => {
    const {DedupStage} = await import('../src/stream/dedup-stage.js')
    const stage = new DedupStage(new DedupIndex({shingleSize: 4, minLineWords: 3, minProseWords: 10, permutations: 64, seed: 9}))
    expect(stage.signer).toEqual({shingleSize: 4, minLineWords: 3, minProseWords: 10, permutations: 64, seed: 9})
  })
})
