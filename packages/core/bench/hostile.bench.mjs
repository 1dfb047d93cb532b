#!/usr/bin/env node
/*
 * Hostile-input benchmark of @corroborate/core: the worst inputs of each kind
 * found so far (Markdown list markers and block quotes thousands deep, runs of
 * emphasis markers, a run-on sentence, a page of many names and pronouns, a
 * page of many people of one surname, a page of many quotes) at 10 KB, 100 KB
 * and 1 MB, timed stage by stage in CPU time:
 * normalizeArticle, extractQuotes, extractClaims, and crossReference of two
 * copies. Growth is the time at one size over the time at the size ten times
 * smaller: linear is 10, n·log n about 12 from 100 KB to 1 MB.
 *
 *   node bench/hostile.bench.mjs           prints the figures
 *   node bench/hostile.bench.mjs --quick   10 KB and 100 KB only
 *   node bench/hostile.bench.mjs --write   also rewrites the hostile section of BENCHMARKS.md
 */
import { readFileSync } from 'node:fs'
import { crossReference, extractClaims, extractQuotes, normalizeArticle } from '../dist/index.js'
import { measuredOn, writeSection } from './benchmarks-md.mjs'

const write = process.argv.includes('--write')
// The 1-minute load average, or "unknown" where /proc is not there.
const loadAverage = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0]
  } catch {
    return 'unknown'
  }
}
const loadAtStart = loadAverage()
const SIZES = process.argv.includes('--quick') ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]

const repeat = (unit, length) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
const NAMES = ['Maria Lopez', 'John Smith', 'Ana Petrova', 'Li Wei', 'Omar Haddad', 'Sara Berg']
const PLACES = ['Paris', 'Lagos', 'Lima', 'Oslo']

function paragraphs(length, make) {
  const out = []
  let total = 0
  for (let i = 0; total < length; i++) {
    const paragraph = make(i)
    out.push(paragraph)
    total += paragraph.length + 2
  }
  return out.join('\n\n')
}

// A distinct given name for each i: "Ka", "Kb", … "Kba".
function givenName(i) {
  let name = 'K'
  do {
    name += String.fromCharCode(97 + (i % 26))
    i = Math.floor(i / 26)
  } while (i > 0)
  return name
}

const KINDS = {
  'Markdown `- - - …` on one line': (n) => ({
    content: `${repeat('- ', n - 4)}deep`,
    format: 'markdown',
  }),
  'Markdown `>` nesting': (n) => ({ content: `${repeat('>', n - 5)} deep`, format: 'markdown' }),
  'Markdown list indented deeper each line': (n) => {
    let content = ''
    for (let depth = 0; content.length < n; depth++)
      content += `${'  '.repeat(depth)}- item ${depth}\n`
    return { content: content.slice(0, n), format: 'markdown' }
  },
  'Markdown `***b` emphasis runs': (n) => ({ content: repeat('***b', n), format: 'markdown' }),
  'Markdown list items full of emphasis': (n) => ({
    content: repeat(`- ${repeat('***b', 280)}\n`, n),
    format: 'markdown',
  }),
  'Run-on sentence': (n) => {
    const parts = []
    for (let i = 0, total = 0; total < n; i++) {
      const part = `and on ${1 + (i % 28)} March ${2000 + (i % 20)} ${NAMES[i % 6]} counted ${i * 7 + 3} people in ${PLACES[i % 4]}`
      parts.push(part)
      total += part.length + 2
    }
    return { content: `The report said ${parts.join(', ')}. He left.` }
  },
  'Many names and pronouns': (n) => ({
    content: paragraphs(
      n,
      (i) =>
        `${NAMES[i % 6]} Alvarez${i} met ${NAMES[(i + 3) % 6]} on Monday. He said the plan was late. She said it was not. "We will see," he said. They left.`,
    ),
  }),
  'Many people of one surname': (n) => ({
    content: paragraphs(
      n,
      (i) => `${givenName(i)} Lopez arrived on time. Lopez said it was late. "No," Lopez said.`,
    ),
  }),
  'Many quotes': (n) => ({
    content: paragraphs(
      n,
      (i) => `"Quote number ${i} is here," said ${NAMES[i % 6]}. "And another ${i}," she added.`,
    ),
  }),
}

