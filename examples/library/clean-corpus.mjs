// Clean a JSONL corpus with the library: cleanup, corpus dedup in annotate
// mode, and a count of removals by rule. Run from the repo after `npm install`:
//   node examples/library/clean-corpus.mjs samples/seed-witkoff.txt
import {createReadStream} from 'node:fs'
import {cleanStream} from 'decruft'

const input = process.argv[2] ?? 'samples/seed-witkoff.txt'
const byRule = new Map()
let kept = 0
let duplicates = 0

const source = input.endsWith('.txt') ? [{id: input, text: await readAll(input)}] : createReadStream(input)
// Corpus dedup with default settings; pass a DedupIndex to reuse one across runs.
for await (const result of cleanStream(source, {dedup: {}, concurrency: 2})) {
  if (result.kind === 'reject') {
    console.error(`${result.source.file}:${result.source.line}: ${result.error}`)
    continue
  }
  if (result.status === 'duplicate') duplicates++
  if (result.status === 'kept') kept++
  for (const m of result.messages) byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1)
}

console.log(`${kept} kept, ${duplicates} duplicates`)
for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${rule}`)

async function readAll(file) {
  let text = ''
  for await (const chunk of createReadStream(file, 'utf8')) text += chunk
  return text
}
