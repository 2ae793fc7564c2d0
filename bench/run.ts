/**
 * `npm run bench`: decruft's speed against the floor, in one run.
 *
 * Generates (deterministically) a JSONL corpus of at least 1 GB / 300,000
 * articles in a temporary folder, then measures, each as a child process:
 *   (a) the floor: read the JSONL, JSON.parse and JSON.stringify each line, write it out;
 *   (b) `decruft clean`, default pipeline, dedup off, 1 worker (-j 1);
 *   (c) the same with all cores;
 *   (d) the same with dedup on;
 *   (e) the machine's own scaling: one -j 1 process per core at once, each on
 *       its share of the corpus (what separate processes, as Python tools run, get).
 * Prints articles/s, MB/s, CPU seconds and peak RSS for each, and the ratios
 * b/a, c/b, d/b (and d/c, dedup's own cost at equal cores) against the
 * targets; writes the table to bench/results.md.
 *
 *   npm run bench -- [--size-mb 1000] [--articles 300000] [--seed 1] [--keep]
 *                    [--corpus FILE] [--dir DIR] [--repeat N] [--memory] [--dedup-only]
 *                    [--single-pass] [--only a,b,...]
 *
 * `--memory` also cleans a corpus twice the size (dedup off, all cores) to
 * show peak RSS does not grow with the input. `--dedup-only` runs only the
 * dedup index benchmark (bench/dedup-bench.ts). `--single-pass` adds
 * (f): (b) with `--max-passes 1`, what the idempotence guarantee costs.
 * `--only a,f` runs just those rows and prints them (bench/results.md is
 * written only by a full run).
 */
