import { isShortFragment } from '@corroborate/core'
import type { Command } from '../args.js'
import type { QuoteRow } from '../report/build-report.js'

/** What each command shows of a report. */
export type Section =
  | 'stories'
  | 'sources'
  | 'speakers'
  | 'clusters'
  | 'disputes'
  | 'agreements'
  | 'failures'

export const SECTIONS: Record<Command, readonly Section[]> = {
  report: ['stories', 'sources', 'speakers', 'clusters', 'disputes', 'agreements', 'failures'],
  quotes: ['speakers', 'clusters', 'failures'],
  disputes: ['disputes', 'failures'],
  sources: ['sources', 'failures'],
  stories: ['stories', 'failures'],
}

export const TITLES: Record<Section, string> = {
  stories: 'Stories',
  sources: 'Sources',
  speakers: 'Who said what',
  clusters: 'The same statement in several outlets',
  disputes: 'Where they disagree',
  agreements: 'Where they agree',
  failures: 'Inputs that could not be read',
}

/** What a section says when it has nothing to list: the same words in every format. */
export const NOTHING_TO_LIST = {
  speakers: 'No quote is attributed to anyone.',
  clusters: 'No statement is quoted by more than one article.',
  disputes: 'The articles do not disagree anywhere the analysis can see.',
  agreements: 'No statement or fact is carried by more than one article.',
} as const satisfies Partial<Record<Section, string>>

/** "2 quotes whose speaker the text does not name", without a full stop (the terminal's line has none). */
export const unattributedLine = (count: number) =>
  `${plural(count, 'quote')} whose speaker the text does not name`

/** "Rubio, Bukele" or "no speaker named". */
export const speakerList = (names: readonly string[]) =>
  names.length > 0 ? names.join(' / ') : 'no speaker named'

export const shorten = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text

/** A long run of missing words, shortened to its ends: what a reader needs to place it. */
export const abridge = (words: string, keep = 5) => {
  const list = words.trim().split(/\s+/)
  if (list.length <= keep * 2 + 2) return words.trim()
  return `${list.slice(0, keep).join(' ')} … ${list.slice(-keep).join(' ')}`
}

/** "1 quote", "3 quotes". */
export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/** How a format marks the pieces of the line of one- and two-word fragments. */
export interface ShortFragmentMarks {
  lead: (text: string) => string
  quote: (text: string) => string
  source: (source: string) => string
}

/**
 * A speaker's quotes split for reading: what is listed one per line
 * (statements, longer fragments), and the line of one- and two-word fragments
 * after them (null when there are none), grouped by source, each wording once,
 * the same words in every format: "In a word or two: “a”, “b” (Outlet); “c” (Other)".
 */
export function splitShortFragments(
  quotes: readonly QuoteRow[],
  marks: ShortFragmentMarks,
): { listed: QuoteRow[]; shortLine: string | null } {
  const short = new Map<string, string[]>()
  const listed: QuoteRow[] = []
  for (const quote of quotes) {
    if (!isShortFragment(quote)) {
      listed.push(quote)
      continue
    }
    const texts = short.get(quote.source) ?? []
    const text = quote.text.replace(/[\s,;:.]+$/, '')
    if (!texts.includes(text)) texts.push(text)
    short.set(quote.source, texts)
  }
  if (short.size === 0) return { listed, shortLine: null }
  const groups = [...short].map(
    ([source, texts]) => `${texts.map(marks.quote).join(', ')} ${marks.source(source)}`,
  )
  return { listed, shortLine: `${marks.lead('In a word or two:')} ${groups.join('; ')}` }
}
