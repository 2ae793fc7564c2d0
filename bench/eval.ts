/**
 * `npm run eval`: score decruft's cleaning on the evaluation sets in
 * ../shared/eval (see its README for the metric).
 *
 *   node build/bench/eval.js [--set aeb,wcxb] [--pipeline default|news|minimal|file.yaml|raw|none|linefilter|plugins:a,b]
 *                            [--skip step,...] [--insert step@after,...] [--fold k/n] [--classify-model model.json] [--options '{"plugin":{...}}'] [--out build/eval] [--limit N] [--worst N] [--no-dedup]
 *
 * Prints P, R, F1 per set (and for wcxb the snippet shares) and writes a
 * per-document table, `<out>/<set>.tsv` (sorted worst F1 first) and
 * `<out>/<set>.jsonl` (with what was missed and what leaked), so a person can
 * look at the worst pages. At the end it runs the dedup evaluation
 * (bench/eval-dedup.ts) when that exists.
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {choosePipeline} from './lib/eval-pipeline.js'
import {parseFold} from './lib/eval-run.js'
import {evaluateSet, readSet, SETS, type SetReport} from './lib/eval-run.js'

const {values} = parseArgs({
  options: {
    set: {type: 'string', default: 'aeb,wcxb'},
    pipeline: {type: 'string', default: 'default'},
    skip: {type: 'string', default: ''},
    options: {type: 'string', default: '{}'},
    insert: {type: 'string', default: ''},
    fold: {type: 'string'},
    'classify-model': {type: 'string'},
    out: {type: 'string', default: 'build/eval'},
    data: {type: 'string', default: process.env.DECRUFT_EVAL_DATA ?? '../shared/eval'},
    limit: {type: 'string'},
    worst: {type: 'string', default: '5'},
    'no-dedup': {type: 'boolean', default: false},
    help: {type: 'boolean', short: 'h', default: false}
  }
})

if (values.help) {
  console.log(
    'usage: node build/bench/eval.js [--set aeb,wcxb] [--pipeline default|news|minimal|file.yaml|raw|none|linefilter|plugins:a,b]\n' +
      '       [--skip step,...] [--insert step@after,...] [--fold k/n] [--classify-model model.json] [--options <json: plugin → options>] [--out build/eval] [--data ../shared/eval] [--limit N] [--worst N] [--no-dedup]'
  )
  process.exit(0)
}

const pct = (x: number) => (100 * x).toFixed(1) + '%'
const f3 = (x: number) => x.toFixed(3)

async function main() {
  const skip = values.skip.split(',').map((s) => s.trim()).filter(Boolean)
  const stepOptions = JSON.parse(values.options) as Record<string, Record<string, unknown>>
  if (values['classify-model']) {
    // A model trained by eval-train-classify.js --out model.json (e.g. for cross-validation).
    const model = JSON.parse(await readFile(values['classify-model'], 'utf8')) as unknown
    stepOptions['classify-blocks'] = {...stepOptions['classify-blocks'], model}
  }
  const fold = values.fold ? parseFold(values.fold) : undefined
  const insert = values.insert.split(',').map((s) => s.trim()).filter(Boolean)
  const pipeline = await choosePipeline(values.pipeline, skip, stepOptions, insert)
  const limit = values.limit === undefined ? undefined : Number(values.limit)
  const worst = Number(values.worst)
  await mkdir(values.out, {recursive: true})
  console.log(`pipeline: ${pipeline.label}`)
  const reports: SetReport[] = []
  for (const name of values.set.split(',').map((s) => s.trim()).filter(Boolean)) {
    const set = SETS[name]
    if (!set) throw new Error(`unknown set "${name}" (known: ${Object.keys(SETS).join(', ')})`)
    let records = await readSet(path.join(values.data, set.file), limit)
    if (fold) records = records.filter((_, i) => i % fold.n === fold.k)
    const report = await evaluateSet(name, records, pipeline.clean)
    reports.push(report)
    await writeFile(path.join(values.out, `${name}.tsv`), report.tsv)
    await writeFile(path.join(values.out, `${name}.jsonl`), report.jsonl)
    const s = report.score
    let line = `${name.padEnd(5)} n=${s.documents}  P ${f3(s.precision)}  R ${f3(s.recall)}  F1 ${f3(s.f1)}`
    if (report.snippets && report.snippets.withTotal + report.snippets.withoutTotal > 0) {
      line += `  with kept ${pct(report.snippets.withKept)} (${report.snippets.withTotal})  without removed ${pct(report.snippets.withoutRemoved)} (${report.snippets.withoutTotal})`
    }
    line += `  ${(report.ms / 1000).toFixed(1)}s`
    console.log(line)
    for (const doc of report.worst.slice(0, worst)) {
      console.log(`  worst: F1 ${f3(doc.f1)} P ${f3(doc.precision)} R ${f3(doc.recall)}  ${doc.url ?? doc.id}`)
    }
  }
  console.log(`tables: ${reports.map((r) => path.join(values.out, `${r.name}.tsv`)).join(', ')}`)

  if (!values['no-dedup'] && limit === undefined && !fold) await runDedup(values.data)
}

/** bench/eval-dedup.ts is owned by another engineer; run it when it exists. */
async function runDedup(data: string) {
  let mod: {main?: (options: {data: string}) => unknown}
  try {
    mod = (await import(new URL('./eval-dedup.js', import.meta.url).href)) as typeof mod
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return
    throw error
  }
  if (typeof mod.main === 'function') await mod.main({data})
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
