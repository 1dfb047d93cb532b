import type { Report } from '../report/build-report.js'
import { readableDate, UNKNOWN_OUTLET } from '../report/names.js'
import { joinMarked, markWords } from './marked-words.js'
import { storiesText } from './render-stories.js'
import {
  abridge,
  NOTHING_TO_LIST,
  plural,
  type Section,
  shorten,
  speakerList,
  splitShortFragments,
  TITLES,
  unattributedLine,
} from './sections.js'

const ANSI = {
  bold: ['\x1b[1m', '\x1b[22m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  added: ['\x1b[32m', '\x1b[39m'],
  changed: ['\x1b[33m', '\x1b[39m'],
  missing: ['\x1b[31;9m', '\x1b[39;29m'],
  heading: ['\x1b[1;4m', '\x1b[22;24m'],
} as const

/** Wraps text in a terminal style, or gives it back as it is without colour. */
type Paint = (style: keyof typeof ANSI, text: string) => string

/**
 * The report for a terminal. With `color`, differences are green (added),
 * yellow (changed) and red struck through (missing); without, they are
 * written `{+added+}`, `{~changed~}` and `[-missing-]` so that they survive a
 * pipe or a log file.
 */
export function renderText(report: Report, sections: readonly Section[], color: boolean): string {
  const paint: Paint = (style, text) => (color ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text)
  const out: string[] = []
  for (const section of sections) {
    if (section === 'failures' && report.failures.length === 0) continue
    out.push(
      '',
      paint('heading', TITLES[section]),
      '',
      ...SECTION_TEXT[section](report, paint, color),
    )
  }
  return `${out.join('\n').replace(/^\n+/, '')}\n`
}

// Each section's lines after its heading.
const SECTION_TEXT: Record<Section, (report: Report, paint: Paint, color: boolean) => string[]> = {
  stories: (report, paint) => storiesText(report.stories, paint),
  sources: sourcesText,
  speakers: speakersText,
  clusters: clustersText,
  disputes: disputesText,
  agreements: (report) =>
    report.agreements.length === 0
      ? [`  ${NOTHING_TO_LIST.agreements}`]
      : report.agreements.map((agreement) => `  ${shorten(agreement.summary, 160)}`),
  failures: (report) => report.failures.map((failure) => `  ${failure.path}: ${failure.message}`),
}

function sourcesText(report: Report, paint: Paint): string[] {
  return report.sources.flatMap((source) => {
    const date = readableDate(source.published)
    return [
      `  ${paint('bold', source.outlet ?? UNKNOWN_OUTLET)}${date ? ` · ${date}` : ''} · ${plural(source.quotes, 'quote')}`,
      `    ${source.label}`,
      paint(
        'dim',
        `    ${source.author ? `by ${source.author} · ` : ''}${plural(source.paragraphs, 'paragraph')} · ${source.path}`,
      ),
    ]
  })
}

function speakersText(report: Report, paint: Paint): string[] {
  const out: string[] = []
  if (report.speakers.length === 0) out.push(`  ${NOTHING_TO_LIST.speakers}`)
  for (const speaker of report.speakers) {
    const roles = speaker.roles.length > 0 ? ` (${speaker.roles.join(', ')})` : ''
    out.push(`  ${paint('bold', speaker.name)}${roles}: ${plural(speaker.quotes.length, 'quote')}`)
    const { listed, shortLine } = splitShortFragments(speaker.quotes, {
      lead: (text) => paint('dim', text),
      quote: (text) => `“${text}”`,
      source: (source) => paint('dim', `(${source})`),
    })
    for (const quote of listed)
      out.push(
        `    “${shorten(quote.text, 110)}” ${paint('dim', `— ${quote.source}${quote.kind === 'fragment' ? ', fragment' : ''}`)}`,
      )
    if (shortLine !== null) out.push(`    ${shortLine}`)
  }
  if (report.unattributed.length > 0)
    out.push('', `  ${unattributedLine(report.unattributed.length)}`)
  return out
}

function clustersText(report: Report, paint: Paint, color: boolean): string[] {
  const out: string[] = []
  if (report.clusters.length === 0) out.push(`  ${NOTHING_TO_LIST.clusters}`)
  else
    out.push(
      color
        ? `  Marks: ${paint('added', 'added')} words only this outlet has · ${paint('changed', 'changed')} its own words in place of others · ${paint('missing', 'missing')} words of the fullest wording it lacks`
        : '  Marks: {+added+} words only this outlet has · {~changed~} its own words in place of others · [-missing-] words of the fullest wording it lacks',
      '',
    )
  for (const cluster of report.clusters) {
    out.push(
      `  ${paint('bold', `“${shorten(cluster.canonical, 110)}”`)} — ${speakerList(cluster.speakers)}`,
    )
    for (const column of cluster.columns)
      out.push(
        `    ${paint('dim', `${column.source} (${column.variant}${column.speaker ? `, ${column.speaker}` : ''}):`)} ${markedText(column.text, column.diff, paint, color)}`,
      )
    out.push('')
  }
  return out
}

/** A column's text with its word differences marked: in colour, or in brackets. */
function markedText(
  text: string,
  diff: Parameters<typeof markWords>[1],
  paint: Paint,
  color: boolean,
): string {
  return joinMarked(
    markWords(text, diff).map((piece) => {
      if (piece.mark === 'same') return piece.text
      if (piece.mark === 'missing') {
        const words = abridge(piece.text)
        return color ? ` ${paint('missing', words)} ` : ` [-${words}-] `
      }
      if (color) return paint(piece.mark, piece.text)
      return piece.mark === 'added' ? `{+${piece.text}+}` : `{~${piece.text}~}`
    }),
  )
}

function disputesText(report: Report, paint: Paint): string[] {
  const out: string[] = []
  if (report.disputes.length === 0) out.push(`  ${NOTHING_TO_LIST.disputes}`)
  for (const dispute of report.disputes) {
    const judgement = dispute.needsJudgement ? ', needs judgement' : ''
    out.push(`  ${paint('bold', `[${dispute.kind}${judgement}]`)} ${dispute.summary}`)
    for (const position of dispute.positions)
      out.push(
        `    ${paint('dim', `${position.source}${position.speaker ? ` (${position.speaker})` : ''}:`)} “${shorten(position.text, 110)}”`,
      )
  }
  return out
}
