import type { WordChange } from '@corroborate/core'
import type { DisputeRow, Report } from '../report/build-report.js'
import { readableDate, UNKNOWN_OUTLET } from '../report/names.js'
import { escapeHtml } from './escape.js'
import { markWords } from './marked-words.js'
import { storiesHtml } from './render-stories.js'
import {
  abridge,
  NOTHING_TO_LIST,
  plural,
  type Section,
  speakerList,
  splitShortFragments,
  TITLES,
  unattributedLine,
} from './sections.js'

// One stylesheet, inline: the page must open anywhere, offline, as one file.
const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6470; --line: #d8dde3; --added: #d4f4dc; --added-ink: #0b5d1e; --changed: #fff1b8; --changed-ink: #6b4e00; --missing: #ffd9d9; --missing-ink: #8a1c1c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
main { max-width: 1280px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 12px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 0 0 8px; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: #eef1f4; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; margin: 0 0 16px; }
.canonical { margin: 0 0 12px; font-style: italic; }
.outlets { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
.outlet { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: #fbfcfd; }
.outlet h4 { margin: 0 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
.outlet p { margin: 0 0 8px; }
ins.added { background: var(--added); color: var(--added-ink); text-decoration: none; border-radius: 3px; padding: 0 2px; }
mark.changed { background: var(--changed); color: var(--changed-ink); border-radius: 3px; padding: 0 2px; }
del.missing { background: var(--missing); color: var(--missing-ink); border-radius: 3px; padding: 0 2px; font-size: 0.9em; }
.legend span { margin-right: 14px; }
.tag { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; background: #e3e8ee; margin-right: 6px; }
.tag.judgement { background: var(--changed); }
ul.quotes { margin: 4px 0 12px; padding-left: 20px; }
header { margin: 0 0 8px; }
.eyebrow { margin: 0 0 2px; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
header p { margin: 0 0 6px; }
ul.outlet-list { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; margin: 6px 0 0; padding: 0; }
ul.outlet-list li { font-size: 13px; padding: 2px 10px; border: 1px solid var(--line); border-radius: 999px; background: #fff; }
nav.contents { margin: 12px 0 0; font-size: 14px; }
nav.contents ol { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; margin: 0; padding: 0; }
section { scroll-margin-top: 8px; }
h2:first-of-type { margin-top: 20px; }
.outlet h4 cite { text-transform: none; letter-spacing: 0; font-size: 14px; }
`

/** An outlet's wording with its differences marked, as in the statements' cards. */
function markedHtml(text: string, diff: readonly WordChange[]): string {
  return markWords(text, diff)
    .map((piece) =>
      piece.mark === 'same'
        ? escapeHtml(piece.text)
        : piece.mark === 'added'
          ? `<ins class="added">${escapeHtml(piece.text)}</ins>`
          : piece.mark === 'changed'
            ? `<mark class="changed">${escapeHtml(piece.text)}</mark>`
            : ` <del class="missing" title="${escapeHtml(piece.text)}">${escapeHtml(abridge(piece.text))}</del> `,
    )
    .join('')
}

/**
 * A wording dispute's position with the words that differ marked: the outlet's own
 * changes against the fullest wording, and in a wording another outlet
 * changed, the words it replaced ("profoundly" against "incredibly").
 */
function positionHtml(
  position: DisputeRow['positions'][number],
  replaced: readonly string[],
): string {
  const changes = position.diff?.some((step) => step.op !== 'equal')
  if (position.diff && changes) return markedHtml(position.text, position.diff).trim()
  let html = escapeHtml(position.text)
  for (const words of replaced) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeHtml(words).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      'u',
    )
    html = html.replace(pattern, (found) => `<mark class="changed">${found}</mark>`)
  }
  return html
}

// The page leads with what the outlets disagree on; the sources close it.
const HTML_ORDER: readonly Section[] = [
  'disputes',
  'clusters',
  'speakers',
  'agreements',
  'sources',
  'stories',
  'failures',
]

/** How a card names an article: its outlet, or its title or lead set as a title. */
type SourceHtml = (article: string, name: string) => string

/**
 * The report as one self-contained HTML page. The first screen holds the
 * story (its headline, its outlets and dates), a contents list, and then
 * where the articles disagree, each position with its changed words marked;
 * then the statements several outlets carry side by side with their wording
 * differences marked (added, changed, missing), who said what, where they
 * agree, and the sources. No script, no link to anything outside the file.
 */
export function renderHtml(report: Report, sections: readonly Section[]): string {
  // An article without an outlet goes by its title or lead: set as a title, not as a name.
  const withOutlet = new Set(report.sources.flatMap((s) => (s.outlet ? [s.id] : [])))
  const sourceHtml: SourceHtml = (article, name) =>
    withOutlet.has(article)
      ? escapeHtml(name)
      : `<cite title="${UNKNOWN_OUTLET}">${escapeHtml(name)}</cite>`
  const shown = HTML_ORDER.filter(
    (section) =>
      sections.includes(section) && !(section === 'failures' && report.failures.length === 0),
  )
  const body = [...headerHtml(report), ...contentsHtml(report, shown)]
  for (const section of shown)
    body.push(
      `<section id="${section}"><h2>${escapeHtml(TITLES[section])}</h2>`,
      ...SECTION_HTML[section](report, sourceHtml),
      '</section>',
    )
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Corroborate report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`
}

/** The first lines: the story's headline, how many reports, when, and which outlets. */
function headerHtml(report: Report): string[] {
  const { overview } = report
  const first = readableDate(overview.first)
  const last = readableDate(overview.last)
  const dates = first && last && first !== last ? `${first} – ${last}` : first
  return [
    '<header>',
    '<p class="eyebrow">Corroborate report</p>',
    `<h1>${escapeHtml(overview.headline || 'Untitled story')}</h1>`,
    `<p class="muted">${plural(overview.articles, 'report')}${dates ? ` · ${escapeHtml(dates)}` : ''} · ${plural(report.disputes.length, 'disagreement')} · ${plural(report.clusters.length, 'statement')} carried by more than one</p>`,
    `<ul class="outlet-list">${overview.outlets.map((name) => `<li>${escapeHtml(name)}</li>`).join('')}${overview.unknownOutlet > 0 ? `<li class="muted">${UNKNOWN_OUTLET}${overview.unknownOutlet > 1 ? ` (${plural(overview.unknownOutlet, 'report')})` : ''}</li>` : ''}</ul>`,
    '</header>',
  ]
}

/** A contents list of the sections shown, each with its count; none for a single section. */
function contentsHtml(report: Report, shown: readonly Section[]): string[] {
  if (shown.length <= 1) return []
  const counts: Partial<Record<Section, number>> = {
    disputes: report.disputes.length,
    clusters: report.clusters.length,
    speakers: report.speakers.length,
    agreements: report.agreements.length,
    sources: report.sources.length,
    failures: report.failures.length,
    stories: report.stories.length,
  }
  return [
    `<nav class="contents" aria-label="Contents"><ol>${shown
      .map(
        (section) =>
          `<li><a href="#${section}">${escapeHtml(TITLES[section])}</a> <span class="muted">${counts[section] ?? ''}</span></li>`,
      )
      .join('')}</ol></nav>`,
  ]
}

// Each section's lines between its heading and its end.
const SECTION_HTML: Record<Section, (report: Report, sourceHtml: SourceHtml) => string[]> = {
  stories: (report) => storiesHtml(report.stories),
  sources: sourcesHtml,
  speakers: speakersHtml,
  clusters: clustersHtml,
  disputes: disputesHtml,
  agreements: agreementsHtml,
  failures: failuresHtml,
}

function sourcesHtml(report: Report): string[] {
  return [
    '<table><thead><tr><th>Outlet</th><th>Title or lead</th><th>Published</th><th>Author</th><th>Quotes</th></tr></thead><tbody>',
    // Only web addresses become links: a page's own metadata could name a
    // `javascript:` URL, and this page promises to run no script.
    ...report.sources.map(
      (s) =>
        `<tr data-article="${escapeHtml(s.id)}"><td>${s.outlet ? escapeHtml(s.outlet) : `<span class="muted">${UNKNOWN_OUTLET}</span>`}</td><td>${s.url && /^https?:\/\//i.test(s.url) ? `<a href="${escapeHtml(s.url)}">${escapeHtml(s.label || s.url)}</a>` : escapeHtml(s.label || '—')}</td><td>${escapeHtml(readableDate(s.published) ?? '—')}</td><td>${escapeHtml(s.author ?? '—')}</td><td>${s.quotes}</td></tr>`,
    ),
    '</tbody></table>',
  ]
}

function speakersHtml(report: Report): string[] {
  const body: string[] = []
  if (report.speakers.length === 0) body.push(`<p>${NOTHING_TO_LIST.speakers}</p>`)
  for (const speaker of report.speakers) {
    const roles =
      speaker.roles.length > 0
        ? ` <span class="muted">(${escapeHtml(speaker.roles.join(', '))})</span>`
        : ''
    body.push(
      `<div class="card" data-speaker="${escapeHtml(speaker.id)}"><h3>${escapeHtml(speaker.name)}${roles} <span class="muted">· ${plural(speaker.quotes.length, 'quote')}</span></h3><ul class="quotes">`,
    )
    const { listed, shortLine } = splitShortFragments(speaker.quotes, {
      lead: (text) => `<span class="muted">${text}</span>`,
      quote: (text) => `“${escapeHtml(text)}”`,
      source: (source) => `<span class="muted">(${escapeHtml(source)})</span>`,
    })
    for (const quote of listed)
      body.push(
        `<li data-kind="${quote.kind}">“${escapeHtml(quote.text)}” <span class="muted">— ${escapeHtml(quote.source)}${quote.kind === 'fragment' ? ', fragment' : ''}</span></li>`,
      )
    body.push('</ul>')
    if (shortLine !== null) body.push(`<p class="short-fragments">${shortLine}</p>`)
    body.push('</div>')
  }
  if (report.unattributed.length > 0)
    body.push(`<p class="muted">${unattributedLine(report.unattributed.length)}.</p>`)
  return body
}

function clustersHtml(report: Report, sourceHtml: SourceHtml): string[] {
  const body = [
    '<p class="legend muted"><span><ins class="added">added</ins> words only this outlet has</span><span><mark class="changed">changed</mark> its own words in place of others</span><span><del class="missing">missing</del> words of the fullest wording it lacks</span></p>',
  ]
  if (report.clusters.length === 0) body.push(`<p>${NOTHING_TO_LIST.clusters}</p>`)
  for (const cluster of report.clusters) {
    body.push(
      `<div class="card" data-cluster="${escapeHtml(cluster.id)}"><h3>${escapeHtml(speakerList(cluster.speakers))}</h3><p class="canonical">“${escapeHtml(cluster.canonical)}”</p><div class="outlets">`,
    )
    // One column per outlet: an article that quotes the statement twice
    // (in pieces, or again later) shows each of its wordings in its column.
    const byArticle = new Map<string, typeof cluster.columns>()
    for (const column of cluster.columns)
      byArticle.set(column.article, [...(byArticle.get(column.article) ?? []), column])
    for (const [article, columns] of byArticle) {
      const wordings = columns.map((column) => {
        const words = markedHtml(column.text, column.diff)
        return `<p data-variant="${column.variant}">${words} <span class="muted">(${column.variant}${column.speaker ? `, ${escapeHtml(column.speaker)}` : ''})</span></p>`
      })
      const source = columns[0]?.source ?? article
      body.push(
        `<div class="outlet" data-article="${escapeHtml(article)}"><h4>${sourceHtml(article, source)}</h4>${wordings.join('')}</div>`,
      )
    }
    body.push('</div></div>')
  }
  return body
}

function disputesHtml(report: Report, sourceHtml: SourceHtml): string[] {
  const body: string[] = []
  if (report.disputes.length === 0) body.push(`<p>${NOTHING_TO_LIST.disputes}</p>`)
  for (const dispute of report.disputes) {
    body.push(
      `<div class="card" data-dispute="${escapeHtml(dispute.id)}"><h3><span class="tag">${escapeHtml(dispute.kind)}</span>${dispute.needsJudgement ? '<span class="tag judgement">needs judgement</span>' : ''}${escapeHtml(dispute.summary)}</h3><div class="outlets">`,
    )
    for (const position of dispute.positions) {
      // What the other positions changed of the fullest wording, to mark in this one.
      const replaced = dispute.positions
        .filter((other) => other !== position)
        .flatMap((other) =>
          (other.diff ?? []).flatMap((step) =>
            step.op === 'replace' && step.canonical ? [step.canonical] : [],
          ),
        )
      body.push(
        `<div class="outlet" data-article="${escapeHtml(position.article)}"><h4>${sourceHtml(position.article, position.source)}${position.speaker ? ` · ${escapeHtml(position.speaker)}` : ''}</h4><p>“${dispute.kind === 'wording' ? positionHtml(position, replaced) : escapeHtml(position.text)}”</p></div>`,
      )
    }
    body.push('</div></div>')
  }
  return body
}

function agreementsHtml(report: Report): string[] {
  return [
    ...(report.agreements.length === 0 ? [`<p>${NOTHING_TO_LIST.agreements}</p>`] : []),
    '<ul>',
    ...report.agreements.map(
      (agreement) => `<li data-kind="${agreement.kind}">${escapeHtml(agreement.summary)}</li>`,
    ),
    '</ul>',
  ]
}

function failuresHtml(report: Report): string[] {
  return [
    '<ul>',
    ...report.failures.map(
      (failure) =>
        `<li><code>${escapeHtml(failure.path)}</code>: ${escapeHtml(failure.message)}</li>`,
    ),
    '</ul>',
  ]
}
