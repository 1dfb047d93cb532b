import type { Report } from '../report/build-report.js'
import { readableDate, UNKNOWN_OUTLET } from '../report/names.js'
import { escapeMarkdown } from './escape.js'
import { joinMarked, markWords } from './marked-words.js'
import { storiesMarkdown } from './render-stories.js'
import {
  abridge,
  NOTHING_TO_LIST,
  type Section,
  speakerList,
  splitShortFragments,
  TITLES,
  unattributedLine,
} from './sections.js'

/**
 * The report as Markdown (GitHub's flavour): tables for the sources and each
 * shared statement, with added words in bold, changed ones in bold italics
 * and missing ones struck through.
 */
export function renderMarkdown(report: Report, sections: readonly Section[]): string {
  const out: string[] = ['# Corroborate report']
  for (const section of sections) {
    if (section === 'failures' && report.failures.length === 0) continue
    out.push('', `## ${TITLES[section]}`, '', ...SECTION_MARKDOWN[section](report))
  }
  return `${out.join('\n')}\n`
}

// Each section's lines after its heading.
const SECTION_MARKDOWN: Record<Section, (report: Report) => string[]> = {
  stories: (report) => storiesMarkdown(report.stories),
  sources: sourcesMarkdown,
  speakers: speakersMarkdown,
  clusters: clustersMarkdown,
  disputes: disputesMarkdown,
  agreements: (report) =>
    report.agreements.length === 0
      ? [NOTHING_TO_LIST.agreements]
      : report.agreements.map((agreement) => `- ${escapeMarkdown(agreement.summary)}`),
  failures: (report) =>
    report.failures.map((failure) => `- \`${failure.path}\`: ${escapeMarkdown(failure.message)}`),
}

function sourcesMarkdown(report: Report): string[] {
  return [
    '| Outlet | Title or lead | Published | Author | Quotes |',
    '| --- | --- | --- | --- | ---: |',
    ...report.sources.map(
      (s) =>
        `| ${escapeMarkdown(s.outlet ?? UNKNOWN_OUTLET)} | ${escapeMarkdown(s.label || '—')} | ${readableDate(s.published) ?? '—'} | ${escapeMarkdown(s.author ?? '—')} | ${s.quotes} |`,
    ),
  ]
}

function speakersMarkdown(report: Report): string[] {
  const out: string[] = []
  if (report.speakers.length === 0) out.push(NOTHING_TO_LIST.speakers)
  for (const speaker of report.speakers) {
    const roles = speaker.roles.length > 0 ? ` (${escapeMarkdown(speaker.roles.join(', '))})` : ''
    out.push(`### ${escapeMarkdown(speaker.name)}${roles}`, '')
    const { listed, shortLine } = splitShortFragments(speaker.quotes, {
      lead: (text) => text,
      quote: (text) => `“${escapeMarkdown(text)}”`,
      source: (source) => `(${escapeMarkdown(source)})`,
    })
    for (const quote of listed)
      out.push(
        `- “${escapeMarkdown(quote.text)}” — ${escapeMarkdown(quote.source)}${quote.kind === 'fragment' ? ' (fragment)' : ''}`,
      )
    if (shortLine !== null) out.push(`- ${shortLine}`)
    out.push('')
  }
  if (report.unattributed.length > 0) out.push(`${unattributedLine(report.unattributed.length)}.`)
  return out
}

function clustersMarkdown(report: Report): string[] {
  const out: string[] = []
  if (report.clusters.length === 0) out.push(NOTHING_TO_LIST.clusters)
  for (const cluster of report.clusters) {
    out.push(
      `### ${escapeMarkdown(speakerList(cluster.speakers))}`,
      '',
      `> ${escapeMarkdown(cluster.canonical)}`,
      '',
    )
    out.push('| Outlet | How | Their words |', '| --- | --- | --- |')
    for (const column of cluster.columns)
      out.push(
        `| ${escapeMarkdown(column.source)} | ${column.variant} | ${markedMarkdown(column.text, column.diff)} |`,
      )
    out.push('')
  }
  out.push(
    'Added words in **bold**, changed words in ***bold italics***, words the fullest wording has and this outlet lacks ~~struck through~~.',
  )
  return out
}

/** A column's text with its word differences marked: bold, bold italics, struck through. */
function markedMarkdown(text: string, diff: Parameters<typeof markWords>[1]): string {
  return joinMarked(
    markWords(text, diff).map((piece) =>
      piece.mark === 'same'
        ? escapeMarkdown(piece.text)
        : piece.mark === 'added'
          ? `**${escapeMarkdown(piece.text)}**`
          : piece.mark === 'changed'
            ? `***${escapeMarkdown(piece.text)}***`
            : ` ~~${escapeMarkdown(abridge(piece.text))}~~ `,
    ),
  )
}

function disputesMarkdown(report: Report): string[] {
  const out: string[] = []
  if (report.disputes.length === 0) out.push(NOTHING_TO_LIST.disputes)
  for (const dispute of report.disputes) {
    out.push(
      `- **${dispute.kind}**${dispute.needsJudgement ? ' (needs judgement)' : ''}: ${escapeMarkdown(dispute.summary)}`,
    )
    for (const position of dispute.positions)
      out.push(
        `  - ${escapeMarkdown(position.source)}${position.speaker ? ` (${escapeMarkdown(position.speaker)})` : ''}: “${escapeMarkdown(position.text)}”`,
      )
  }
  return out
}
