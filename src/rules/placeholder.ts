// A block made only of template tokens: [#item_full_content], {{ var }}, %%TAG%%, {% tag %}, [shortcode].
const TOKENS = /^(?:\[[^[\]\n]{0,120}\]|\{\{[^{}\n]{0,120}\}\}|%%[^%\n]{0,120}%%|\{%[^%\n]{0,120}%\}|\$\{[^{}\n]{0,120}\}| )+$/u
const PROSE = /\p{L}{2,}(?: \p{L}{2,}){3,}/u

/**
 * Whether a block is nothing but CMS placeholder tokens. Bracketed prose
 * ("[the president’s]" inside a sentence) never qualifies: it has text around it,
 * and a lone bracket with four or more words of prose is kept.
 */
export function isPlaceholder(text: string): boolean {
  if (text.length === 0 || text.length > 400) return false
  if (!TOKENS.test(text)) return false
  const inner = text.replace(/[[\]{}%$#]/g, ' ')
  return !PROSE.test(inner)
}
