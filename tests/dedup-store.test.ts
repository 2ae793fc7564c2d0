import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {article, reprint, rng, teaser, vocabulary} from '../bench/lib/dedup-synth.js'
import {computeSignature, DedupIndex, INDEX_FILE, IndexFormatError, type DedupOptions} from '../src/corpus/dedup.js'
import {hash64Bytes} from '../src/similarity/index.js'

const vocab = vocabulary(4000, 5)
const r = rng(7)
const stories = Array.from({length: 40}, () => article(r, vocab, 8 + Math.floor(r() * 8)))
const text = (p: readonly string[]) => p.join('\n\n')
// Day 1: every story once, a few wire copies; day 2: copies of day-1 stories and new ones.
const day1 = stories.map((s, i) => ({id: `d1-${i}`, text: text(s)}))
day1.push(...stories.slice(0, 5).map((s, i) => ({id: `d1-wire-${i}`, text: text(reprint(r, s))})))
const fresh = Array.from({length: 10}, () => article(r, vocab, 10))
const day2 = [
  ...stories.slice(10, 20).map((s, i) => ({id: `d2-teaser-${i}`, text: text(teaser(s, 0.5))})),
  ...fresh.map((s, i) => ({id: `d2-new-${i}`, text: text(s)})),
  ...stories.slice(20, 25).map((s, i) => ({id: `d2-copy-${i}`, text: text(s)})),
  ...fresh.slice(0, 3).map((s, i) => ({id: `d2-new-wire-${i}`, text: text(reprint(r, s))}))
]

const dirs: string[] = []
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'decruft-dedup-'))
  dirs.push(dir)
  return dir
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, {recursive: true, force: true})
})

function feed(index: DedupIndex, docs: readonly {id: string; text: string}[], from = 0) {
  return docs.map((d, i) => index.add(from + i, d.id, computeSignature(d.text, index.options), {length: d.text.length}))
}

async function saved(options: DedupOptions = {}): Promise<string> {
  const dir = await tempDir()
  const index = new DedupIndex(options)
  feed(index, day1)
  await index.save(dir)
  return dir
}

describe('incremental dedup index', () => {
  it('dedups a new batch against the saved one exactly as one run over both would', async () => {
    const dir = await saved()
    const loaded = await DedupIndex.load(dir)
    expect(loaded.size).toBe(day1.length)
    const incremental = feed(loaded, day2, 1000)
    const once = new DedupIndex()
    const all = feed(once, [...day1, ...day2])
    expect(incremental.map((d) => [d.id, d.cluster, d.kind, d.similarity])).toEqual(all.slice(day1.length).map((d) => [d.id, d.cluster, d.kind, d.similarity]))
    // Old documents are the representatives; new copies are their duplicates.
    for (const [i, d] of incremental.entries()) {
      if (day2[i].id.startsWith('d2-teaser-')) expect(d.duplicateOf).toBe(`d1-${10 + Number(day2[i].id.split('-')[2])}`)
      if (day2[i].id.startsWith('d2-copy-')) expect(d).toMatchObject({duplicateOf: `d1-${20 + Number(day2[i].id.split('-')[2])}`, kind: 'exact'})
      if (day2[i].id.startsWith('d2-new-') && !day2[i].id.includes('wire')) expect(d.kind).toBe('representative')
    }
  })

  it('keeps representatives from an earlier run even when the policy would pick a new copy', async () => {
    const dir = await saved({keep: 'longest'})
    const loaded = await DedupIndex.load(dir, {keep: 'longest'})
    const longer = `${day1[3].text}\n\nAn added closing paragraph with a few more words in it for length.`
    const [decision] = feed(loaded, [{id: 'd2-longer', text: longer}])
    expect(decision.cluster).toBe('d1-3')
    expect(loaded.decision(0)).toMatchObject({cluster: 'd1-3', duplicateOf: 'd1-3'})
  })

  it('lists clusters touched by the new batch, old members marked', async () => {
    const loaded = await DedupIndex.load(await saved())
    feed(loaded, day2.slice(0, 1))
    const clusters = [...loaded.clusters()]
    expect(clusters).toHaveLength(1)
    expect(clusters[0].representative).toBe('d1-10')
    expect(clusters[0].members).toEqual([
      {id: 'd1-10', similarity: 1, kind: 'representative', previous: true},
      expect.objectContaining({id: 'd2-teaser-0', kind: 'containment'})
    ])
  })

  it('survives a second save and load', async () => {
    const dir = await saved()
    const loaded = await DedupIndex.load(dir)
    feed(loaded, day2)
    await loaded.save(dir)
    const again = await DedupIndex.load(dir)
    expect(again.size).toBe(day1.length + day2.length)
    const [copy] = feed(again, [{id: 'd3', text: day2[12].text}])
    expect(copy).toMatchObject({cluster: 'd2-new-2', kind: 'exact'})
  })
})

describe('a damaged or foreign index', () => {
  it('rejects a flipped byte (checksum)', async () => {
    const dir = await saved()
    const file = path.join(dir, INDEX_FILE)
    const bytes = await readFile(file)
    bytes[Math.floor(bytes.length / 2)] ^= 0x01
    await writeFile(file, bytes)
    await expect(DedupIndex.load(dir)).rejects.toThrow(/checksum/)
  })

  it('rejects a truncated file', async () => {
    const dir = await saved()
    const file = path.join(dir, INDEX_FILE)
    const bytes = await readFile(file)
    await writeFile(file, bytes.subarray(0, bytes.length - 100))
    await expect(DedupIndex.load(dir)).rejects.toThrow(IndexFormatError)
    await writeFile(file, bytes.subarray(0, 10))
    await expect(DedupIndex.load(dir)).rejects.toThrow(/not a decruft dedup index/)
  })

  it('rejects a foreign file', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, INDEX_FILE), '{"id": "not an index", "text": "just some JSON that happens to be here"}\n')
    await expect(DedupIndex.load(dir)).rejects.toThrow(/not a decruft dedup index/)
  })

  it('rejects another format version, even with a valid checksum', async () => {
    const dir = await saved()
    const file = path.join(dir, INDEX_FILE)
    const bytes = await readFile(file)
    bytes.writeUInt32LE(99, 8)
    bytes.writeBigUInt64LE(hash64Bytes(bytes.subarray(0, bytes.length - 8), 0n), bytes.length - 8)
    await writeFile(file, bytes)
    await expect(DedupIndex.load(dir)).rejects.toThrow(/version 99/)
  })

  it('rejects options that shape signatures differently, accepts new thresholds', async () => {
    const dir = await saved()
    await expect(DedupIndex.load(dir, {shingleSize: 4})).rejects.toThrow(/shingleSize = 5/)
    await expect(DedupIndex.load(dir, {permutations: 64})).rejects.toThrow(/permutations/)
    const loaded = await DedupIndex.load(dir, {threshold: 0.9})
    expect(loaded.options.threshold).toBe(0.9)
  })

  it('says so when there is no index, and open() starts a new one', async () => {
    const dir = await tempDir()
    await expect(DedupIndex.load(dir)).rejects.toThrow(/not found/)
    expect((await DedupIndex.open(dir)).size).toBe(0)
  })
})
