/**
 * The floor: the least any JSONL cleaner must do. Read the file, JSON.parse
 * each line, JSON.stringify it, write it out.
 *
 *   node build/bench/bench-floor.js INPUT OUTPUT
 */
import {createReadStream, createWriteStream} from 'node:fs'

async function main(input: string, output: string): Promise<void> {
  const out = createWriteStream(output)
  let rest = ''
  let records = 0
  for await (const chunk of createReadStream(input, {encoding: 'utf8', highWaterMark: 1 << 20})) {
    const text = rest + (chunk as string)
    let start = 0
    let buffer = ''
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const line = text.slice(start, nl)
      start = nl + 1
      if (line === '') continue
      buffer += JSON.stringify(JSON.parse(line)) + '\n'
      records++
    }
    rest = text.slice(start)
    if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  if (rest.trim() !== '') {
    out.write(JSON.stringify(JSON.parse(rest)) + '\n')
    records++
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  process.stderr.write(`floor: ${records} records\n`)
}

const [input, output] = process.argv.slice(2)
if (!input || !output) {
  process.stderr.write('usage: bench-floor INPUT OUTPUT\n')
  process.exit(2)
}
await main(input, output)
