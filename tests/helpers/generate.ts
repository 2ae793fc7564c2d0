import {createWriteStream} from 'node:fs'
import {once} from 'node:events'
import {rng as prng} from '../../bench/lib/random.js'


const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 've', 'so', 'pi', 'da', 'ge', 'ho', 'ju', 'ly', 'fe', 'ba', 'ci', 'wo', 'zu', 'xe', 'an', 'el', 'or', 'us']

/** A made-up word of 2 to 4 syllables: a vocabulary large enough that paragraphs never look alike. */
export function word(random: () => number): string {
  const n = 2 + Math.floor(random() * 3)
  let w = ''
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)]
  return w
}

/** A prose paragraph: a capitalised sentence or two of made-up words. */
export function paragraph(random: () => number, words = 25 + Math.floor(random() * 30)): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(word(random))
  out[0] = out[0][0].toUpperCase() + out[0].slice(1)
  const mid = Math.floor(words / 2)
  out[mid] += '.'
  out[mid + 1] = out[mid + 1][0].toUpperCase() + out[mid + 1].slice(1)
  return out.join(' ') + '.'
}

/** An article body of `n` distinct paragraphs. */
export function article(random: () => number, n = 4 + Math.floor(random() * 8)): string {
  const paragraphs: string[] = []
  for (let i = 0; i < n; i++) paragraphs.push(paragraph(random))
  return paragraphs.join('\n\n')
}

/**
 * Write one JSONL record whose text is about `bytes` long, streaming the
 * text in pieces so the test itself never holds it whole.
 */
export async function writeBigRecord(file: string, id: string, bytes: number, seed = 1): Promise<{paragraphs: number}> {
  const random = prng(seed)
  const out = createWriteStream(file)
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain')
  }
  await write(`{"id":${JSON.stringify(id)},"text":"`)
  let size = 0
  let paragraphs = 0
  while (size < bytes) {
    const p = paragraph(random)
    // Paragraphs joined by a blank line, escaped as JSON inside the string.
    const piece = (paragraphs > 0 ? '\\n\\n' : '') + JSON.stringify(p).slice(1, -1)
    size += piece.length
    paragraphs++
    await write(piece)
  }
  await write('"}\n')
  out.end()
  await once(out, 'finish')
  return {paragraphs}
}

export {prng}
