import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runToEnd } from '../../../scripts/run-to-end.mjs'
import { COMMANDS, type Command, FORMATS, type Format } from '../src/args.js'
import { type Section, TITLES } from '../src/render/sections.js'
import type { Report } from '../src/report/build-report.js'
import { readableDate } from '../src/report/names.js'
import { builtCli, type Ran, runCli, SEEDS, type Surroundings } from './helpers.js'

const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
const SEED_IDS = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => name.replace(/\.txt$/, ''))
const seedText = new Map(
  SEED_IDS.map((id) => [id, readFileSync(join(SEEDS, `${id}.txt`), 'utf8')] as const),
)
const VERSION = String(JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')).version)
const ESC = '\u001b['
// How the progress bar starts each drawing: back to the line's start, line erased.
const CLEAR = `\r${ESC}2K`

// Two hand-written reports of one story: Lune Daily adds a word ("early"), drops
// others ("single", "across the river") and changes one ("doubled" → "tripled").
const RIVER = `---
title: Bridge to open in March
outlet: River Gazette
url: https://rivergazette.example/bridge
published: 2025-03-01
---

The new bridge over the Lune will open next month, Mayor Ellen Park said on Monday.

"The new bridge will open in March and it will carry twenty thousand cars every single day across the river," Park said at a press conference.

Critics were less sure. "The budget has doubled since the council approved it," said councillor Tom Reyes.
`
const LUNE = `---
title: Mayor says bridge ready
outlet: Lune Daily
url: https://lunedaily.example/bridge
published: 2025-03-02
---

Mayor Ellen Park said the bridge was nearly finished.

"The new bridge will open in early March and it will carry twenty thousand cars every day," Park said.

Councillor Tom Reyes disagreed. "The budget has tripled since the council approved it," Reyes said.
`
// A web page as saved from a browser: navigation and footer around the story.
const FERRY_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour ferry to resume service | Coastal Herald</title>
<meta property="og:site_name" content="Coastal Herald">
<meta property="og:url" content="https://coastalherald.example/ferry">
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2025-04-10T08:00:00Z">
</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/subscribe">Subscribe now</a></nav>
<article>
<h1>Harbour ferry to resume service</h1>
<p>The harbour ferry will run again from May after a winter of repairs, the port authority said on Thursday.</p>
<p>“The ferry will carry its first passengers on the first of May, and every crossing will be free for a week,” said harbour master Ines Okafor.</p>
<p>Local shop owners welcomed the news. “We lost half our trade when the ferry stopped,” said baker Samuel Lindqvist.</p>
</article>
<footer><p>© 2025 Coastal Herald Ltd. All rights reserved.</p><a href="/privacy">Privacy policy</a> <a href="/contact">Contact us</a></footer>
</body>
</html>
`
// Characters that mean something in Markdown and HTML, in metadata and in quotes.
const ODD = `---
title: "<b>Bold</b> & <script>alert(1)</script>"
outlet: "Tag & Co | Pipes"
---

"We will <em>never</em> build it, the cost is 3*4 | 12 million," said Mayor Ellen Park.
`
// Bytes no article holds: a NUL every few bytes.
const BINARY = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i % 7 === 0 ? 0 : i % 256)))

let scratch: string
let bridge: string
let ferry: string
let partial: string
let empty: string
let odd: string

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'corroborate-cli-'))
  bridge = join(scratch, 'bridge')
  mkdirSync(bridge)
  writeFileSync(join(bridge, '1-river.md'), RIVER)
  writeFileSync(join(bridge, '2-lune.md'), LUNE)
  ferry = join(scratch, 'ferry')
  mkdirSync(ferry)
  writeFileSync(join(ferry, 'ferry.html'), FERRY_PAGE)
  partial = join(scratch, 'partial')
  mkdirSync(partial)
  cpSync(join(SEEDS, `${SEED_IDS[0]}.txt`), join(partial, 'good.txt'))
  writeFileSync(join(partial, 'broken.txt'), BINARY)
  empty = join(scratch, 'empty')
  mkdirSync(empty)
  odd = join(scratch, 'odd')
  mkdirSync(odd)
  writeFileSync(join(odd, 'odd.md'), ODD)
})

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

/** A run that must succeed quietly: exit 0, nothing on stderr. */
async function ok(argv: string[], surroundings: Surroundings = {}): Promise<string> {
  const ran = await runCli(argv, surroundings)
  expect(ran.stderr, `stderr of ${argv.join(' ')}`).toBe('')
  expect(ran.code, `exit code of ${argv.join(' ')}`).toBe(0)
  return ran.stdout
}

/** A usage error: exit 2, nothing on stdout, the problem and a pointer to --help on stderr. */
async function usage(argv: string[]): Promise<string> {
  const ran = await runCli(argv)
  expect(ran.code, argv.join(' ')).toBe(2)
  expect(ran.stdout, argv.join(' ')).toBe('')
  expect(ran.stderr).toMatch(/^corroborate: /)
  expect(ran.stderr).toContain('Try "corroborate --help".')
  return ran.stderr
}

/** The lines of a text report's section, up to the next section title. */
function textSection(output: string, title: string): string[] {
  const lines = output.split('\n')
  const start = lines.indexOf(title)
  if (start < 0) throw new Error(`no section "${title}" in:\n${output}`)
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => /^\S/.test(line))
  return end < 0 ? rest : rest.slice(0, end)
}

/** Shared statements of a text report: each with the outlet of each of its lines. */
function textClusters(output: string): Array<{ head: string; lines: string[]; outlets: string[] }> {
  const blocks: Array<{ head: string; lines: string[]; outlets: string[] }> = []
  for (const line of textSection(output, 'The same statement in several outlets')) {
    if (/^ {2}“/.test(line)) blocks.push({ head: line, lines: [], outlets: [] })
    else if (/^ {4}\S/.test(line)) {
      const block = blocks.at(-1)
      if (!block) throw new Error(`an outlet line before any statement: ${line}`)
      const outlet =
        /^ {4}(.+?) \((?:identical|truncated|fragment|omitted-words|substituted|extended)(?:, [^)]*)?\):/.exec(
          line,
        )?.[1]
      if (!outlet) throw new Error(`not an outlet line: ${line}`)
      block.lines.push(line)
      block.outlets.push(outlet)
    }
  }
  return blocks
}

/** Cells of a Markdown table row, split on unescaped pipes. */
const cells = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1)

/** Each Markdown table: its header and rows. */
function markdownTables(output: string): string[][] {
  const tables: string[][] = []
  let current: string[] | null = null
  for (const line of output.split('\n')) {
    if (line.startsWith('|')) {
      if (!current) {
        current = []
        tables.push(current)
      }
      current.push(line)
    } else current = null
  }
  return tables
}

/** Attribute values that make a browser fetch or navigate: src, href, action, srcset, poster. */
// Anchors within the page (the contents list) fetch nothing and are left out.
const links = (html: string) =>
  [...html.matchAll(/\s(?:src|href|action|srcset|poster|formaction)\s*=\s*["']?([^"'\s>]*)/gi)]
    .map((m) => m[1])
    .filter((link) => !link?.startsWith('#'))

// What the report calls each seed: its outlet, else its title or lead, clipped.
const NAMES = [
  'Secretary of State Marco Rubio said on…',
  'Secretary of State Marco Rubio said El…',
  'The New York Sun',
  'The president of El Salvador told U.S.…',
  "El Salvador 'willing to take in'…",
]

const parseJson = (output: string) => JSON.parse(output) as Record<string, unknown>

// What each command shows, and how each format titles a section (its title from TITLES).
const SHOWN: Record<Command, string[]> = {
  report: ['sources', 'speakers', 'clusters', 'disputes', 'agreements'],
  quotes: ['speakers', 'clusters'],
  disputes: ['disputes'],
  sources: ['sources'],
  stories: ['stories'],
}
function hasSection(format: Format, output: string, section: Section): boolean {
  const title = TITLES[section]
  if (format === 'text') return output.split('\n').includes(title)
  if (format === 'markdown') return output.split('\n').includes(`## ${title}`)
  if (format === 'html') return output.includes(`<section id="${section}"><h2>${title}</h2>`)
  return section in parseJson(output)
}
// Something each section must say about the seeds, in every format.
const SAYS: Record<Exclude<Section, 'failures'>, string[]> = {
  sources: ['The New York Sun', 'Christian K. Caruzo', '4 Feb 2025', 'unknown outlet'],
  speakers: ['Marco Rubio', 'Nayib Bukele', 'No country’s ever made an offer of friendship'],
  clusters: ['incredibly', 'profoundly grateful'],
  disputes: ['Leti Volpp', 'The US is absolutely prohibited from deporting US citizens'],
  agreements: ['quote Nayib Bukele'],
  stories: ['Secretary of State Marco Rubio', 'The New York Sun'],
}

