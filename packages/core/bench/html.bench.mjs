#!/usr/bin/env node
/*
 * HTML extraction benchmark of @corroborate/core: ingestArticle with
 * format 'html' (parse, main-content choice, page metadata) against Mozilla
 * Readability 0.6 on linkedom 0.18 (parseHTML, then new Readability(document)
 * .parse()), on the 88 real news pages of ../shared/eval/extract-dev/html/
 * (*.html.gz), resolved relative to the repository root. The pages are read
 * where they are, never copied into the repository, and their contents are
 * never printed; only their file ids (sha256 names) and sizes are. On a
 * machine without them the benchmark prints a note to stderr and exits 0.
 *
 * One process, one core, a plain loop. The pages are gunzipped and decoded
 * (decodeHtmlBytes, as loadArticleFile does) before any timing. Every pass
 * runs one tool over every page. Each tool first warms up on its own, in
 * table order: a gc(), then at least one pass, repeated until it has run
 * for WARMUP_MS; memory is measured there. Then come ROUNDS timed rounds. In
 * each round, every tool runs one pass, in an order that rotates from round
 * to round, so load from other processes falls on all tools alike. Each
 * round visits the pages in a new order (mulberry32, seed 0x417d1), the same
 * for every tool of the round, so the garbage a pass leaves, collected during
 * the next one, does not always fall on the same pages. Every call is timed
 * on its own. Reference rows: the core's parser alone
 * (dist/ingest/html/parse-html.js, parseHtml) and linkedom's parseHTML alone,
 * the parse that Readability pays for. rehype-parse/parse5 is not a
 * dependency of the workspace and is not measured.
 *
 * Figures: pages/s and MB/s of the median round (MB = 10^6 bytes of the
 * decompressed HTML as UTF-8). Per-page ms is each page's median over the
 * rounds; the table gives the median and p95 (nearest rank) of those over the
 * pages. Memory: heapUsed and RSS are sampled after every warm-up call,
 * outside the timed region. Heap growth is the sampled peak above the heap
 * after the gc that starts the tool's warm-up. The process does not always
 * give RSS back to the OS, so a row's peak RSS can include what the rows
 * before it left.
 *
 *   node bench/html.bench.mjs           prints the tables (about half a minute)
 *   node bench/html.bench.mjs --write   also rewrites the html section of BENCHMARKS.md
 *   node bench/html.bench.mjs --quick   two short rounds, a smoke test only
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { gunzipSync } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { decodeHtmlBytes, fileStemId, ingestArticle } from '../dist/index.js'
import { readFlags, writeSection } from './benchmarks-md.mjs'
import { mulberry32 } from './mulberry32.mjs'

const USAGE = 'usage: node bench/html.bench.mjs [--write] [--quick]'
const flags = readFlags(USAGE, ['--write', '--quick'])
const quick = flags.has('--quick')

const ROOT = new URL('../../../', import.meta.url)
const PAGES_RELATIVE = '../shared/eval/extract-dev/html/'
const PAGES_DIR = fileURLToPath(new URL(PAGES_RELATIVE, ROOT))
const ROUNDS = quick ? 2 : 7
const WARMUP_MS = quick ? 0 : 1500
const SHUFFLE_SEED = 0x417d1

const pageFiles = existsSync(PAGES_DIR)
  ? readdirSync(PAGES_DIR)
      .filter((name) => name.endsWith('.html.gz'))
      .sort()
  : []
if (pageFiles.length === 0) {
  console.error(
    `html bench: no *.html.gz pages in ${PAGES_RELATIVE} beside the repository (the extract-dev eval set); skipped`,
  )
  process.exit(0)
}

// gc() without --expose-gc on the command line, so the script runs as `node bench/html.bench.mjs`.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc')

const MB = (bytes) => bytes / 1e6
const fmt = (value, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
/** Nearest-rank percentile. */
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
const version = (name) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../node_modules/${name}/package.json`, import.meta.url))),
  ).version
/** Busy CPU time of the whole machine so far, in ms, summed over cores (os.cpus() times). */
const machineBusyMs = () =>
  os.cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0)

// ---------------------------------------------------------------- pages (untimed)

const pages = pageFiles.map((name) => {
  const path = PAGES_DIR + name
  const content = decodeHtmlBytes(gunzipSync(readFileSync(path)), path)
  return { id: fileStemId(name), content, bytes: Buffer.byteLength(content, 'utf8') }
})
const pageOrder = pages.map((_, index) => index)
/** A Fisher–Yates shuffle of a copy of `list`. */
const shuffled = (list, random) => {
  const copy = [...list]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}
const totalBytes = pages.reduce((sum, page) => sum + page.bytes, 0)
const sizes = pages.map((page) => page.bytes)
console.error(
  `… ${pages.length} pages, ${fmt(MB(totalBytes), 2)} MB of HTML (${fmt(Math.min(...sizes) / 1e3)}–${fmt(Math.max(...sizes) / 1e3)} KB, median ${fmt(median(sizes) / 1e3)} KB)`,
)

// ---------------------------------------------------------------- tools

const readabilityVersion = version('@mozilla/readability')
const linkedomVersion = version('linkedom')
const tools = [
  {
    id: 'core',
    label: '@corroborate/core `ingestArticle` (html)',
    run: (page) => ingestArticle({ content: page.content, format: 'html', id: page.id }),
    // A page counts as failed when the ingest reports a fatal message or finds no body text.
    failed: (article) =>
      article.messages.some((m) => m.severity === 'error') || article.text.trim() === '',
  },
  {
    id: 'readability',
    label: `Readability ${readabilityVersion} on linkedom ${linkedomVersion}`,
    run: (page) => new Readability(parseHTML(page.content).document).parse(),
    failed: (article) => article === null || !article.textContent?.trim(),
  },
]
try {
  const { parseHtml } = await import('../dist/ingest/html/parse-html.js')
  tools.push({
    id: 'core-parse',
    label: 'core `parseHtml` alone (reference)',
    run: (page) => parseHtml(page.content),
    failed: (tree) => tree.children.length === 0,
  })
} catch (error) {
  console.error(`… core parseHtml not importable from dist (${error.message}); its row is skipped`)
}
tools.push({
  id: 'linkedom-parse',
  label: `linkedom ${linkedomVersion} \`parseHTML\` alone (reference)`,
  run: (page) => parseHTML(page.content).document,
  failed: (document) => !document.body,
})

