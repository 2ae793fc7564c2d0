/**
 * WCXB snippet shares (../shared/eval/README.md): of the `with` snippets the
 * page text contains, the share still found in the output; of the `without`
 * snippets the page text contains, the share gone from it. Compared
 * case-insensitively after collapsing whitespace.
 */

/** Lower-case and collapse every run of whitespace to one space. */
export function foldSnippet(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim()
}

/** Snippet counts of one document. */
export interface SnippetCounts {
  /** `with` snippets present in the page text. */
  withTotal: number
  /** ... of which still in the output. */
  withKept: number
  /** `without` snippets present in the page text. */
  withoutTotal: number
  /** ... of which gone from the output. */
  withoutRemoved: number
  /** `with` snippets lost (for the per-document table). */
  lost: string[]
  /** `without` snippets left in (for the per-document table). */
  leaked: string[]
}

export function countSnippets(
  page: string,
  output: string,
  withSnippets: readonly string[] | undefined,
  withoutSnippets: readonly string[] | undefined
): SnippetCounts {
  const inPage = foldSnippet(page)
  const inOut = foldSnippet(output)
  const counts: SnippetCounts = {withTotal: 0, withKept: 0, withoutTotal: 0, withoutRemoved: 0, lost: [], leaked: []}
  for (const snippet of withSnippets ?? []) {
    const s = foldSnippet(snippet)
    if (s === '' || !inPage.includes(s)) continue
    counts.withTotal++
    if (inOut.includes(s)) counts.withKept++
    else counts.lost.push(snippet)
  }
  for (const snippet of withoutSnippets ?? []) {
    const s = foldSnippet(snippet)
    if (s === '' || !inPage.includes(s)) continue
    counts.withoutTotal++
    if (!inOut.includes(s)) counts.withoutRemoved++
    else counts.leaked.push(snippet)
  }
  return counts
}

/** Pooled shares over a set: kept / total and removed / total. */
export function snippetShares(all: readonly SnippetCounts[]): {withKept: number; withoutRemoved: number; withTotal: number; withoutTotal: number} {
  let wt = 0
  let wk = 0
  let ot = 0
  let or = 0
  for (const c of all) {
    wt += c.withTotal
    wk += c.withKept
    ot += c.withoutTotal
    or += c.withoutRemoved
  }
  return {withKept: wt ? wk / wt : 1, withoutRemoved: ot ? or / ot : 1, withTotal: wt, withoutTotal: ot}
}