// JSON is data: dates in ISO, a missing outlet null.
const AS_DATA: Record<string, string> = { '4 Feb 2025': '2025-02-04', 'unknown outlet': 'null' }

describe('every command in every format, on the seeds', () => {
  for (const command of COMMANDS)
    for (const format of FORMATS)
      it(`${command} -f ${format}: exit 0, its sections and no others, stderr empty`, async () => {
        const output = await ok([command, SEEDS, '-f', format])
        for (const section of Object.keys(SAYS) as Array<keyof typeof SAYS>) {
          const shown = SHOWN[command].includes(section)
          expect(hasSection(format, output, section), `${section} in ${command} -f ${format}`).toBe(
            shown,
          )
          if (shown)
            for (const words of SAYS[section])
              expect(output, `${section} in ${command} -f ${format}`).toContain(
                format === 'json' ? (AS_DATA[words] ?? words) : words,
              )
        }
        // No input failed: no failures section, and the JSON says so.
        expect(output).not.toContain(TITLES.failures)
        if (format === 'json') expect(parseJson(output).failures).toEqual([])
        // Without a terminal and without --color, no escape codes in any format.
        expect(output).not.toContain(ESC)
      })

  it('report is the default command', async () => {
    expect(await ok([SEEDS])).toBe(await ok(['report', SEEDS]))
    expect(await ok([SEEDS, '-f', 'json'])).toBe(await ok(['report', SEEDS, '-f', 'json']))
  })
})

describe('stories', () => {
  // Two stories: the bridge (two reports, 1–2 March) and the ferry (one page, 10 April).
  let both: string[]
  let ids: { bridge: string; ferry: string }

  beforeAll(async () => {
    both = [bridge, ferry]
    const listed = parseJson(await ok(['stories', ...both, '-f', 'json'])).stories as Array<{
      id: string
      articles: string[]
    }>
    const of = (article: string) => listed.find((s) => s.articles.includes(article))?.id ?? ''
    ids = { bridge: of('1-river'), ferry: of('ferry') }
  })

  it('lists the stories, largest first, each with its articles, outlets, dates and counts', async () => {
    const data = parseJson(await ok(['stories', ...both, '-f', 'json']))
    expect(Object.keys(data)).toEqual(['stories', 'failures'])
    expect(data.stories).toEqual([
      {
        id: ids.bridge,
        label: expect.any(String),
        articles: ['1-river', '2-lune'],
        outlets: ['River Gazette', 'Lune Daily'],
        first: '2025-03-01',
        last: '2025-03-02',
        people: expect.arrayContaining(['Tom Reyes']),
        clusters: 2,
        disputes: expect.any(Number),
        reported: false,
      },
      expect.objectContaining({
        id: ids.ferry,
        articles: ['ferry'],
        outlets: ['Coastal Herald'],
        first: '2025-04-10',
        clusters: 0,
        disputes: 0,
        reported: false,
      }),
    ])
    expect(ids.bridge).toMatch(/^st-[0-9a-f]{8}$/)
    expect(ids.ferry).not.toBe(ids.bridge)
    const text = await ok(['stories', ...both])
    const lines = textSection(text, 'Stories')
    expect(lines.join('\n')).toContain('2 stories')
    expect(lines.join('\n')).toContain('corroborate report --story ID')
    expect(lines.findIndex((l) => l.includes(ids.bridge))).toBeLessThan(
      lines.findIndex((l) => l.includes(ids.ferry)),
    )
    expect(text).not.toContain('Sources')
  })

  it('report lists the stories first, then reports the largest', async () => {
    const text = await ok(['report', ...both])
    const lines = text.split('\n').filter((line) => /^\S/.test(line))
    expect(lines.slice(0, 2)).toEqual(['Stories', 'Sources'])
    const stories = textSection(text, 'Stories').join('\n')
    expect(stories).toContain('this report is about the largest')
    expect(stories).toContain('--story ID')
    expect(stories).toMatch(new RegExp(`^ {2}▶ ${ids.bridge} .*\\(this report\\)$`, 'm'))
    const sources = textSection(text, 'Sources').join('\n')
    expect(sources).toContain('River Gazette')
    expect(sources).toContain('Lune Daily')
    expect(sources).not.toContain('Coastal Herald')
    expect(text).not.toContain('ferry will carry')
    const data = parseJson(await ok(['report', ...both, '-f', 'json']))
    expect((data.sources as Array<{ id: string }>).map((s) => s.id)).toEqual(['1-river', '2-lune'])
    expect((data.stories as Array<{ reported: boolean }>).map((s) => s.reported)).toEqual([
      true,
      false,
    ])
  })

  it('--story reports another story, in every format', async () => {
    const text = await ok(['report', ...both, '--story', ids.ferry])
    expect(textSection(text, 'Sources').join('\n')).toContain('Coastal Herald')
    expect(textSection(text, 'Sources').join('\n')).not.toContain('River Gazette')
    expect(textSection(text, 'Stories').join('\n')).toContain(
      `this report is about story ${ids.ferry}`,
    )
    expect(text).toContain('The ferry will carry its first passengers')
    expect(text).not.toContain('twenty thousand cars')
    const markdown = await ok(['report', ...both, '--story', ids.ferry, '-f', 'markdown'])
    const table = markdownTables(markdown)[0] ?? []
    expect(cells(table[0] ?? '').map((c) => c.trim())).toEqual([
      'Story',
      'Headline',
      'Articles',
      'Outlets',
      'Dates',
      'Shared statements',
      'Disagreements',
    ])
    expect(table).toHaveLength(4)
    expect(table[3]).toContain(`**\`${ids.ferry}\`** (this report)`)
    const html = await ok(['report', ...both, '--story', ids.ferry, '-f', 'html'])
    expect(html).toContain(`<tr data-story="${ids.ferry}" aria-current="true">`)
    expect(html).toContain(`<tr data-story="${ids.bridge}">`)
    // The other commands cover every story, or the one --story names.
    const disputes = parseJson(await ok(['disputes', ...both, '-f', 'json']))
    const bridgeOnly = parseJson(
      await ok(['disputes', ...both, '-f', 'json', '--story', ids.bridge]),
    )
    expect(bridgeOnly.disputes).toEqual(disputes.disputes)
    expect(
      parseJson(await ok(['disputes', ...both, '-f', 'json', '--story', ids.ferry])).disputes,
    ).toEqual([])
    const sources = parseJson(await ok(['sources', ...both, '-f', 'json']))
    expect((sources.sources as unknown[]).length).toBe(3)
  })

  it('one story: no stories section in the report', async () => {
    const text = await ok(['report', bridge])
    expect(text.split('\n')).not.toContain('Stories')
    expect(Object.keys(parseJson(await ok(['report', bridge, '-f', 'json'])))).not.toContain(
      'stories',
    )
  })

  it('an unknown story id exits 2, says how to list the stories, and writes nothing', async () => {
    const ran = await runCli(['report', ...both, '--story', 'st-nope'])
    expect(ran.code).toBe(2)
    expect(ran.stdout).toBe('')
    expect(ran.stderr).toBe(
      `corroborate: no story "st-nope" in these articles; "corroborate stories ${both.join(' ')}" lists their ids\n`,
    )
    expect((await runCli(['disputes', SEEDS, '--story', 'st-nope'])).code).toBe(2)
    expect(await usage(['report', SEEDS, '--story', ' '])).toContain('corroborate stories')
  })
})

