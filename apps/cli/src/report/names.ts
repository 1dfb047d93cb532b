import { type Article, articleLabel } from '@corroborate/core'

/** What the report says where an article names no outlet: once, in its own entry. */
export const UNKNOWN_OUTLET = 'unknown outlet'
// A source's name in a line of quotes or positions: short enough to sit beside them.
const SHORT_LABEL = 40
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * An ISO date as readers write it: "25 Feb 2025" for a day, "25 Feb 2025,
 * 09:30 −05:00" with a clock time and its offset ("UTC" for Z). Anything else
 * comes back as given; null stays null.
 */
export function readableDate(iso: string | null): string | null {
  if (iso === null) return null
  const parts = ISO.exec(iso.trim())
  const month = parts ? MONTHS[Number(parts[2]) - 1] : undefined
  if (!parts || !month) return iso
  const day = `${Number(parts[3])} ${month} ${parts[1]}`
  if (parts[4] === undefined) return day
  const zone = parts[6]
  const offset =
    zone === undefined
      ? ''
      : zone === 'Z'
        ? ' UTC'
        : ` ${zone.replace('-', '−').replace(/^(.\d{2})(\d{2})$/, '$1:$2')}`
  return `${day}, ${parts[4]}:${parts[5]}${offset}`
}

/**
 * What a reader calls each article in the lines of the report: its outlet;
 * the outlet and a short label (title or lead) when the outlet has several
 * articles; the short label alone when the article names no outlet. By id.
 */
export function sourceNames(articles: readonly Article[]): Map<string, string> {
  const perOutlet = new Map<string, number>()
  for (const article of articles) {
    const outlet = article.outlet?.value
    if (outlet) perOutlet.set(outlet, (perOutlet.get(outlet) ?? 0) + 1)
  }
  return new Map(
    articles.map((article) => {
      const outlet = article.outlet?.value
      const label = articleLabel(article, { maxLength: SHORT_LABEL }) || article.id
      if (!outlet) return [article.id, label]
      return [article.id, (perOutlet.get(outlet) ?? 0) > 1 ? `${outlet}: ${label}` : outlet]
    }),
  )
}
