#!/usr/bin/env node
import {main} from './program.js'

// Messages to a closed stderr (`2>&1 | head`) are dropped, not a crash.
process.stderr.on('error', () => {})

main(process.argv).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`decruft: ${(error as Error)?.message ?? error}\n`)
    process.exitCode = 2
  }
)