describe('readableDate', () => {
  it('writes dates as readers do, with the clock time and its offset when known', () => {
    expect(readableDate('2025-02-25T09:30:00-05:00')).toBe('25 Feb 2025, 09:30 −05:00')
    expect(readableDate('2025-02-04')).toBe('4 Feb 2025')
    expect(readableDate('2025-12-31T23:05:00Z')).toBe('31 Dec 2025, 23:05 UTC')
    expect(readableDate('2025-03-01T08:00:00+0530')).toBe('1 Mar 2025, 08:00 +05:30')
    expect(readableDate('2025-03-01T08:00')).toBe('1 Mar 2025, 08:00')
    expect(readableDate('2025-13-01')).toBe('2025-13-01')
    expect(readableDate(null)).toBeNull()
  })
})

describe('text', () => {
  it('lists the sources, and each speaker with their own quotes under their name', async () => {
    const output = await ok(['report', SEEDS])
    const sources = textSection(output, 'Sources')
    // Each source by its outlet (or "unknown outlet"), date, and title or lead: no id in front.
    expect(sources.filter((line) => /^ {2}\S/.test(line))).toEqual([
      '  unknown outlet · 17 quotes',
      '  unknown outlet · 13 quotes',
      '  The New York Sun · 6 quotes',
      '  unknown outlet · 4 Feb 2025 · 7 quotes',
      '  unknown outlet · 11 quotes',
    ])
    expect(sources).toContain(
      '    ‘Extraordinary friendship’: Marco Rubio Welcomes Offer From El Salvador To Take in…',
    )
    expect(sources).toContain(
      '    Secretary of State Marco Rubio said El Salvador’s president has offered to house…',
    )
    for (const id of SEED_IDS)
      expect(sources.filter((line) => !line.includes('/seeds/')).join('\n')).not.toContain(id)

    const said = textSection(output, 'Who said what')
    const heads = said
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => /^ {2}\S/.test(line))
    const under = (name: string) => {
      const at = heads.findIndex(({ line }) => line.startsWith(`  ${name}`))
      expect(at, `${name} has a heading`).toBeGreaterThanOrEqual(0)
      const from = (heads[at] as { index: number }).index
      const to = heads[at + 1]?.index ?? said.length
      return { head: said[from] as string, quotes: said.slice(from + 1, to) }
    }
    const rubio = under('Marco Rubio')
    expect(rubio.head).toMatch(/^ {2}Marco Rubio \(.*Secretary of State.*\): \d+ quotes$/)
    // Each quote on its line, the one- and two-word fragments together on the last.
    const short = rubio.quotes.at(-1) as string
    expect(short).toMatch(/^ {4}In a word or two: /)
    const shortCount = short.match(/“[^”]+”/g)?.length ?? 0
    // (a wording one outlet gives twice is shown once there)
    const count = Number(/(\d+) quotes$/.exec(rubio.head)?.[1])
    expect(count).toBeGreaterThanOrEqual(rubio.quotes.length - 1 + shortCount)
    expect(count).toBeLessThanOrEqual(rubio.quotes.length - 1 + shortCount + 2)
    expect(rubio.quotes).toContain(
      '    “No country’s ever made an offer of friendship such as this.” — Secretary of State Marco Rubio said on…',
    )
    expect(rubio.quotes.join('\n')).toContain(
      '“In an act of extraordinary friendship to our country El Salvador',
    )
    const bukele = under('Nayib Bukele')
    expect(bukele.head).toMatch(/: \d+ quotes$/)
    expect(bukele.quotes.join('\n')).toContain(
      '“We have offered the United States of America the opportunity to outsource part of its prison system',
    )
    expect(bukele.quotes.join('\n')).toContain('— The New York Sun')
    // His quotes are his: none of Rubio's lines is listed under Bukele.
    expect(bukele.quotes.join('\n')).not.toContain('No country’s ever made an offer')
  })

  it('lists full statements first and the one- and two-word fragments on one line after', async () => {
    const said = textSection(await ok(['quotes', SEEDS, '-s', 'Bukele']), 'Who said what')
    const quotes = said.filter((line) => line.startsWith('    '))
    expect(quotes[0]).toMatch(/^ {4}“[^”]+” — [^,]+$/) // a statement, not a fragment
    const firstFragment = quotes.findIndex((line) => line.endsWith(', fragment'))
    expect(firstFragment).toBeGreaterThan(0)
    expect(quotes.slice(firstFragment, -1).every((line) => line.endsWith(', fragment'))).toBe(true)
    const last = quotes.at(-1) as string
    expect(last).toMatch(/^ {4}In a word or two: “/)
    expect(last).toContain('“relatively low”')
    // Short fragments are not listed one by one as well.
    expect(quotes.filter((line) => line.startsWith('    “relatively low”'))).toEqual([])
  })

  it('shows each shared statement in several outlets, differences marked without colour', async () => {
    const output = await ok(['report', SEEDS])
    const clusters = textClusters(output)
    expect(clusters.length).toBeGreaterThanOrEqual(3)
    for (const cluster of clusters) {
      expect(new Set(cluster.outlets).size, cluster.head).toBeGreaterThanOrEqual(2)
      for (const outlet of cluster.outlets) expect(NAMES, cluster.head).toContain(outlet)
    }
    const grateful = clusters.find((c) => c.head.includes('profoundly grateful'))
    expect(
      grateful?.lines.find((line) =>
        line.startsWith('    Secretary of State Marco Rubio said El… (fragment, Marco Rubio): '),
      ),
    ).toMatch(/\[-[^\]]*profoundly-\] \{~incredibly~\} grateful/)
    // A legend for the marks, and no internal ids (k0, d1, s3) in the prose.
    expect(textSection(output, 'The same statement in several outlets')[1]).toBe(
      '  Marks: {+added+} words only this outlet has · {~changed~} its own words in place of others · [-missing-] words of the fullest wording it lacks',
    )
    expect(output).not.toMatch(/\b[kdsa]\d+\b/)
    const jails = clusters.find((c) => c.head.includes('He has offered to house in his jail '))
    expect(jails?.lines.join('\n')).toContain('[-jail-] {~jails~}')
    expect(jails?.lines.join('\n')).toContain('[-residents-] {~residency~}')
    expect(output).not.toContain(ESC)
  })

  it('writes agreements and disagreements as sentences that name outlets, not ids', async () => {
    const output = await ok(['report', SEEDS])
    const agree = textSection(output, 'Where they agree').filter((line) => line.trim() !== '')
    expect(agree.length).toBeGreaterThan(2)
    for (const line of agree) expect(line).toMatch(/^ {2}\d+ outlets (?:agree: |quote )/)
    expect(agree).toContainEqual(expect.stringMatching(/^ {2}4 outlets agree: 40,000 people — “/))
    expect(agree).toContainEqual(expect.stringMatching(/^ {2}5 outlets quote Nayib Bukele: “/))
    const disagree = textSection(output, 'Where they disagree').join('\n')
    for (const text of [agree.join('\n'), disagree])
      for (const id of SEED_IDS) expect(text).not.toContain(id)
  })

  it('marks added words {+…+}, changed {~…~} and missing [-…-]', async () => {
    const output = await ok(['quotes', bridge])
    const clusters = textClusters(output)
    expect(clusters).toHaveLength(2)
    for (const cluster of clusters) expect(cluster.outlets).toEqual(['River Gazette', 'Lune Daily'])
    const lines = clusters.flatMap((c) => c.lines).join('\n')
    expect(lines).toContain(
      'Lune Daily (substituted, Park): The new bridge will open in {+early+} March and it will carry twenty thousand cars every [-single-] day [-across the river-],',
    )
    expect(lines).toContain(
      'Lune Daily (substituted, Tom Reyes): The budget has [-doubled-] {~tripled~} since the council approved it,',
    )
    // The fullest wording is shown whole, unmarked.
    expect(lines).toContain(
      'River Gazette (identical, Park): The new bridge will open in March and it will carry twenty thousand cars every single day across the river,',
    )
  })

  it('colours the differences with --color, and only then marks nothing in brackets', async () => {
    const plain = await ok(['quotes', bridge])
    const coloured = await ok(['quotes', bridge, '--color'])
    expect(coloured).toContain(`${ESC}32mearly${ESC}39m`) // added: green
    expect(coloured).toContain(`${ESC}33mtripled${ESC}39m`) // changed: yellow
    expect(coloured).toContain(`${ESC}31;9msingle${ESC}39;29m`) // missing: red, struck
    expect(coloured).toContain(`${ESC}1;4mWho said what${ESC}22;24m`)
    expect(coloured).not.toContain('{+')
    expect(coloured).not.toContain('[-')
    // Take the colour away and the words are the same as the plain ones, markers aside.
    const strip = (text: string) =>
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI codes
      text.replace(/\u001b\[[\d;]*m/g, '').replace(/\{\+|\+\}|\{~|~\}|\[-|-\]/g, '')
    expect(strip(coloured).replace(/\s+/g, ' ')).toBe(strip(plain).replace(/\s+/g, ' '))
  })

  it('colours by default on a terminal, unless NO_COLOR, TERM=dumb, --no-color or -o', async () => {
    expect(await ok(['quotes', bridge], { stdoutTTY: true })).toContain(ESC)
    expect(await ok(['quotes', bridge], { stdoutTTY: false })).not.toContain(ESC)
    expect(await ok(['quotes', bridge], { stdoutTTY: true, env: { NO_COLOR: '1' } })).not.toContain(
      ESC,
    )
    expect(await ok(['quotes', bridge], { stdoutTTY: true, env: { TERM: 'dumb' } })).not.toContain(
      ESC,
    )
    expect(await ok(['quotes', bridge, '--no-color'], { stdoutTTY: true })).not.toContain(ESC)
    // --color wins over NO_COLOR: the user asked.
    expect(await ok(['quotes', bridge, '--color'], { env: { NO_COLOR: '1' } })).toContain(ESC)
    const file = join(scratch, 'tty-to-file.txt')
    const ran = await runCli(['quotes', bridge, '-o', file], { stdoutTTY: true })
    expect(ran.code).toBe(0)
    expect(readFileSync(file, 'utf8')).not.toContain(ESC)
    expect(readFileSync(file, 'utf8')).toContain('{+early+}')
  })

  it('keeps colour on a terminal when NO_COLOR is set but empty', async () => {
    expect(await ok(['quotes', bridge], { stdoutTTY: true, env: { NO_COLOR: '' } })).toContain(ESC)
  })

  it('never colours JSON, Markdown or HTML, even with --color', async () => {
    for (const format of ['json', 'markdown', 'html'])
      expect(await ok(['report', SEEDS, '-f', format, '--color'])).not.toContain(ESC)
  })
})

