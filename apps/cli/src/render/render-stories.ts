import { readableDate } from '../report/names.js'
import type { StoryRow } from '../stories.js'
import { escapeHtml, escapeMarkdown } from './escape.js'
import { plural, shorten } from './sections.js'

const MAX_OUTLETS = 4
const MAX_PEOPLE = 3
const LABEL_CHARS = 100

const storyCount = (count: number) => (count === 1 ? '1 story' : `${count} stories`)

/** "4 Feb 2025", "4 Feb 2025 – 6 Feb 2025" or "undated". */
const dates = (story: StoryRow) => {
  const first = readableDate(story.first)
  const last = readableDate(story.last)
  if (!first || !last) return 'undated'
  return first === last ? first : `${first} – ${last}`
}

const outlets = (story: StoryRow) =>
  story.outlets.length === 0
    ? 'no outlet named'
    : story.outlets.length > MAX_OUTLETS
      ? `${story.outlets.slice(0, MAX_OUTLETS).join(', ')} and ${story.outlets.length - MAX_OUTLETS} more`
      : story.outlets.join(', ')

/**
 * The sentence above the list: which story the report is about and how to
 * choose another, or (for `corroborate stories`) how to report one.
 */
export function storiesIntro(stories: readonly StoryRow[]): string {
  const reported = stories.find((story) => story.reported)
  if (!reported)
    return `${storyCount(stories.length)}: the articles that report one event each. "corroborate report --story ID" reports one.`
  const largest = stories[0]?.id === reported.id
  return `The articles hold ${storyCount(stories.length)}; this report is about ${largest ? 'the largest' : `story ${reported.id}`}. "--story ID" reports another.`
}

/** The stories for a terminal, largest first, the reported one marked. */
export function storiesText(
  stories: readonly StoryRow[],
  paint: (style: 'bold' | 'dim', text: string) => string,
): string[] {
  const out = [`  ${storiesIntro(stories)}`, '']
  for (const story of stories) {
    const mark = story.reported ? '  ▶ ' : '    '
    out.push(
      `${mark}${paint('bold', story.id)}  ${plural(story.articles.length, 'article')} · ${dates(story)}${story.reported ? paint('bold', '  (this report)') : ''}`,
      `      ${shorten(story.label || '(no headline)', LABEL_CHARS)}`,
      paint(
        'dim',
        `      ${outlets(story)} · ${plural(story.clusters, 'shared statement')} · ${plural(story.disputes, 'disagreement')}${story.people.length > 0 ? ` · ${story.people.slice(0, MAX_PEOPLE).join(', ')}` : ''}`,
      ),
    )
  }
  return out
}

/** The stories as a Markdown table, largest first, the reported one in bold. */
export function storiesMarkdown(stories: readonly StoryRow[]): string[] {
  const out = [
    escapeMarkdown(storiesIntro(stories)),
    '',
    '| Story | Headline | Articles | Outlets | Dates | Shared statements | Disagreements |',
    '| --- | --- | ---: | --- | --- | ---: | ---: |',
  ]
  for (const story of stories) {
    const bold = (text: string) => (story.reported ? `**${text}**` : text)
    out.push(
      `| ${bold(`\`${story.id}\``)}${story.reported ? ' (this report)' : ''} | ${bold(escapeMarkdown(shorten(story.label || '—', LABEL_CHARS)))} | ${story.articles.length} | ${escapeMarkdown(outlets(story))} | ${dates(story)} | ${story.clusters} | ${story.disputes} |`,
    )
  }
  return out
}

/** The stories as an HTML table, largest first, the reported one marked. */
export function storiesHtml(stories: readonly StoryRow[]): string[] {
  const out = [
    `<p class="muted">${escapeHtml(storiesIntro(stories))}</p>`,
    '<table class="stories"><thead><tr><th>Story</th><th>Headline</th><th>Articles</th><th>Outlets</th><th>Dates</th><th>Shared statements</th><th>Disagreements</th></tr></thead><tbody>',
  ]
  for (const story of stories)
    out.push(
      `<tr data-story="${escapeHtml(story.id)}"${story.reported ? ' aria-current="true"' : ''}><td><code>${escapeHtml(story.id)}</code>${story.reported ? ' <span class="tag">this report</span>' : ''}</td><td>${story.reported ? `<strong>${escapeHtml(story.label || '—')}</strong>` : escapeHtml(story.label || '—')}</td><td>${story.articles.length}</td><td>${escapeHtml(outlets(story))}</td><td>${escapeHtml(dates(story))}</td><td>${story.clusters}</td><td>${story.disputes}</td></tr>`,
    )
  out.push('</tbody></table>')
  return out
}