import {execFileSync} from 'node:child_process'
import {createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {once} from 'node:events'
import {createInterface} from 'node:readline'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {generateCorpus, type CorpusStats} from './bench-corpus.js'
import {measure, type Measurement} from './bench-child.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const CLI = path.join(root, 'dist/cli/bin.js')
const FLOOR = path.join(here, 'bench-floor.js')

const TARGETS = {floor: 0.2, cores: 1.7, dedup: 0.7}
/** Peak RSS bound for cleaning with dedup off, whatever the input size. */
const RSS_BOUND_MB = 400

interface Row {
  label: string
  key: string
  run: Measurement
  articles: number
  bytes: number
}

const {values} = parseArgs({
  options: {
    'size-mb': {type: 'string', default: '1000'},
    articles: {type: 'string', default: '300000'},
    seed: {type: 'string', default: '1'},
    keep: {type: 'boolean', default: false},
    corpus: {type: 'string'},
    dir: {type: 'string'},
    repeat: {type: 'string', default: '1'},
    concurrency: {type: 'string'},
    memory: {type: 'boolean', default: false},
    'dedup-only': {type: 'boolean', default: false},
    'no-dedup-bench': {type: 'boolean', default: false},
    'single-pass': {type: 'boolean', default: false},
    only: {type: 'string'},
    help: {type: 'boolean', default: false}
  }
})

if (values.help) {
  const source = readFileSync(fileURLToPath(import.meta.url), 'utf8')
  console.log(/\/\*\*([\s\S]*?)\*\//.exec(source)?.[1].replace(/^ \* ?/gm, '') ?? '')
  process.exit(0)
}

const sizeMB = Number(values['size-mb'])
const articles = Number(values.articles)
const seed = Number(values.seed)
const repeat = Math.max(1, Number(values.repeat))
const cores = values.concurrency ? Number(values.concurrency) : os.availableParallelism()

function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? os.cpus()[0]?.model ?? 'unknown'
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ')
  return `${os.availableParallelism()} cores (nproc), ${cpu}, Node ${process.version}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}; load average at start ${load}`
}

function mb(bytes: number): number {
  return bytes / 1e6
}

function fmt(x: number, digits = 0): string {
  return x.toLocaleString('en', {minimumFractionDigits: digits, maximumFractionDigits: digits})
}

async function best(label: string, key: string, script: string, args: (out: string) => string[], scratch: string, corpus: CorpusStats): Promise<Row> {
  let kept: Measurement | undefined
  for (let i = 0; i < repeat; i++) {
    const out = path.join(scratch, `out-${key}.jsonl`)
    process.stderr.write(`  ${label}${repeat > 1 ? ` (run ${i + 1}/${repeat})` : ''} ... `)
    const run = await measure(script, args(out), scratch)
    rmSync(out, {force: true})
    process.stderr.write(`${run.seconds.toFixed(1)} s, ${fmt(run.peakRssMB)} MiB\n`)
    if (!kept || run.seconds < kept.seconds) kept = run
  }
  return {label, key, run: kept!, articles: corpus.articles, bytes: corpus.bytes}
}

/** Run `parts` -j 1 cleaners at once, each on its own share of the corpus: wall time is the slowest, CPU the sum. */
async function parallelBest(label: string, scratch: string, corpus: CorpusStats, parts: number): Promise<Row> {
  const files = await splitLines(corpus.file, parts, scratch)
  try {
    let kept: Measurement | undefined
    for (let i = 0; i < repeat; i++) {
      process.stderr.write(`  ${label} ... `)
      const runs = await Promise.all(
        files.map((file, k) => measure(CLI, ['clean', file, '-o', path.join(scratch, `out-e${k}.jsonl`), '-q', '--dedup', 'off', '-j', '1'], scratch))
      )
      const run: Measurement = {
        seconds: Math.max(...runs.map((r) => r.seconds)),
        cpuSeconds: runs.reduce((sum, r) => sum + r.cpuSeconds, 0),
        peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
        stderr: ''
      }
      process.stderr.write(`${run.seconds.toFixed(1)} s\n`)
      if (!kept || run.seconds < kept.seconds) kept = run
    }
    return {label, key: 'e', run: kept!, articles: corpus.articles, bytes: corpus.bytes}
  } finally {
    for (const file of files) rmSync(file, {force: true})
    for (let k = 0; k < parts; k++) rmSync(path.join(scratch, `out-e${k}.jsonl`), {force: true})
  }
}

/** Split a JSONL file into `parts` files of consecutive lines, about equal in bytes. */
async function splitLines(file: string, parts: number, dir: string): Promise<string[]> {
  const total = statSync(file).size
  const names = Array.from({length: parts}, (_, k) => path.join(dir, `part-${k}.jsonl`))
  const outs = names.map((name) => createWriteStream(name))
  let written = 0
  let part = 0
  const lines = createInterface({input: createReadStream(file), crlfDelay: Infinity})
  for await (const line of lines) {
    if (part < parts - 1 && written >= ((part + 1) * total) / parts) part++
    const chunk = line + '\n'
    written += Buffer.byteLength(chunk)
    if (!outs[part].write(chunk)) await once(outs[part], 'drain')
  }
  await Promise.all(outs.map((out) => new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))))
  return names
}

function table(rows: Row[]): string {
  const lines = [
    '| run | articles/s | MB/s | wall s | CPU s | articles per CPU s | peak RSS MiB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  for (const row of rows) {
    const {seconds, cpuSeconds, peakRssMB} = row.run
    lines.push(
      `| ${row.label} | ${fmt(row.articles / seconds)} | ${fmt(mb(row.bytes) / seconds, 1)} | ${fmt(seconds, 1)} | ${fmt(cpuSeconds, 1)} | ${fmt(row.articles / cpuSeconds)} | ${fmt(peakRssMB)} |`
    )
  }
  return lines.join('\n')
}

function rate(row: Row): number {
  return row.articles / row.run.seconds
}