describe('json', () => {
  it('is the report as data, every span slicing its quote out of the original article', async () => {
    const report = parseJson(await ok(['report', SEEDS, '-f', 'json'])) as unknown as Omit<
      Report,
      'speakers' | 'unattributed'
    > & { speakers: Pick<Report, 'speakers' | 'unattributed'> }
    expect(report.sources.map((s) => s.id)).toEqual(SEED_IDS)
    for (const source of report.sources) {
      expect(source.path).toBe(join(SEEDS, `${source.id}.txt`))
      expect(source.format).toBe('text')
      expect(source.quotes).toBeGreaterThan(0)
    }
    expect(report.sources.find((s) => s.id === '002_14d3067ffab1f62e')?.outlet).toBe(
      'The New York Sun',
    )

    let checked = 0
    const sliceIs = (article: string, span: { start: number; end: number }, text: string) => {
      const original = seedText.get(article)
      expect(original, article).toBeDefined()
      expect(original?.slice(span.start, span.end), `${article} ${span.start}-${span.end}`).toBe(
        text,
      )
      checked++
    }
    const names = report.speakers.speakers.map((s) => s.name)
    expect(names).toEqual(expect.arrayContaining(['Marco Rubio', 'Nayib Bukele']))
    for (const speaker of report.speakers.speakers) {
      expect(speaker.quotes.length).toBeGreaterThan(0)
      for (const quote of speaker.quotes) {
        expect(quote.speaker).toBe(speaker.name)
        expect(quote.kind).not.toBe('term')
        sliceIs(quote.article, quote.span, quote.text)
      }
    }
    const rubio = report.speakers.speakers.find((s) => s.name === 'Marco Rubio')
    expect(rubio?.quotes.map((q) => q.text)).toContain(
      'No country’s ever made an offer of friendship such as this.',
    )
    for (const quote of report.speakers.unattributed) sliceIs(quote.article, quote.span, quote.text)

    expect(report.clusters.length).toBeGreaterThanOrEqual(3)
    for (const cluster of report.clusters) {
      expect(new Set(cluster.columns.map((c) => c.article)).size).toBeGreaterThanOrEqual(2)
      for (const column of cluster.columns) {
        sliceIs(column.article, column.span, column.text)
        expect(column.diff.length).toBeGreaterThan(0)
        // The diff rebuilds this outlet's words, and the canonical wording's.
        const member = column.diff
          .map((step) => step.member)
          .filter(Boolean)
          .join(' ')
        const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? ''
        expect(words(member)).toBe(words(column.text))
        const canonical = column.diff
          .map((step) => step.canonical)
          .filter(Boolean)
          .join(' ')
        expect(words(canonical)).toBe(words(cluster.canonical))
      }
    }
    const changed = report.clusters
      .flatMap((c) => c.columns)
      .flatMap((c) => c.diff)
      .find((step) => step.op === 'replace' && step.member === 'incredibly')
    expect(changed?.canonical).toBe('profoundly')

    expect(report.disputes.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['attribution', 'wording', 'contested']),
    )
    for (const dispute of report.disputes) {
      expect(dispute.positions.length).toBeGreaterThanOrEqual(2)
      for (const position of dispute.positions)
        sliceIs(position.article, position.span, position.text)
    }
    expect(report.agreements.length).toBeGreaterThan(0)
    expect(report.failures).toEqual([])
    expect(checked).toBeGreaterThan(50)
  })

  it('gives each command its own keys', async () => {
    const keys = async (command: Command) =>
      Object.keys(parseJson(await ok([command, SEEDS, '-f', 'json'])))
    expect(await keys('report')).toEqual([
      'sources',
      'speakers',
      'clusters',
      'disputes',
      'agreements',
      'failures',
    ])
    expect(await keys('quotes')).toEqual(['speakers', 'clusters', 'failures'])
    expect(await keys('disputes')).toEqual(['disputes', 'failures'])
    expect(await keys('sources')).toEqual(['sources', 'failures'])
  })
})

