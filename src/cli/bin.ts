#!/usr/bin/env node
import {main} from './program.js'

main(process.argv).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`decruft: ${(error as Error)?.message ?? error}\n`)
    process.exitCode = 2
  }
)
