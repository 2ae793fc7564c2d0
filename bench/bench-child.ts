/** Run a measured child process: wall time, CPU time and peak RSS (all its threads). */
import {spawn} from 'node:child_process'
import {readFileSync, rmSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

/** What one measured run cost. */
export interface Measurement {
  seconds: number
  /** User + system CPU seconds of the child (all threads). */
  cpuSeconds: number
  /** Peak resident set size in MB (10^6 bytes... reported as MiB). */
  peakRssMB: number
  stderr: string
}

const RSS_PRELOAD = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench-rss.js')).href

/**
 * Run `node [nodeArgs] script args` and measure it. Peak RSS is the larger of
 * the child's own `maxRSS` at exit and the VmHWM polled from /proc.
 */
export async function measure(script: string, args: string[], scratch: string, nodeArgs: string[] = []): Promise<Measurement> {
  const rssFile = path.join(scratch, `rss-${process.pid}-${Date.now()}.json`)
  const started = process.hrtime.bigint()
  const child = spawn(process.execPath, [...nodeArgs, '--import', RSS_PRELOAD, script, ...args], {
    env: {...process.env, BENCH_RSS_FILE: rssFile},
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (data: string) => {
    if (stderr.length < 100_000) stderr += data
  })
  let polledKB = 0
  const poll = setInterval(() => {
    void readFile(`/proc/${child.pid}/status`, 'utf8')
      .then((status) => {
        const match = /VmHWM:\s+(\d+) kB/.exec(status)
        if (match) polledKB = Math.max(polledKB, Number(match[1]))
      })
      .catch(() => {})
  }, 100)
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', resolve)
  })
  clearInterval(poll)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (code !== 0) throw new Error(`${path.basename(script)} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`)
  let own = {maxRssKB: 0, userMs: 0, systemMs: 0}
  try {
    own = JSON.parse(readFileSync(rssFile, 'utf8')) as typeof own
    rmSync(rssFile, {force: true})
  } catch {
    // The child did not report (killed?): the polled figure stands.
  }
  return {
    seconds,
    cpuSeconds: (own.userMs + own.systemMs) / 1000,
    peakRssMB: Math.max(own.maxRssKB, polledKB) / 1024,
    stderr
  }
}