describe('markdown', () => {
  it('has well-formed tables, and speakers with their quotes', async () => {
    const output = await ok(['report', SEEDS, '-f', 'markdown'])
    expect(output.startsWith('# Corroborate report\n')).toBe(true)
    const tables = markdownTables(output)
    const [sources] = tables
    expect(sources?.[0]).toBe('| Outlet | Title or lead | Published | Author | Quotes |')
    expect(sources).toHaveLength(2 + SEED_IDS.length)
    for (const id of SEED_IDS) expect(sources?.join('\n')).not.toContain(id.replace('_', '\\_'))
    expect(sources?.join('\n')).toContain('| unknown outlet | The president of El Salvador told')
    expect(sources?.join('\n')).toContain('| The New York Sun |')
    for (const table of tables) {
      const width = cells(table[0] as string).length
      expect(cells(table[1] as string).every((cell) => /^ :?-+:? $/.test(cell))).toBe(true)
      for (const row of table) expect(cells(row), row).toHaveLength(width)
    }
    expect(output).toContain('\n### Marco Rubio (')
    expect(output).toContain(
      '- “No country’s ever made an offer of friendship such as this.” — Secretary of State Marco Rubio said on…\n',
    )
    expect(output).toContain('\n### Nayib Bukele (')
  })

  it('escapes pipes and markup in cells and quotes', async () => {
    const output = await ok(['report', odd, '-f', 'markdown'])
    const [sources] = markdownTables(output)
    expect(sources).toHaveLength(3)
    expect(cells(sources?.[2] as string).map((cell) => cell.trim())).toEqual([
      'Tag & Co \\| Pipes',
      '\\<b\\>Bold\\</b\\> & \\<script\\>alert(1)\\</script\\>',
      '—',
      '—',
      '1',
    ])
    expect(output).toContain(
      // The core reads Markdown's inline HTML as its text; the rest is escaped.
      '“We will never build it, the cost is 3\\*4 \\| 12 million,”',
    )
  })

  it('strikes missing words through, bolds added ones and bold-italicizes changed ones', async () => {
    const seeds = await ok(['quotes', SEEDS, '-f', 'markdown'])
    expect(seeds).toContain(
      '| Secretary of State Marco Rubio said El… | fragment | ~~profoundly~~ ***incredibly*** grateful ~~for the offer~~ |',
    )
    const struck = seeds.match(/~~[^~]+~~/g) ?? []
    expect(struck.length).toBeGreaterThan(10)
    const output = await ok(['quotes', bridge, '-f', 'markdown'])
    expect(output).toContain(
      '| Lune Daily | substituted | The new bridge will open in **early** March and it will carry twenty thousand cars every ~~single~~ day ~~across the river~~, |',
    )
    expect(output).toContain(
      '| Lune Daily | substituted | The budget has ~~doubled~~ ***tripled*** since the council approved it, |',
    )
  })
})