function ratioLines(rows: Record<string, Row>): string {
  const out: string[] = ['| ratio | measured | target | |', '| --- | ---: | ---: | --- |']
  const line = (name: string, over: Row | undefined, under: Row | undefined, target?: number) => {
    if (!over || !under) return
    const value = rate(over) / rate(under)
    out.push(`| ${name} | ${value.toFixed(2)} | ${target === undefined ? '' : `>= ${target}`} | ${target === undefined ? '' : value >= target ? 'met' : 'NOT met'} |`)
  }
  const {a, b, c, d, e, f} = rows
  line('b/a (1 worker vs floor)', b, a, TARGETS.floor)
  line(`c/b (${cores} workers vs 1)`, c, b, cores === 2 ? TARGETS.cores : undefined)
  line('d/b (dedup on, all cores, vs b)', d, b)
  line('d/c (dedup on vs off, same cores)', d, c, TARGETS.dedup)
  line(`e/b (the machine's own ${cores}-core scaling: separate processes)`, e, b)
  line('f/a (one pass, 1 worker, vs floor)', f, a)
  line('b/f (what the idempotence guarantee leaves of one-pass speed)', b, f)
  return out.join('\n')
}

async function dedupBench(): Promise<string | undefined> {
  let module: {main?: (options?: {print?: boolean}) => Promise<unknown>}
  try {
    module = (await import(new URL('./dedup-bench.js', import.meta.url).href)) as typeof module
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined
    throw error
  }
  if (typeof module.main !== 'function') return undefined
  await module.main()
  return 'bench/dedup-bench.ts ran (see its output above)'
}