// ---------------------------------------------------------------- measurement

// Everything the timed calls return is folded in here so that no work can be optimized away.
let sink = 0

const states = tools.map((tool) => ({
  tool,
  failures: new Set(),
  warmupPasses: 0,
  warmupPeakRss: 0,
  perPage: pages.map(() => []),
  roundMs: [],
  peakHeapGrowth: 0,
  baseline: 0,
  retained: 0,
  cpuMs: 0,
  busyMs: 0,
  wallMs: 0,
}))

/**
 * One pass of `state`'s tool over every page; each call is timed alone.
 * Warm-up passes sample process.memoryUsage() after each call, outside the
 * timed region; the first one starts with a gc(), the baseline of the heap
 * figures. Timed passes do neither: a forced gc makes the calls after it
 * slower for a while, as the heap grows again. Returns the pass's summed call
 * times.
 */
function pass(state, times = null, order = pageOrder) {
  const warmup = times === null
  if (warmup && state.warmupPasses === 0) {
    gc()
    state.baseline = process.memoryUsage().heapUsed
  }
  let total = 0
  for (const index of order) {
    const page = pages[index]
    const start = performance.now()
    let result
    try {
      result = state.tool.run(page)
    } catch {
      result = undefined
    }
    const ms = performance.now() - start
    total += ms
    sink += result ? 1 : 0
    if (!warmup) {
      times[index].push(ms)
      continue
    }
    if (state.warmupPasses === 0 && (result === undefined || state.tool.failed(result)))
      state.failures.add(page.id)
    const { heapUsed, rss } = process.memoryUsage()
    state.peakHeapGrowth = Math.max(state.peakHeapGrowth, heapUsed - state.baseline)
    state.warmupPeakRss = Math.max(state.warmupPeakRss, rss)
  }
  return total
}

// Warm-up, tool by tool in table order: at least one pass each (the first
// checks the results), repeated until WARMUP_MS. Memory is measured here.
for (const state of states) {
  const warmStart = performance.now()
  do {
    pass(state)
    state.warmupPasses++
  } while (performance.now() - warmStart < WARMUP_MS)
  gc()
  state.retained = process.memoryUsage().heapUsed - state.baseline
  console.error(`… warmed up ${state.tool.label} (${state.warmupPasses} passes)`)
}