describe('html', () => {
  it('is one self-contained page: no script, nothing fetched, outlets in columns', async () => {
    const html = await ok(['report', SEEDS, '-f', 'html'])
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true)
    expect(html.trimEnd().endsWith('</html>')).toBe(true)
    expect(html.match(/<html[\s>]/g)).toHaveLength(1)
    expect(html.match(/<body[\s>]/g)).toHaveLength(1)
    expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|url\(/i)
    expect(html).not.toMatch(/\son\w+\s*=/i) // no event handlers
    expect(links(html)).toEqual([]) // the seeds give no URL
    expect(html).toContain('<style>')

    const cards = html.split('<div class="card" data-cluster="').slice(1)
    expect(cards.length).toBeGreaterThanOrEqual(3)
    for (const card of cards) {
      const body = card.slice(0, card.indexOf('</div></div>'))
      const outlets = [...body.matchAll(/<div class="outlet" data-article="([^"]+)">/g)].map(
        (m) => m[1],
      )
      expect(outlets.length).toBeGreaterThanOrEqual(2)
      expect(new Set(outlets).size).toBe(outlets.length) // one column per outlet
    }
    expect(html).toContain('<mark class="changed">incredibly</mark>')
    // A contents list whose every anchor is a section of the page, disagreements first.
    const anchors = [...html.matchAll(/<a href="#([a-z]+)">/g)].map((m) => m[1])
    expect(anchors).toEqual(['disputes', 'clusters', 'speakers', 'agreements', 'sources'])
    for (const anchor of anchors) expect(html).toContain(`<section id="${anchor}">`)
    expect(html.indexOf('<section id="disputes">')).toBeLessThan(
      html.indexOf('<section id="sources">'),
    )
    expect(html).toContain('<li class="muted">unknown outlet (4 reports)</li>')
    expect(html).toMatch(/<del class="missing" title="[^"]+">[^<]+<\/del>/)
    expect(html).toContain('<h4>The New York Sun</h4>')
    expect(html).toContain('<h3>Marco Rubio')
    expect(html).toContain('“No country’s ever made an offer of friendship such as this.”')
  })

  it('links each article to its URL and to nothing else; escapes what the articles say', async () => {
    const html = await ok(['report', bridge, '-f', 'html'])
    expect(links(html).sort()).toEqual([
      'https://lunedaily.example/bridge',
      'https://rivergazette.example/bridge',
    ])
    expect(html).toContain('<ins class="added">early</ins>')
    expect(html).toContain('<mark class="changed">tripled</mark>')
    expect(html).toContain('<del class="missing" title="doubled">doubled</del>')

    const escaped = await ok(['report', odd, '-f', 'html'])
    expect(escaped).not.toContain('<script')
    expect(escaped).not.toContain('<em>')
    expect(escaped).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(escaped).toContain('Tag &amp; Co | Pipes')
    expect(escaped).toContain('We will never build it, the cost is 3*4 | 12 million,')
  })

  it('links only web addresses: an article claiming a javascript: URL gets no live link', async () => {
    const dir = join(scratch, 'script-url')
    mkdirSync(dir)
    writeFileSync(
      join(dir, 'page.html'),
      FERRY_PAGE.replace(
        'https://coastalherald.example/ferry',
        'javascript:alert(document.cookie)',
      ),
    )
    const html = await ok(['sources', dir, '-f', 'html'])
    for (const link of links(html)) expect(link).toMatch(/^https?:\/\//)
  })
})

describe('--speaker', () => {
  it('keeps one speaker’s quotes, the statements they share and their disputes', async () => {
    const report = parseJson(await ok(['report', SEEDS, '-f', 'json', '--speaker', 'Rubio'])) as {
      speakers: { speakers: Array<{ name: string }>; unattributed: unknown[] }
      clusters: Array<{ speakers: string[] }>
      disputes: Array<{ positions: Array<{ speaker: string | null }> }>
      sources: unknown[]
    }
    expect(report.speakers.speakers.map((s) => s.name)).toEqual(['Marco Rubio'])
    expect(report.speakers.unattributed).toEqual([])
    expect(report.clusters.length).toBeGreaterThan(0)
    for (const cluster of report.clusters) expect(cluster.speakers).toContain('Marco Rubio')
    expect(report.disputes.length).toBeGreaterThan(0)
    for (const dispute of report.disputes)
      expect(dispute.positions.map((p) => p.speaker)).toContain('Marco Rubio')
    expect(report.sources).toHaveLength(SEED_IDS.length) // the sources stay whole

    const all = parseJson(await ok(['report', SEEDS, '-f', 'json'])) as typeof report
    expect(report.clusters.length).toBeLessThan(all.clusters.length)
    expect(report.disputes.length).toBeLessThan(all.disputes.length)
  })

  it('matches any name or title, in any case, in every format', async () => {
    const text = await ok(['quotes', SEEDS, '-s', 'bukele'])
    const said = textSection(text, 'Who said what').filter((line) => /^ {2}\S/.test(line))
    expect(said).toHaveLength(1)
    expect(said[0]).toMatch(/^ {2}Nayib Bukele/)
    expect(text).toContain('“We have offered the United States of America')
    expect(text).not.toContain('Tammy Bruce')

    const title = parseJson(await ok(['quotes', SEEDS, '-f', 'json', '-s', 'Secretary of State']))
    expect(
      (title.speakers as { speakers: Array<{ name: string }> }).speakers.map((s) => s.name),
    ).toEqual(['Marco Rubio'])

    const markdown = await ok(['quotes', SEEDS, '-f', 'markdown', '--speaker', 'Rubio'])
    expect(markdown).toContain('### Marco Rubio')
    // His own heading, not a statement's that names him beside Rubio.
    expect(markdown).not.toMatch(/^### Nayib Bukele \(/m)
    const html = await ok(['quotes', SEEDS, '-f', 'html', '--speaker', 'Rubio'])
    expect(html).toContain('<div class="card" data-speaker="marco-rubio"><h3>Marco Rubio')
    expect(html).not.toContain('data-speaker="nayib-bukele"')
  })

  it('folds accents and matches roles as the MCP server does', async () => {
    const names = async (query: string) =>
      (
        parseJson(await ok(['quotes', SEEDS, '-f', 'json', '-s', query])).speakers as {
          speakers: Array<{ name: string }>
        }
      ).speakers.map((s) => s.name)
    expect(await names('BUKÉLE')).toEqual(['Nayib Bukele'])
    expect(await names('Salvadoran President')).toEqual(['Nayib Bukele'])
    expect(await names('spokeswoman')).toEqual(['Tammy Bruce'])
  })

  it('says so when nobody of that name is quoted', async () => {
    const text = await ok(['quotes', SEEDS, '--speaker', 'Nobody Atall'])
    expect(text).toContain('No quote is attributed to anyone.')
    expect(text).toContain('No statement is quoted by more than one article.')
    expect(text).not.toContain('Marco Rubio')
  })
})

describe('--output', () => {
  it('writes the report to the file, nothing to stdout, and says where on stderr', async () => {
    const file = join(scratch, 'report.html')
    const ran = await runCli(['report', SEEDS, '-f', 'html', '-o', file])
    expect(ran.code).toBe(0)
    expect(ran.stdout).toBe('')
    expect(ran.stderr).toBe(`corroborate: wrote ${file}\n`)
    expect(readFileSync(file, 'utf8')).toBe(await ok(['report', SEEDS, '-f', 'html']))

    const json = join(scratch, 'disputes.json')
    const long = await runCli(['disputes', SEEDS, '--format', 'json', '--output', json])
    expect(long.code).toBe(0)
    expect(long.stdout).toBe('')
    expect(Object.keys(JSON.parse(readFileSync(json, 'utf8')))).toEqual(['disputes', 'failures'])
  })

  it('exits 2 when the file cannot be written, with nothing on stdout', async () => {
    const file = join(scratch, 'no-such-dir', 'report.txt')
    const ran = await runCli(['report', SEEDS, '-o', file])
    expect(ran.code).toBe(2)
    expect(ran.stdout).toBe('')
    expect(ran.stderr).toContain(`corroborate: cannot write ${file}`)
    expect(existsSync(file)).toBe(false)
  })
})

describe('help and version', () => {
  it('--help and -h: exit 0, the usage with every command, option and exit code on stdout', async () => {
    for (const flag of ['--help', '-h']) {
      const help = await ok([flag])
      expect(help).toContain('Usage\n  corroborate [COMMAND] [PATH...] [OPTIONS]')
      for (const command of COMMANDS) expect(help).toMatch(new RegExp(`^ {2}${command} `, 'm'))
      for (const option of ['--format', '--output', '--speaker', '--color', '--progress'])
        expect(help).toContain(option)
      expect(help).toContain('--fail-on-dispute')
      const codes = help.slice(help.indexOf('Exit codes'))
      for (const code of [0, 1, 2, 3, 4, 5])
        expect(codes).toMatch(new RegExp(`^ {2}${code} {2}\\S`, 'm'))
    }
    // Help wins over the rest of the command line, and reads nothing.
    expect(await ok(['report', '/no/such/path', '--help'])).toContain('Usage')
  })

  it('--version and -v print the package version', async () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/)
    expect(await ok(['--version'])).toBe(`${VERSION}\n`)
    expect(await ok(['-v'])).toBe(`${VERSION}\n`)
  })
})

