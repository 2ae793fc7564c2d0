import {createReadStream, createWriteStream} from 'node:fs'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {readLines} from './read-lines.js'
import type {Spool} from './runner.js'
import type {WorkResult} from './process.js'

/**
 * A spool on disk: results written as JSON lines to a temporary file and read
 * back in order, so a second pass costs disk, not memory.
 */
export async function fileSpool(dir = tmpdir()): Promise<Spool & {dispose(): Promise<void>}> {
  const folder = await mkdtemp(path.join(dir, 'decruft-spool-'))
  const file = path.join(folder, 'results.jsonl')
  const out = createWriteStream(file)
  return {
    async write(result) {
      if (!out.write(JSON.stringify(result) + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
    },
    async *drain() {
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
      for await (const line of readLines(createReadStream(file))) {
        if (line.error === undefined && line.text !== '') yield JSON.parse(line.text) as WorkResult
      }
    },
    async dispose() {
      out.destroy()
      await rm(folder, {recursive: true, force: true})
    }
  }
}
