import type { Article } from '../types.js'

export interface ArticleLabelOptions {
  /** Longest label, in characters, the ellipsis included; default 90, at least 10. */
  maxLength?: number
}

/**
 * How to name an article to a person: its title, else its lead sentence (the
 * first sentence of the body, without its dateline), clipped at a word boundary with "…" when longer
 * than `maxLength`; "" for an article without either. Never the id.
 */
export function articleLabel(
  article: Pick<Article, 'title' | 'dateline' | 'sentences' | 'paragraphs'>,
  options: ArticleLabelOptions = {},
): string {
  const max = Math.max(10, options.maxLength ?? 90)
  let lead = article.sentences[0]?.text ?? article.paragraphs[0]?.text ?? ''
  // "SAN SALVADOR, El Salvador — Secretary of State …": the place is no part of the label.
  const dateline = article.dateline?.text
  if (dateline && lead.startsWith(dateline)) lead = lead.slice(dateline.length)
  const text = (article.title?.value ?? lead).replace(/\s+/g, ' ').trim()
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  // A word boundary unless that throws away more than a third of the room.
  const kept = space > (max * 2) / 3 ? cut.slice(0, space) : cut
  return `${kept.replace(/[\s,;:–—-]+$/, '')}…`
}
