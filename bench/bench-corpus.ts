/**
 * The benchmark corpus: JSONL news articles generated deterministically (a
 * seeded generator) from the shipped sample and the evaluation sets' page
 * texts, cut to article size and mutated: words changed, paragraphs
 * repeated, ALL-CAPS teasers and chrome tails added, and a share of copies
 * of earlier articles (wire reprints) so that dedup has work to do.
 */
import {closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {rng} from './lib/random.js'

// shared/ sits beside the repository (build/bench/ is two levels down).
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url))

/** Options for {@link generateCorpus}. */
export interface CorpusOptions {
  /** JSONL file to write. */
  file: string
  /** At least this many megabytes (10^6 bytes). */
  sizeMB: number
  /** At least this many articles. */
  articles: number
  /** Generator seed. @default 1 */
  seed?: number
  /** Folder of sample `.txt` files. @default ../shared/samples beside the repository */
  samples?: string
  /** Folder holding the evaluation sets (`*\/*.jsonl`). @default ../shared/eval beside the repository */
  eval?: string
}

/** What {@link generateCorpus} wrote. */
export interface CorpusStats {
  file: string
  articles: number
  bytes: number
  /** Articles that copy an earlier one (reprints, exact copies). */
  copies: number
  sources: number
}

interface Source {
  title?: string
  lines: string[]
}


const CHROME = [
  ['Related articles', 'You may also be interested in', 'Never Miss A Story', 'Sign up for our newsletter to get the latest news delivered to your inbox.'],
  ['Cookie policy', 'We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.'],
  ['Share this article', 'Facebook', 'Twitter', 'Email', 'Print'],
  ['Advertisement'],
  ['© 2025 The Daily Example. All rights reserved.'],
  ['Comments', 'Leave a comment', 'Most read', 'Trending now'],
  ['[#item_full_content]'],
  ['Subscribe now', 'Already a subscriber? Sign in']
]

/** Read the page texts the corpus is made from, in a fixed order. */
export function loadSources(samples = path.join(SHARED, 'samples'), evalDir = path.join(SHARED, 'eval')): Source[] {
  const sources: Source[] = []
  const add = (text: string, title?: unknown) => {
    const lines = text.replace(/\r\n?/g, '\n').split('\n')
    if (lines.length > 0) sources.push({title: typeof title === 'string' && title !== '' ? title : undefined, lines})
  }
  if (existsSync(samples)) {
    for (const name of readdirSync(samples).sort()) if (name.endsWith('.txt')) add(readFileSync(path.join(samples, name), 'utf8'))
  }
  if (existsSync(evalDir)) {
    for (const dir of readdirSync(evalDir).sort()) {
      const folder = path.join(evalDir, dir)
      if (!statSync(folder).isDirectory()) continue
      for (const name of readdirSync(folder).sort()) {
        if (!name.endsWith('.jsonl')) continue
        for (const line of readFileSync(path.join(folder, name), 'utf8').split('\n')) {
          if (line.trim() === '') continue
          const record = JSON.parse(line) as {text?: unknown; title?: unknown}
          if (typeof record.text === 'string' && record.text.length > 200) add(record.text, record.title)
        }
      }
    }
  }
  if (sources.length === 0) throw new Error(`no source texts found in ${samples} or ${evalDir}`)
  return sources
}

