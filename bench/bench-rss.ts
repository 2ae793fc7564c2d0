/**
 * Preloaded into a measured child (`node --import .../bench-rss.js ...`):
 * on exit it writes the process's peak resident set size (all threads) and
 * CPU time to the file named by BENCH_RSS_FILE.
 */
import {writeFileSync} from 'node:fs'
import {isMainThread} from 'node:worker_threads'

const file = process.env.BENCH_RSS_FILE
if (file && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(file, JSON.stringify({maxRssKB: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000}))
  })
}
