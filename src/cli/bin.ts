#!/usr/bin/env node
import {main} from './program.js'

// Messages to a closed stderr (`2>&1 | head`) are dropped, not a crash.
process.stderr.on('error', () => {})

let finished = false
// Safety net: if a bug left the run waiting on something that can never happen,
// Node exits once nothing is left to do; never let that pass as success.
process.on('exit', () => {
  if (finished) return
  process.stderr.write('decruft: internal error: the run stopped before it finished; output is incomplete\n')
  process.exitCode = 70
})

main(process.argv).then(
  (code) => {
    finished = true
    process.exitCode = code
  },
  (error: unknown) => {
    finished = true
    process.stderr.write(`decruft: ${(error as Error)?.message ?? error}\n`)
    process.exitCode = 2
  }
)
