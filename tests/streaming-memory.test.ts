import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {createWriteStream, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {article, prng} from './helpers/generate.js'
import {BIN, ROOT} from './helpers/cli.js'
import {scratch} from './helpers/run.js'

// Memory, not time: a 200+ MB JSONL input streamed through the built CLI (with
// worker threads) must keep the process's peak RSS, all threads included,
// under a bound far below the input size. No wall-clock assertions.

const INPUT_MB = 210
/** Peak RSS bound for the whole process (main thread and two workers), in MiB. */
const BOUND_MB = 400

let dir: string
let input: string
let preload: string

beforeAll(async () => {
  dir = scratch('streaming-memory')
  input = path.join(dir, 'big.jsonl')
  // A pool of articles reused with fresh ids: generating 200 MB stays quick.
  const random = prng(7)
  const pool = Array.from({length: 400}, () => article(random))
  const out = createWriteStream(input)
  let bytes = 0
  for (let i = 0; bytes < INPUT_MB * 1e6; i++) {
    const line = JSON.stringify({id: `m${i}`, url: `https://example.com/${i}`, text: `${pool[i % 400]}\n\nStory ${i} ends here.`}) + '\n'
    bytes += line.length
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  // Preloaded into the child: reports its own peak RSS (all threads) on exit.
  preload = path.join(dir, 'report-rss.mjs')
  writeFileSync(
    preload,
    `import {writeFileSync} from 'node:fs'
import {isMainThread} from 'node:worker_threads'
if (isMainThread) process.on('exit', () => writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS)))
`
  )
}, 120_000)

afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
})

it(`streams a ${INPUT_MB} MB input through decruft clean with peak RSS under ${BOUND_MB} MiB`, {timeout: 600_000}, async () => {
  expect(statSync(input).size).toBeGreaterThanOrEqual(200e6)
  const rssFile = path.join(dir, 'rss.txt')
  const output = path.join(dir, 'out.jsonl')
  // The minimal pipeline keeps CI time down; reading, batching, threads and writing are the same.
  const child = spawn(process.execPath, ['--import', pathToFileURL(preload).href, BIN, 'clean', input, '-o', output, '-p', 'minimal', '--dedup', 'off', '-j', '2', '-q'], {
    cwd: ROOT,
    env: {...process.env, RSS_FILE: rssFile},
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const [code] = (await once(child, 'close')) as [number | null]
  expect(code, stderr).toBe(0)
  const peakMiB = Number(readFileSync(rssFile, 'utf8')) / 1024
  // Everything came through (one line per article), so the whole input was streamed.
  expect(statSync(output).size).toBeGreaterThan(150e6)
  expect(peakMiB).toBeGreaterThan(0)
  expect(peakMiB, `peak RSS ${Math.round(peakMiB)} MiB`).toBeLessThan(BOUND_MB)
})