// Timed rounds: each round runs one pass of every tool, the order rotated
// from round to round, so that load from other processes falls on all tools alike.
const random = mulberry32(SHUFFLE_SEED)
for (let round = 0; round < ROUNDS; round++) {
  const order = shuffled(pageOrder, random)
  for (let k = 0; k < states.length; k++) {
    const state = states[(round + k) % states.length]
    const cpuBefore = process.cpuUsage()
    const busyBefore = machineBusyMs()
    const wallStart = performance.now()
    state.roundMs.push(pass(state, state.perPage, order))
    state.wallMs += performance.now() - wallStart
    const cpu = process.cpuUsage(cpuBefore)
    state.cpuMs += (cpu.user + cpu.system) / 1000
    state.busyMs += machineBusyMs() - busyBefore
  }
  console.error(`… round ${round + 1} of ${ROUNDS}`)
}

const results = states.map((state) => {
  const pageMs = state.perPage.map((times) => median(times))
  const medianRoundMs = median(state.roundMs)
  return {
    tool: state.tool,
    failures: state.failures,
    pagesPerSec: (pages.length * 1000) / medianRoundMs,
    pagesPerSecRange: [
      (pages.length * 1000) / Math.max(...state.roundMs),
      (pages.length * 1000) / Math.min(...state.roundMs),
    ],
    mbPerSec: MB(totalBytes) / (medianRoundMs / 1000),
    pageMs,
    medianMs: median(pageMs),
    p95Ms: percentile(pageMs, 95),
    maxMs: Math.max(...pageMs),
    peakRssMB: MB(state.warmupPeakRss),
    heapGrowthMB: MB(state.peakHeapGrowth),
    retainedMB: MB(state.retained),
    // Cores kept busy by other processes while this tool was timed (machine busy time less this process's).
    otherLoadCores: Math.max(0, state.busyMs - state.cpuMs) / state.wallMs,
  }
})
for (const r of results)
  console.error(
    `… ${r.tool.label}: ${fmt(r.pagesPerSec)} pages/s, ${fmt(r.mbPerSec, 1)} MB/s, other load ${fmt(r.otherLoadCores, 2)} cores`,
  )

// ---------------------------------------------------------------- report

const byId = Object.fromEntries(results.map((r) => [r.tool.id, r]))
const core = byId.core
const readability = byId.readability
const shortId = (id) => id.slice(0, 12)

const mainTable = [
  '| Tool | Pages/s (median round) | Pages/s (min–max) | MB/s | ms/page (median) | ms/page (p95) | ms/page (max) | Peak RSS MB (so far) | Heap growth MB (peak) | Failed pages |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(
    (r) =>
      `| ${r.tool.label} | ${fmt(r.pagesPerSec, 1)} | ${fmt(r.pagesPerSecRange[0], 1)}–${fmt(r.pagesPerSecRange[1], 1)} | ${fmt(r.mbPerSec, 2)} | ${fmt(r.medianMs, 2)} | ${fmt(r.p95Ms, 2)} | ${fmt(r.maxMs, 2)} | ${fmt(r.peakRssMB, 1)} | ${fmt(r.heapGrowthMB, 1)} | ${r.failures.size} |`,
  ),
].join('\n')

const pageRatios = core.pageMs.map((ms, i) => readability.pageMs[i] / ms)
const coreSlower = pages.filter((_, i) => core.pageMs[i] > readability.pageMs[i])
const speedup = core.pagesPerSec / readability.pagesPerSec
const ratioLine = `Core vs Readability: ${fmt(speedup, 2)}× the pages/s (median rounds); per page, Readability takes ${fmt(median(pageRatios), 2)}× the core's time at the median (range ${fmt(Math.min(...pageRatios), 2)}–${fmt(Math.max(...pageRatios), 2)}×); the core is slower on ${coreSlower.length} of ${pages.length} pages${coreSlower.length ? ` (${coreSlower.map((p) => shortId(p.id)).join(', ')})` : ''}.`

const slowest = pages
  .map((page, i) => ({ page, i }))
  .sort((a, b) => core.pageMs[b.i] - core.pageMs[a.i])
  .slice(0, 5)