describe('usage errors exit 2, with a message on stderr and nothing on stdout', () => {
  it('an unknown option', async () => {
    expect(await usage(['report', SEEDS, '--bogus'])).toContain("'--bogus'")
    expect(await usage(['-x'])).toContain("'-x'")
  })

  it('a bad --format, or none', async () => {
    const stderr = await usage(['report', SEEDS, '--format', 'yaml'])
    expect(stderr).toContain('--format must be one of text, json, markdown, html; got "yaml"')
    await usage(['report', SEEDS, '-f', 'JSON'])
    expect(await usage(['report', SEEDS, '--format'])).toContain('--format')
  })

  it('a mistyped command, with the command meant', async () => {
    expect(await usage(['reprot'])).toContain('unknown command "reprot"; did you mean "report"?')
    expect(await usage(['qoutes', SEEDS])).toContain('did you mean "quotes"?')
    expect(await usage(['dispute'])).toContain('did you mean "disputes"?')
    expect(await usage(['sorces'])).toContain('did you mean "sources"?')
  })

  it('contradictory options', async () => {
    expect(await usage(['report', SEEDS, '--color', '--no-color'])).toContain(
      '--color and --no-color contradict each other',
    )
    expect(await usage(['report', SEEDS, '--progress', '--no-progress'])).toContain(
      '--progress and --no-progress contradict each other',
    )
  })
})

describe('inputs', () => {
  it('exits 3 when a path does not exist, or holds no article', async () => {
    const missing = join(scratch, 'nowhere')
    const ran = await runCli(['report', missing])
    expect(ran.code).toBe(3)
    expect(ran.stdout).toBe('')
    expect(ran.stderr).toContain(`could not read ${missing}: no file or directory at ${missing}`)
    expect(ran.stderr).toContain('no article could be read')

    // A word with a dot is a file name, not a mistyped command.
    const file = await runCli(['reprot.txt'])
    expect(file.code).toBe(3)
    expect(file.stdout).toBe('')
    expect(file.stderr).not.toContain('did you mean')

    const none = await runCli(['sources', empty])
    expect(none.code).toBe(3)
    expect(none.stdout).toBe('')
    expect(none.stderr).toContain('holds no article files')
  })

  it('exits 4 with the report on stdout and the failure on stderr when one file is broken', async () => {
    const ran = await runCli(['report', partial])
    expect(ran.code).toBe(4)
    expect(ran.stderr).toMatch(/could not read \S*broken\.txt: .*binary/)
    expect(ran.stderr).not.toContain('good.txt')
    // The good article is reported in full, its failures section names the broken one.
    expect(ran.stdout).toMatch(/^Sources\n/)
    expect(ran.stdout).toContain('Marco Rubio')
    expect(ran.stdout).toContain('“No country’s ever made an offer of friendship such as this.”')
    expect(textSection(ran.stdout, 'Inputs that could not be read').join('\n')).toContain(
      'broken.txt',
    )

    const json = await runCli(['sources', partial, '-f', 'json'])
    expect(json.code).toBe(4)
    const data = JSON.parse(json.stdout) as {
      sources: Array<{ id: string }>
      failures: Array<{ path: string; message: string }>
    }
    expect(data.sources.map((s) => s.id)).toEqual(['good'])
    expect(data.failures).toHaveLength(1)
    expect(data.failures[0]?.path).toMatch(/broken\.txt$/)
  })

  it('reads two files of one name in two folders, the second as folder/name; a folder given twice once', async () => {
    const again = join(scratch, 'again')
    mkdirSync(again)
    writeFileSync(join(again, '1-river.md'), ODD)
    const data = JSON.parse(await ok(['sources', bridge, again, bridge, '-f', 'json'])) as {
      sources: Array<{ id: string; outlet: string | null }>
    }
    expect(data.sources.map((s) => s.id)).toEqual(['1-river', '2-lune', 'again/1-river'])
    expect(JSON.stringify(data.sources[2])).toContain('Tag & Co | Pipes')
  })

  it('reads a web page: the story’s quotes, not its navigation or footer', async () => {
    const data = parseJson(await ok(['report', ferry, '-f', 'json'])) as unknown as {
      sources: Array<{ outlet: string; title: string; url: string; format: string }>
      speakers: { speakers: Array<{ name: string; quotes: Array<{ text: string }> }> }
    }
    expect(data.sources).toEqual([
      expect.objectContaining({
        outlet: 'Coastal Herald',
        title: 'Harbour ferry to resume service',
        url: 'https://coastalherald.example/ferry',
        format: 'html',
      }),
    ])
    const quotes = data.speakers.speakers.flatMap((s) =>
      s.quotes.map((q) => `${s.name}: ${q.text}`),
    )
    expect(quotes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Ines Okafor: The ferry will carry its first passengers on the first of May, and every crossing will be free for a week,?$/,
        ),
        expect.stringMatching(
          /^Samuel Lindqvist: We lost half our trade when the ferry stopped,?$/,
        ),
      ]),
    )
    const text = await ok(['report', ferry])
    expect(text).toContain('Coastal Herald')
    expect(text).toContain('“We lost half our trade when the ferry stopped')
    for (const chrome of ['Subscribe now', 'Privacy policy', 'All rights reserved', 'Contact us'])
      expect(text).not.toContain(chrome)

    // The same page gzipped reads the same.
    const gz = join(scratch, 'gz')
    mkdirSync(gz)
    writeFileSync(join(gz, 'ferry.html.gz'), gzipSync(FERRY_PAGE))
    const gzipped = await ok(['quotes', gz])
    expect(gzipped).toBe(await ok(['quotes', ferry]))
  })
})