/** Write the corpus; deterministic for the same options and source files. */
export function generateCorpus(options: CorpusOptions): CorpusStats {
  const sources = loadSources(options.samples, options.eval)
  const random = rng(options.seed ?? 1)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const targetBytes = options.sizeMB * 1e6
  const perArticle = targetBytes / options.articles
  // Words to swap in, drawn from the sources themselves.
  const vocabulary: string[] = []
  for (let i = 0; vocabulary.length < 5000 && i < 200_000; i++) {
    const line = pick(pick(sources).lines)
    const words = line.split(' ').filter((w) => /^\p{L}{3,}$/u.test(w))
    if (words.length > 0) vocabulary.push(pick(words))
  }
  if (vocabulary.length === 0) vocabulary.push('news')
  const recent: {title?: string; lines: string[]}[] = []
  const fd = openSync(options.file, 'w')
  let chunk = ''
  let bytes = 0
  let count = 0
  let copies = 0
  const sites = Array.from({length: 40}, (_, i) => `news${i + 1}.example.com`)
  try {
    while (count < options.articles || bytes < targetBytes) {
      // Steer the article length so the corpus reaches both bounds together.
      const expected = Math.max(1, count) * perArticle
      const steer = count === 0 ? 1 : Math.min(2, Math.max(0.5, expected / Math.max(1, bytes)))
      let article: {title?: string; lines: string[]}
      if (recent.length > 50 && random() < 0.08) {
        article = reprint(pick(recent), random, vocabulary)
        copies++
      } else {
        article = fresh(pick(sources), perArticle * 0.8 * steer, random, pick, vocabulary, sources)
        if (recent.length < 2000) recent.push(article)
        else recent[Math.floor(random() * recent.length)] = article
      }
      const n = count + 1
      const record: Record<string, unknown> = {
        id: `bench-${String(n).padStart(7, '0')}`,
        url: `https://${sites[n % sites.length]}/story/${n}`,
        published: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString()
      }
      if (article.title !== undefined) record.title = article.title
      record.text = article.lines.join('\n')
      const line = JSON.stringify(record) + '\n'
      chunk += line
      bytes += Buffer.byteLength(line)
      count++
      if (chunk.length > 1 << 22) {
        writeSync(fd, chunk)
        chunk = ''
      }
    }
    if (chunk !== '') writeSync(fd, chunk)
  } finally {
    closeSync(fd)
  }
  return {file: options.file, articles: count, bytes, copies, sources: sources.length}
}

/** A new article: a window of a source page's lines, mutated. */
function fresh(
  source: Source,
  targetChars: number,
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
  vocabulary: string[],
  sources: Source[]
): {title?: string; lines: string[]} {
  const all = source.lines
  const wanted = targetChars * (0.4 + 1.2 * random())
  let start = all.length > 1 ? Math.floor(random() * all.length * 0.6) : 0
  let size = 0
  let end = start
  while (end < all.length && size < wanted) size += all[end++].length + 1
  while (start > 0 && size < wanted) size += all[--start].length + 1
  const lines = all.slice(start, end).map((line) => (line.length > 40 && random() < 0.12 ? swapWord(line, random, vocabulary) : line))
  // A paragraph printed twice, an ALL-CAPS teaser, a chrome tail.
  const long = lines.filter((line) => line.length > 80)
  if (long.length > 0 && random() < 0.3) lines.splice(Math.floor(random() * (lines.length + 1)), 0, '', pick(long))
  if (random() < 0.1) {
    const other = pick(pick(sources).lines).trim()
    if (other.length > 20 && other.length < 120) lines.splice(Math.floor(random() * lines.length), 0, '', other.toUpperCase(), '')
  }
  if (random() < 0.5) lines.push('', ...pick(CHROME))
  if (random() < 0.25) lines.push('', ...pick(CHROME))
  return {title: source.title, lines}
}

/** A copy of an earlier article: as is, or a wire reprint (dateline, a changed word, a dropped paragraph). */
function reprint(original: {title?: string; lines: string[]}, random: () => number, vocabulary: string[]): {title?: string; lines: string[]} {
  if (random() < 0.3) return original
  const lines = original.lines.slice()
  const first = lines.findIndex((line) => line.length > 60)
  if (first >= 0) lines[first] = `WASHINGTON (AP) — ${lines[first]}`
  if (lines.length > 6 && random() < 0.5) lines.splice(1 + Math.floor(random() * (lines.length - 2)), 1)
  const target = Math.floor(random() * lines.length)
  if (lines[target] && lines[target].length > 40) lines[target] = swapWord(lines[target], random, vocabulary)
  lines.push('', 'The Associated Press contributed to this report.')
  return {title: original.title, lines}
}

function swapWord(line: string, random: () => number, vocabulary: string[]): string {
  const at = line.indexOf(' ', Math.floor(random() * line.length))
  if (at === -1) return line
  const end = line.indexOf(' ', at + 1)
  if (end === -1) return line
  return line.slice(0, at + 1) + vocabulary[Math.floor(random() * vocabulary.length)] + line.slice(end)
}

export {rng}