async function main(): Promise<void> {
  if (values['dedup-only']) {
    if (!(await dedupBench())) console.error('bench/dedup-bench.ts is not there')
    return
  }
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`)
  const info = machine()
  console.log(`decruft bench on ${info}`)
  if (values.dir) mkdirSync(values.dir, {recursive: true})
  const scratch = mkdtempSync(path.join(values.dir ?? os.tmpdir(), 'decruft-bench-'))
  const started = new Date()
  let corpus: CorpusStats
  const made: string[] = []
  try {
    if (values.corpus) {
      const file = path.resolve(values.corpus)
      const lines = Number(execFileSync('wc', ['-l', file], {encoding: 'utf8'}).trim().split(/\s+/)[0])
      corpus = {file, articles: lines, bytes: statSync(file).size, copies: -1, sources: -1}
      console.log(`corpus: ${file} (given), ${fmt(corpus.articles)} articles, ${fmt(mb(corpus.bytes))} MB`)
    } else {
      const t = Date.now()
      corpus = generateCorpus({file: path.join(scratch, 'corpus.jsonl'), sizeMB, articles, seed})
      made.push(corpus.file)
      console.log(
        `corpus: ${fmt(corpus.articles)} articles, ${fmt(mb(corpus.bytes))} MB (seed ${seed}, ${fmt(corpus.copies)} copies of earlier articles, from ${fmt(corpus.sources)} source texts) generated in ${((Date.now() - t) / 1000).toFixed(1)} s: ${corpus.file}`
      )
    }
    const file = corpus.file
    const rows: Record<string, Row> = {}
    const only = values.only?.split(',')
    const wanted = (key: string) => (only ? only.includes(key) : key !== 'f' || values['single-pass'])
    const clean = (...args: string[]) => (out: string) => ['clean', file, '-o', out, '-q', ...args]
    if (wanted('a')) rows.a = await best('(a) floor: JSON.parse + JSON.stringify', 'a', FLOOR, (out) => [file, out], scratch, corpus)
    if (wanted('b')) rows.b = await best('(b) decruft clean, dedup off, -j 1', 'b', CLI, clean('--dedup', 'off', '-j', '1'), scratch, corpus)
    if (wanted('c')) rows.c = await best(`(c) decruft clean, dedup off, -j ${cores}`, 'c', CLI, clean('--dedup', 'off', '-j', String(cores)), scratch, corpus)
    if (wanted('d')) rows.d = await best(`(d) decruft clean, dedup on, -j ${cores}`, 'd', CLI, clean('--dedup', 'drop', '-j', String(cores)), scratch, corpus)
    // The machine's own scaling for this work: independent -j 1 processes, one per core, each on its share of the corpus.
    if (cores > 1 && wanted('e')) rows.e = await parallelBest(`(e) ${cores} separate -j 1 processes at once, each on 1/${cores} of the corpus`, scratch, corpus, cores)
    if (wanted('f')) rows.f = await best('(f) decruft clean, dedup off, -j 1, --max-passes 1 (one pass: not idempotent)', 'f', CLI, clean('--dedup', 'off', '-j', '1', '--max-passes', '1'), scratch, corpus)
    const main = table(Object.values(rows))
    const ratios = ratioLines(rows)
    console.log(`\n${main}\n\n${ratios}\n`)
    if (only) return

    let memory = ''
    if (values.memory) {
      const t = Date.now()
      const big = generateCorpus({file: path.join(scratch, 'corpus-2x.jsonl'), sizeMB: sizeMB * 2, articles: articles * 2, seed: seed + 1})
      made.push(big.file)
      console.log(`memory corpus: ${fmt(big.articles)} articles, ${fmt(mb(big.bytes))} MB generated in ${((Date.now() - t) / 1000).toFixed(1)} s`)
      // The 1x rows are (b) and (c) above; twice the input with all cores is the case that could grow.
      const twice = await best(`${fmt(mb(big.bytes))} MB, ${fmt(big.articles)} articles, dedup off, -j ${cores}`, 'm2', CLI, (out) => ['clean', big.file, '-o', out, '-q', '--dedup', 'off', '-j', String(cores)], scratch, big)
      const memRows: Row[] = [
        {...rows.b, label: `${fmt(mb(corpus.bytes))} MB, ${fmt(corpus.articles)} articles, dedup off, -j 1 (run b)`},
        {...rows.c, label: `${fmt(mb(corpus.bytes))} MB, ${fmt(corpus.articles)} articles, dedup off, -j ${cores} (run c)`},
        twice
      ]
      rmSync(big.file, {force: true})
      const worst = Math.max(...memRows.map((row) => row.run.peakRssMB))
      memory = `### Memory: peak RSS by input size (bound ${RSS_BOUND_MB} MiB)\n\n${table(memRows)}\n\nLargest peak RSS: ${fmt(worst)} MiB (${worst <= RSS_BOUND_MB ? 'within' : 'OVER'} the ${RSS_BOUND_MB} MiB bound).\n`
      console.log(`\n${memory}`)
    }

    const report = [
      '# decruft benchmark',
      '',
      `Run ${started.toISOString()} with \`npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}\`.`,
      '',
      `Machine: ${info}.`,
      '',
      `Corpus: ${fmt(corpus.articles)} articles, ${fmt(mb(corpus.bytes))} MB of JSONL${values.corpus ? ` (${values.corpus})` : `, generated with seed ${seed} from ../shared/samples and the evaluation sets (cut to article size, words changed, paragraphs repeated, teasers and chrome tails added, ${fmt(corpus.copies)} copies of earlier articles)`}.`,
      '',
      'Wall-clock throughput on input bytes; CPU s is user + system time of the whole process (all threads), and articles per CPU s is the figure that other load on the machine does not change (wall-clock ratios need idle cores: compare the load average above with the core count); peak RSS is the process maximum (worker threads included).' +
        (repeat > 1 ? ` Best of ${repeat} runs each.` : ''),
      '',
      main,
      '',
      ratios,
      '',
      memory
    ].join('\n')
    writeFileSync(path.join(root, 'bench/results.md'), report.trimEnd() + '\n')
    console.log(`written to bench/results.md`)
  } finally {
    if (values.keep) console.log(`kept: ${made.join(', ')}`)
    else for (const file of made) rmSync(file, {force: true})
    if (!values.keep) rmSync(scratch, {recursive: true, force: true})
  }
  if (!values['no-dedup-bench']) await dedupBench()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