// The best of three runs (one when a run takes over 2 s), in CPU time of the process
// (process.cpuUsage, which counts the collector's helper threads too): the machine may
// be shared, and wall time then mostly measures what else ran.
function time(run) {
  let best = Number.POSITIVE_INFINITY
  let result
  for (let round = 0; round < 3 && (round === 0 || best < 2000); round++) {
    const start = process.cpuUsage()
    result = run()
    const used = process.cpuUsage(start)
    best = Math.min(best, (used.user + used.system) / 1000)
  }
  return [best, result]
}

function stages(source, size) {
  const [normalize, article] = time(() => normalizeArticle({ ...source, id: 'a' }))
  const [quotes] = time(() => extractQuotes(article))
  const [claims] = time(() => extractClaims(article))
  const [xref] = time(() => crossReference([article, { ...article, id: 'b' }]))
  return { size, normalize, quotes, claims, xref }
}

// Warm-up, so that the first row does not time the compiler.
for (const make of Object.values(KINDS)) stages(make(10_000), 10_000)

const rows = []
for (const [kind, make] of Object.entries(KINDS)) {
  const times = []
  for (const size of SIZES) {
    const { normalize, quotes, claims, xref } = stages(make(size), size)
    times.push({ size, normalize, quotes, claims, xref })
    console.log(
      `${kind} ${size}: normalize ${normalize.toFixed(0)} ms, quotes ${quotes.toFixed(0)} ms, claims ${claims.toFixed(0)} ms, crossReference ${xref.toFixed(0)} ms`,
    )
  }
  rows.push([kind, times])
}

const ms = (n) => (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US'))
const kb = (n) => (n >= 1_000_000 ? `${n / 1_000_000} MB` : `${n / 1000} KB`)
const STAGES = ['normalize', 'quotes', 'claims', 'xref']
const lines = []
for (const [kind, times] of rows) {
  for (const [index, t] of times.entries()) {
    const previous = times[index - 1]
    // Growth only where the smaller size took long enough to time.
    const growth = previous
      ? STAGES.map((stage) => (previous[stage] >= 5 ? t[stage] / previous[stage] : null))
          .filter((g) => g !== null)
          .reduce((max, g) => Math.max(max, g), 0)
      : 0
    lines.push(
      `| ${index === 0 ? kind : ''} | ${kb(t.size)} | ${STAGES.map((s) => ms(t[s])).join(' | ')} | ${growth ? `×${growth.toFixed(1)}` : ''} |`,
    )
  }
}
const table = [
  '| Input | Size | normalizeArticle ms | extractQuotes ms | extractClaims ms | crossReference (2 copies) ms | Largest growth per ×10 size |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...lines,
].join('\n')
console.log(table)

if (write) {
  const body = `${measuredOn()} with \`node bench/hostile.bench.mjs --write\` (run by \`pnpm bench\`). CPU time of the process (\`process.cpuUsage\`, user + system, so the collector's helper threads count too), best of three runs per cell (one where a run takes over 2 s), after a warm-up; the machine was shared with other jobs (load average ${loadAtStart} at the start, ${loadAverage()} at the end), so single cells are noisy; the growth column is the largest ratio of a stage's time to its time at a tenth of the size (stages under 5 ms at the smaller size left out): linear is ×10, n·log n about ×12.\n\n${table}`
  writeSection(
    'hostile',
    body,
    `## Hostile input, time per stage (\`packages/core/bench/hostile.bench.mjs\`)`,
  )
  console.log('wrote the hostile section of BENCHMARKS.md')
}