const coreParse = byId['core-parse']
const slowTable = [
  `| Page (id prefix) | KB | Core ms |${coreParse ? ' of which parseHtml ms |' : ''} Core MB/s | Readability ms | Readability / core |`,
  `| --- | ---: | ---: |${coreParse ? ' ---: |' : ''} ---: | ---: | ---: |`,
  ...slowest.map(
    ({ page, i }) =>
      `| \`${shortId(page.id)}\` | ${fmt(page.bytes / 1e3)} | ${fmt(core.pageMs[i], 2)} |${coreParse ? ` ${fmt(coreParse.pageMs[i], 2)} |` : ''} ${fmt(MB(page.bytes) / (core.pageMs[i] / 1000), 1)} | ${fmt(readability.pageMs[i], 2)} | ${fmt(readability.pageMs[i] / core.pageMs[i], 2)} |`,
  ),
].join('\n')
const slowestPerByte = pages
  .map((page, i) => ({ page, rate: MB(page.bytes) / (core.pageMs[i] / 1000) }))
  .sort((a, b) => a.rate - b.rate)[0]

const corpusLine = `${pages.length} pages, ${fmt(MB(totalBytes), 2)} MB of decompressed HTML (${fmt(Math.min(...sizes) / 1e3)}–${fmt(Math.max(...sizes) / 1e3)} KB per page, median ${fmt(median(sizes) / 1e3)} KB).`
const notes = []
for (const r of results) {
  if (r.failures.size)
    notes.push(
      `${r.tool.label}: no result on ${r.failures.size} page(s): ${[...r.failures].map(shortId).join(', ')}.`,
    )
  if (r.otherLoadCores > 0.25)
    notes.push(
      `While ${r.tool.label} was timed, other processes kept ${fmt(r.otherLoadCores, 2)} cores busy: its figures may be low.`,
    )
}
notes.push(
  `Lowest core throughput on a single page: \`${shortId(slowestPerByte.page.id)}\` (${fmt(slowestPerByte.page.bytes / 1e3)} KB) at ${fmt(slowestPerByte.rate, 1)} MB/s.`,
)
const processPeakRss = process.resourceUsage().maxRSS * 1024 // maxRSS is in KiB
const warmupPeakRss = Math.max(...states.map((state) => state.warmupPeakRss))
const memoryLine = `Memory is measured during the warm-ups, which run tool by tool in table order. Each warm-up starts with gc(), then samples process.memoryUsage() after each call, outside the timed region. Heap growth is the highest heapUsed above the level after that gc, and it includes garbage that has not been collected yet. The process does not always give RSS back, so a row's peak RSS can include what the earlier rows left. After a gc at the end of each warm-up, heapUsed differed from its start by ${results.map((r) => `${r.retainedMB < -0.05 ? '−' : '+'}${fmt(Math.abs(r.retainedMB), 1)} MB (${r.tool.id})`).join(', ')}. Whole-process peak RSS is ${fmt(MB(processPeakRss), 1)} MB (maxRSS)${processPeakRss > 1.1 * warmupPeakRss ? ', above every figure sampled in the warm-ups, so reached during the timed rounds, where no gc() is forced' : ''}. The decompressed pages are held in memory throughout.`

/** The commit the working tree is at (dist/ is assumed to be built from it), or '' outside git. */
function builtFrom() {
  const git = (...args) =>
    spawnSync('git', args, { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' })
  const head = git('rev-parse', '--short', 'HEAD')
  if (head.status !== 0) return ''
  const dirty = git('status', '--porcelain', '--', 'src').stdout.trim() !== ''
  return ` Repository at commit ${head.stdout.trim()}${dirty ? ', with uncommitted changes in packages/core/src' : ''}; dist/ is assumed to be built from it.`
}
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores (one used), Node ${process.version}, ${process.platform} ${process.arch}`
const body = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, with \`node bench/html.bench.mjs${flags.has('--write') ? ' --write' : ''}${quick ? ' --quick' : ''}\` in \`packages/core\`${quick ? ' (--quick: rough figures)' : ''}. ${corpusLine} ${ROUNDS} timed rounds, each one pass per tool in rotating order over the pages in a new shuffled order, after a warm-up of at least one pass per tool.${builtFrom()}`,
  '',
  mainTable,
  '',
  `**${ratioLine}**`,
  '',
  'Slowest pages for the core (median of the rounds):',
  '',
  slowTable,
  '',
  ...notes.flatMap((note) => [note, '']),
  memoryLine,
].join('\n')

console.log(body)
if (sink < 0) console.log(sink)

if (flags.has('--write')) {
  writeSection('html', body, '## HTML extraction (`packages/core/bench/html.bench.mjs`)')
  console.error('wrote the html section of BENCHMARKS.md')
}