describe('--fail-on-dispute', () => {
  it('exits 5 when the articles disagree, after writing the report', async () => {
    const ran = await runCli(['report', SEEDS, '--fail-on-dispute'])
    expect(ran.code).toBe(5)
    expect(ran.stderr).toBe('')
    expect(ran.stdout).toBe(await ok(['report', SEEDS]))
    expect((await runCli(['disputes', SEEDS, '-f', 'json', '--fail-on-dispute'])).code).toBe(5)
  })

  it('exits 0 when they do not', async () => {
    expect(await ok(['report', ferry, '--fail-on-dispute'])).toContain('Coastal Herald')
  })
})

describe('progress bar', () => {
  /** The bar's drawings: writes that start with a carriage return. */
  const drawn = (ran: Ran) => ran.stderrWrites.filter((text) => text.startsWith('\r'))

  it('with --progress and two files: redrawn with \\r on stderr, stdout clean', async () => {
    const ran = await runCli(['report', bridge, '--progress', '-f', 'json'])
    expect(ran.code).toBe(0)
    const lines = drawn(ran)
    const bars = lines.filter((line) => line.includes('reading'))
    expect(bars.length).toBeGreaterThanOrEqual(2)
    for (const bar of bars) {
      expect(bar.startsWith(CLEAR)).toBe(true)
      expect(bar.slice(CLEAR.length)).toMatch(/^reading [█░]{10,40} \d\/2 /)
    }
    expect(bars.some((bar) => bar.includes('2-lune.md'))).toBe(true)
    expect(bars.some((bar) => bar.includes('1-river.md'))).toBe(true)
    expect(bars.at(-1)).toMatch(/ 2\/2 ?$/)
    expect(bars.at(-1)).toMatch(/█{10,40} /) // full at the end
    // Cleared when done: nothing of the bar is left on the terminal line.
    expect(ran.stderrWrites.at(-1)).toBe(CLEAR)
    expect(ran.stderrWrites.every((text) => text.startsWith(CLEAR) && !text.includes('\n'))).toBe(
      true,
    )
    // Stdout carries the report and only it.
    expect(ran.stdout).not.toMatch(/[\r█░]/)
    expect(ran.stdout).toBe(await ok(['report', bridge, '-f', 'json']))
  })

  it('is not drawn without a terminal unless asked for', async () => {
    expect((await runCli(['report', SEEDS])).stderr).toBe('')
    expect((await runCli(['report', SEEDS], { stderrTTY: false })).stderr).toBe('')
  })

  it('is drawn on a terminal from five files, not for fewer, and never with --no-progress', async () => {
    const five = await runCli(['sources', SEEDS], { stderrTTY: true, columns: 100 })
    expect(five.code).toBe(0)
    const bars = drawn(five).filter((line) => line.includes('reading'))
    expect(bars.length).toBeGreaterThanOrEqual(5)
    expect(bars.at(-1)).toMatch(/ 5\/5 ?$/)
    expect(five.stdout).not.toContain('\r')

    expect((await runCli(['sources', bridge], { stderrTTY: true })).stderr).toBe('')
    expect((await runCli(['sources', SEEDS, '--no-progress'], { stderrTTY: true })).stderr).toBe('')
  })

  it('fits a narrow terminal', async () => {
    const ran = await runCli(['sources', SEEDS], { stderrTTY: true, columns: 30 })
    const bars = drawn(ran).filter((line) => line.includes('reading'))
    expect(bars.length).toBeGreaterThan(0)
    for (const bar of bars) expect(bar.slice(CLEAR.length)).toMatch(/^reading [█░]{10} \d\/5 /)
  })
})

describe('the built command, spawned', () => {
  // The command as turbo built it: `test` depends on `build`.
  let main: string

  beforeAll(() => {
    main = builtCli()
  })

  // Colours as a user's terminal would have them: neither forced on nor off.
  const { NO_COLOR: _, FORCE_COLOR: __, ...inherited } = process.env
  const spawnCli = (args: string[], env: Record<string, string> = {}) =>
    runToEnd(main, args, { env: { ...inherited, ...env } })

  it('with no arguments reports the embedded story, only the report on stdout', async () => {
    const { code, stdout, stderr } = await spawnCli([])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Sources\n/)
    expect(stdout).toContain('Marco Rubio')
    expect(stdout).toContain('Nayib Bukele')
    expect(stdout).toContain('[-')
    expect(stdout).not.toContain(ESC) // a pipe is no terminal
    expect(stdout).toBe(
      (await runCli(['report', SEEDS])).stdout.replaceAll(
        SEEDS,
        join(dirname(main), '..', 'seeds/'),
      ),
    )
  }, 300_000)

  it('lists stories, and exits 2 for an unknown story id', async () => {
    const [stories, unknown] = await Promise.all([
      spawnCli(['stories', bridge, ferry]),
      spawnCli(['report', bridge, ferry, '--story', 'st-nope']),
    ])
    expect(stories.stderr).toBe('')
    expect(stories.code).toBe(0)
    expect(stories.stdout).toMatch(/^Stories\n/)
    expect(stories.stdout).toContain('2 stories')
    expect(unknown.code).toBe(2)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toContain('corroborate stories')
  }, 300_000)

  it('gives the real exit codes', async () => {
    const [json, version, typo, missing, broken, disputes] = await Promise.all([
      spawnCli(['disputes', SEEDS, '-f', 'json', '--progress']),
      spawnCli(['--version']),
      spawnCli(['reprot']),
      spawnCli(['report', join(scratch, 'nowhere')]),
      spawnCli(['sources', partial]),
      spawnCli(['report', SEEDS, '--fail-on-dispute']),
    ])
    expect(json.code).toBe(0)
    expect(Object.keys(JSON.parse(json.stdout))).toEqual(['disputes', 'failures']) // stdout is pure JSON
    expect(json.stderr).toContain('\r') // the bar went to stderr
    expect(version).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
    expect(typo.code).toBe(2)
    expect(typo.stdout).toBe('')
    expect(typo.stderr).toContain('did you mean "report"?')
    expect(missing.code).toBe(3)
    expect(missing.stdout).toBe('')
    expect(broken.code).toBe(4)
    expect(broken.stdout).toContain('good')
    expect(broken.stderr).toContain('broken.txt')
    expect(disputes.code).toBe(5)
    expect(disputes.stdout).toContain('Where they disagree')
  }, 300_000)
})
