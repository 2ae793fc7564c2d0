import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {ROOT} from './helpers/run.js'

// A source that sends a few articles, then waits for their results before
// sending more (a pipe fed now and then, or a caller that awaits each reply).
// If the runner held a partial batch until it filled, this would never end.
describe('a slow source', () => {
  for (const concurrency of [1, 2]) {
    it(`gets its articles back before more input arrives (concurrency ${concurrency})`, async () => {
      let release!: () => void
      const gate = new Promise<void>((resolve) => {
        release = resolve
      })
      async function* source() {
        yield {id: 'a', text: 'The council met on Tuesday. It voted to close the old bridge.'}
        yield {id: 'b', text: 'Rain is expected all week. Farmers welcomed the news.'}
        await gate
        yield {id: 'c', text: 'The museum reopens in May after a long renovation.'}
      }
      // Worker threads load the built module (dist/), as users run it.
      const {cleanStream} = (await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href)) as typeof import('../src/index.js')
      const ids: string[] = []
      for await (const result of cleanStream(source(), {concurrency})) {
        ids.push(result.kind === 'article' ? result.id : `reject:${result.error}`)
        if (ids.length === 2) release()
      }
      expect(ids).toEqual(['a', 'b', 'c'])
    }, 20_000)
  }
})
