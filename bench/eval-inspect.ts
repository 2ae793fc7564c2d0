/**
 * Show how classify-blocks judged one page, block by block, next to the gold:
 *
 *   node build/bench/eval-inspect.js <set> <id-or-url-substring> [--width 100]
 *
 * Columns: gold (G = block occurs in the gold text), keep (K), span (S),
 * content probability, words, text.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {recordToArticle, type ArticleRecord} from '../src/article/index.js'
import {blocksOf, classify} from '../src/plugins/classify-blocks.js'
import {readSet, SETS} from './lib/eval-run.js'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    width: {type: 'string', default: '100'},
    data: {type: 'string', default: process.env.DECRUFT_EVAL_DATA ?? '../shared/eval'}
  }
})

const fold = (s: string) => s.toLowerCase().replace(/\s+/gu, ' ').trim()

async function main() {
  const [setName, key] = positionals
  const set = SETS[setName]
  if (!set || !key) throw new Error('usage: eval-inspect <set> <id-or-url-substring>')
  const records = await readSet(path.join(values.data, set.file))
  const record = records.find((r) => r.id === key || (typeof r.url === 'string' && r.url.includes(key)))
  if (!record) throw new Error(`no record matches ${key}`)
  const gold = fold(String(record.gold ?? ''))
  const input: ArticleRecord = {...record}
  delete input.gold
  const {file, tree} = recordToArticle(input)
  const blocks = blocksOf(tree)
  const decisions = classify(blocks, file.data.decruft?.title)
  const width = Number(values.width)
  console.log(`title: ${file.data.decruft?.title ?? '(none)'}\nurl: ${String(record.url)}`)
  blocks.forEach((b, i) => {
    const d = decisions[i]
    const g = gold.includes(fold(b.text)) ? 'G' : '.'
    const flag = `${g}${d.keep ? 'K' : '.'}${d.inSpan ? 'S' : '.'}`
    const mark = (g === 'G') !== d.keep ? '!' : ' '
    console.log(`${mark}${flag} ${d.probability.toFixed(2)} ${String(i).padStart(4)} ${b.text.replace(/\s+/gu, ' ').slice(0, width)}`)
  })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
