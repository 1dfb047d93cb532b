#!/usr/bin/env node
/*
 * Ingestion benchmark of @corroborate/core: normalizeArticle (ingest +
 * sentence segmentation) on one core, in a plain single-threaded loop.
 *
 *   node bench/ingest.bench.mjs            prints a table (about 25 s)
 *   node bench/ingest.bench.mjs --json     JSON object on stdout, the table on stderr
 *   node bench/ingest.bench.mjs --write    also rewrites the ingest section of BENCHMARKS.md
 *   node bench/ingest.bench.mjs --quick    short rounds, for a smoke test only
 *
 * Workloads: the seed articles; a synthetic corpus that recombines the seeds'
 * paragraphs and boilerplate with a seeded PRNG (see buildSyntheticCorpus);
 * the quotes-dev gold articles when ../shared/eval/quotes-dev/gold.jsonl sits
 * beside the repository (read in place, never copied, never printed); and two
 * very large articles normalized once each. MB means 10^6 bytes everywhere:
 * UTF-8 bytes of the input for throughput, bytes of memory for RSS and heap.
 * Needs the built package: run `npx tsc -p tsconfig.build.json` (or `pnpm bench`
 * from the repository root, which builds first).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { ParseEnglish } from 'parse-english'
import { ingestArticle, loadArticleDirectory, normalizeArticle } from '../dist/index.js'
import { BENCHMARKS_MD, readFlags, writeSection } from './benchmarks-md.mjs'
import { mulberry32 } from './mulberry32.mjs'

const USAGE = 'usage: node bench/ingest.bench.mjs [--json] [--write] [--quick]'
const flags = readFlags(USAGE, ['--json', '--write', '--quick'])
const asJson = flags.has('--json')
const quick = flags.has('--quick')

const ROOT = new URL('../../../', import.meta.url)
const SEEDS_DIR = fileURLToPath(new URL('seeds/', ROOT))
const GOLD_RELATIVE = '../shared/eval/quotes-dev/gold.jsonl'
const GOLD_PATH = fileURLToPath(new URL(GOLD_RELATIVE, ROOT))

const TARGET_SEED_ARTICLES_PER_S = 1500
const SYNTHETIC_ARTICLES = 2000
const SYNTHETIC_SEED = 0x5eed2025
const LARGE_SEED = 0x1a46e
const SINGLE_LINE_CHARS = 1_000_000
const MULTI_PARAGRAPH_BYTES = 5_000_000
const TIMING = quick
  ? { warmupMs: 200, roundMs: 100, totalMs: 300, minRounds: 3 }
  : { warmupMs: 1500, roundMs: 250, totalMs: 2500, minRounds: 3 }

// Everything the timed loops return is folded in here so that no work can be optimized away.
let sink = 0
const log = (text) => (asJson ? console.error(text) : console.error(`… ${text}`))
const MB = (bytes) => bytes / 1e6
const fmt = (value, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const utf8Bytes = (text) => Buffer.byteLength(text, 'utf8')
const fingerprint = (texts) => {
  const hash = createHash('sha256')
  for (const text of texts) hash.update(text).update('\u0000')
  return hash.digest('hex').slice(0, 12)
}

const randomInt = (random, min, max) => min + Math.floor(random() * (max - min + 1))
const pick = (random, list) => list[Math.floor(random() * list.length)]

// ---------------------------------------------------------------- memory

const memoryPhases = []
let maxSampledRss = 0
function sampleMemory() {
  const { rss, heapUsed } = process.memoryUsage()
  if (rss > maxSampledRss) maxSampledRss = rss
  return { rss, heapUsed }
}
/** Runs `fn` as a named phase and records RSS and heap before and after, and the process peak RSS. */
function phase(name, fn) {
  const before = sampleMemory()
  const result = fn()
  const after = sampleMemory()
  memoryPhases.push({
    phase: name,
    rssBeforeMB: MB(before.rss),
    rssAfterMB: MB(after.rss),
    heapUsedBeforeMB: MB(before.heapUsed),
    heapUsedAfterMB: MB(after.heapUsed),
    // maxRSS is in kilobytes (KiB, as Node documents it): the peak of the whole process so far.
    processMaxRssMB: MB(process.resourceUsage().maxRSS * 1024),
  })
  return result
}

// ---------------------------------------------------------------- timing

/** Busy CPU time of the whole machine so far, in ms, summed over cores (os.cpus() times). */
const machineBusyMs = () =>
  os.cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0)

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Throughput of `run` over `items` ({source, bytes}). A warm-up runs whole
 * passes for at least `warmupMs`; its first pass also gathers `describe`
 * statistics. Each timed round is `reps` whole passes (reps sized so a round
 * lasts about `roundMs`), and there are enough rounds for about `totalMs`,
 * at least `minRounds`. Reports the median round and the spread.
 */
function measure(id, label, items, run, describe = () => {}) {
  const bytes = items.reduce((sum, item) => sum + item.bytes, 0)
  let passes = 0
  const warmStart = performance.now()
  do {
    for (const item of items) {
      const result = run(item.source)
      if (passes === 0) describe(result)
      sink += result.sentences?.length ?? 1
    }
    passes++
  } while (performance.now() - warmStart < TIMING.warmupMs)
  const passMs = (performance.now() - warmStart) / passes
  const reps = Math.max(1, Math.round(TIMING.roundMs / passMs))
  const rounds = Math.max(TIMING.minRounds, Math.ceil(TIMING.totalMs / (reps * passMs)))

  const roundRates = []
  let totalMs = 0
  const cpuBefore = process.cpuUsage()
  const busyBefore = machineBusyMs()
  for (let round = 0; round < rounds; round++) {
    const start = performance.now()
    for (let rep = 0; rep < reps; rep++) {
      for (const item of items) sink += run(item.source).sentences?.length ?? 1
    }
    const ms = performance.now() - start
    totalMs += ms
    roundRates.push((reps * items.length * 1000) / ms)
    sampleMemory()
  }
  const cpu = process.cpuUsage(cpuBefore)
  const busy = machineBusyMs() - busyBefore
  const processed = rounds * reps * items.length
  const bytesPerArticle = bytes / items.length
  const medianRate = median(roundRates)
  return {
    id,
    label,
    articles: items.length,
    inputMB: MB(bytes),
    meanKB: bytesPerArticle / 1e3,
    articlesPerSec: {
      median: medianRate,
      min: Math.min(...roundRates),
      max: Math.max(...roundRates),
      overall: (processed * 1000) / totalMs,
    },
    mbPerSec: {
      median: MB(medianRate * bytesPerArticle),
      overall: MB((rounds * reps * bytes * 1000) / totalMs),
    },
    msPerArticle: 1000 / medianRate,
    rounds,
    passesPerRound: reps,
    articlesTimed: processed,
    secondsTimed: totalMs / 1000,
    // Process CPU time over wall time while timing: well under 1 means the
    // thread was kept off the CPU (other load on the machine); GC threads can lift it over 1.
    cpuPerWall: (cpu.user + cpu.system) / 1000 / totalMs,
    // Cores kept busy by other processes meanwhile (machine busy time less this process's).
    otherLoadCores: Math.max(0, busy - (cpu.user + cpu.system) / 1000) / totalMs,
  }
}

/** Counts what normalization produced, for the description of a corpus. */
function outputCounter() {
  const counts = { paragraphs: 0, sentences: 0, removed: 0, fatal: 0 }
  return {
    counts,
    add(article) {
      counts.paragraphs += article.paragraphs.length
      counts.sentences += article.sentences.length
      counts.removed += article.removed.length
      if (article.messages.some((m) => m.severity === 'error')) counts.fatal++
    },
  }
}

// ---------------------------------------------------------------- corpora

/**
 * What the synthetic corpus and the large articles are made of, read from the
 * seeds through the core itself: the story paragraphs (deduplicated), their
 * sentences, the titles and date headers, and the boilerplate the core takes
 * out, as pieces of consecutive removed blocks of one class (an ad marker; a
 * photo credit with its caption; the footer lines; the sidebar of teasers; an
 * author bio) in their original order.
 */
function seedMaterial(seedArticles) {
  const paragraphs = []
  const sentences = []
  const titles = []
  const dateHeaders = []
  const pieces = { ad: [], photo: [], footer: [], sidebar: [], bio: [] }
  const classOf = {
    advertisement: 'ad',
    navigation: 'ad',
    'photo-credit': 'photo',
    caption: 'photo',
    footer: 'footer',
    sidebar: 'sidebar',
    'author-bio': 'bio',
    'social-follow': 'bio',
  }
  const seen = new Set()
  for (const article of seedArticles) {
    for (const paragraph of article.paragraphs) {
      if (seen.has(paragraph.text)) continue
      seen.add(paragraph.text)
      paragraphs.push(paragraph.text)
    }
    for (const sentence of article.sentences) {
      if (!seen.has(sentence.text)) sentences.push(sentence.text)
      seen.add(sentence.text)
    }
    let current = null
    for (const removed of article.removed) {
      if (removed.kind === 'title') titles.push(removed.text)
      if (removed.kind === 'date-header') dateHeaders.push(removed.text)
      const group = classOf[removed.kind]
      if (!group) {
        current = null
        continue
      }
      if (!current || current.group !== group) {
        current = { group, lines: [] }
        pieces[group].push(current.lines)
      }
      current.lines.push(removed.text)
    }
  }
  return { paragraphs, sentences, titles, dateHeaders, pieces }
}

/**
 * The synthetic corpus: SYNTHETIC_ARTICLES articles drawn with mulberry32
 * (seed SYNTHETIC_SEED), one stream for the whole corpus. Each article:
 *  - separates its blocks by a blank line (p = 1/2) or a single line break,
 *    the two layouts of the seeds;
 *  - has 3 to 16 story paragraphs drawn without replacement from the seeds'
 *    paragraphs, in random order; with p = 0.10 one of them is printed twice;
 *  - with p = 0.35 an ad marker at a random place between paragraphs (and
 *    p = 0.15 a second one); with p = 0.25 a photo credit/caption piece after
 *    the first or second paragraph;
 *  - with p = 0.15 a date header and with p = 0.40 a seed title on top;
 *  - at the end, with p = 0.20 the author bio, p = 0.20 the sidebar of
 *    teasers and p = 0.25 the site footer, in that order.
 * Only the arrangement is new: every line is text of a seed.
 */
function buildSyntheticCorpus(material, count = SYNTHETIC_ARTICLES, seed = SYNTHETIC_SEED) {
  const random = mulberry32(seed)
  const { paragraphs, titles, dateHeaders, pieces } = material
  const articles = []
  for (let n = 0; n < count; n++) {
    const separator = random() < 0.5 ? '\n\n' : '\n'
    const pool = [...paragraphs]
    const bodyCount = Math.min(pool.length, randomInt(random, 3, 16))
    const blocks = []
    for (let i = 0; i < bodyCount; i++) {
      const j = i + Math.floor(random() * (pool.length - i))
      ;[pool[i], pool[j]] = [pool[j], pool[i]]
      blocks.push(pool[i])
    }
    if (random() < 0.1) {
      const i = randomInt(random, 0, blocks.length - 1)
      blocks.splice(randomInt(random, i + 1, blocks.length), 0, blocks[i])
    }
    const insert = (lines, at) => blocks.splice(at, 0, ...lines)
    if (pieces.ad.length > 0 && random() < 0.35) {
      insert(pick(random, pieces.ad), randomInt(random, 1, blocks.length - 1))
      if (random() < 0.15) insert(pick(random, pieces.ad), randomInt(random, 1, blocks.length - 1))
    }
    if (pieces.photo.length > 0 && random() < 0.25)
      insert(pick(random, pieces.photo), randomInt(random, 1, 2))
    const top = []
    if (dateHeaders.length > 0 && random() < 0.15) top.push(pick(random, dateHeaders))
    if (titles.length > 0 && random() < 0.4) top.push(pick(random, titles))
    const end = []
    if (pieces.bio.length > 0 && random() < 0.2) end.push(...pick(random, pieces.bio))
    if (pieces.sidebar.length > 0 && random() < 0.2) end.push(...pick(random, pieces.sidebar))
    if (pieces.footer.length > 0 && random() < 0.25) end.push(...pick(random, pieces.footer))
    articles.push([...top, ...blocks, ...end].join(separator))
  }
  return articles
}

/** A single line of exactly SINGLE_LINE_CHARS characters: the seeds' story paragraphs, in order, repeated, joined by spaces. */
function buildSingleLineArticle(material) {
  let text = ''
  for (let i = 0; text.length < SINGLE_LINE_CHARS; i++)
    text += `${material.paragraphs[i % material.paragraphs.length]} `
  return text.slice(0, SINGLE_LINE_CHARS)
}

/**
 * About MULTI_PARAGRAPH_BYTES of paragraphs separated by blank lines, each 2 to
 * 6 seed sentences drawn with mulberry32 (seed LARGE_SEED). Every paragraph is
 * different, so the core's duplicate-paragraph rule keeps them all in the body.
 */
function buildMultiParagraphArticle(material) {
  const random = mulberry32(LARGE_SEED)
  const { sentences } = material
  const seen = new Set()
  const parts = []
  let bytes = 0
  for (let attempts = 0; attempts < 1_000_000; attempts++) {
    const count = randomInt(random, 2, 6)
    const paragraph = Array.from({ length: count }, () => pick(random, sentences)).join(' ')
    const key = paragraph.toLowerCase()
    if (seen.has(key)) continue
    const size = utf8Bytes(paragraph) + (parts.length > 0 ? 2 : 0)
    if (bytes + size > MULTI_PARAGRAPH_BYTES) break
    seen.add(key)
    parts.push(paragraph)
    bytes += size
  }
  return parts.join('\n\n')
}

/** The `text` fields of the gold file, read where it is. Returns null when the file is absent. */
function readGoldArticles() {
  if (!existsSync(GOLD_PATH)) return null
  const articles = []
  let skipped = 0
  for (const line of readFileSync(GOLD_PATH, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    try {
      const record = JSON.parse(line)
      if (typeof record.text === 'string' && record.text.trim() !== '')
        articles.push({ id: String(record.id ?? `gold-${articles.length}`), text: record.text })
      else skipped++
    } catch {
      skipped++
    }
  }
  return { articles, skipped }
}

// ---------------------------------------------------------------- run

const startedAt = new Date()
const memoryAtStart = sampleMemory()
const { sources: seedSources, failures } = await loadArticleDirectory(SEEDS_DIR)
for (const failure of failures)
  console.error(`could not read seed ${failure.path}: ${failure.error.message}`)
if (seedSources.length === 0) {
  console.error(`no seed articles in ${SEEDS_DIR}`)
  process.exit(1)
}
const seedItems = seedSources.map((source) => ({ source, bytes: utf8Bytes(source.content) }))
const workloads = []
const skipped = []

log(`seeds: ${seedItems.length} articles, normalize + segment`)
const seedCounter = outputCounter()
workloads.push(
  phase('seeds: normalize + segment', () =>
    measure(
      'seeds',
      `Seeds (${seedItems.length} articles)`,
      seedItems,
      normalizeArticle,
      seedCounter.add,
    ),
  ),
)
workloads[0].output = seedCounter.counts
workloads[0].fingerprint = fingerprint(seedItems.map((item) => item.source.content))

log('seeds: ingest only (reference)')
workloads.push(
  phase('seeds: ingest only', () =>
    measure('seeds-ingest-only', 'Seeds, ingest only (reference)', seedItems, ingestArticle),
  ),
)
log('seeds: parse-english alone on the raw text (reference)')
const parser = new ParseEnglish()
workloads.push(
  phase('seeds: parse-english alone', () =>
    measure(
      'seeds-parse-english',
      'Seeds, parse-english alone (reference)',
      seedItems,
      (source) => {
        sink += parser.parse(source.content).children.length
        return {}
      },
    ),
  ),
)

const material = seedMaterial(seedSources.map((source) => normalizeArticle(source)))
const syntheticTexts = phase('synthetic corpus: build', () => buildSyntheticCorpus(material))
const syntheticItems = syntheticTexts.map((content, i) => ({
  source: { content, format: 'text', id: `synthetic-${String(i).padStart(4, '0')}` },
  bytes: utf8Bytes(content),
}))
log(`synthetic corpus: ${syntheticItems.length} articles, normalize + segment`)
const syntheticCounter = outputCounter()
const synthetic = phase('synthetic corpus: normalize + segment', () =>
  measure(
    'synthetic',
    `Synthetic corpus (${fmt(syntheticItems.length)} articles)`,
    syntheticItems,
    normalizeArticle,
    syntheticCounter.add,
  ),
)
synthetic.output = syntheticCounter.counts
synthetic.fingerprint = fingerprint(syntheticTexts)
synthetic.build = {
  seed: SYNTHETIC_SEED,
  storyParagraphs: material.paragraphs.length,
  boilerplatePieces: Object.fromEntries(
    Object.entries(material.pieces).map(([kind, list]) => [kind, list.length]),
  ),
  titles: material.titles.length,
  dateHeaders: material.dateHeaders.length,
  minKB: Math.min(...syntheticItems.map((item) => item.bytes)) / 1e3,
  maxKB: Math.max(...syntheticItems.map((item) => item.bytes)) / 1e3,
}
workloads.push(synthetic)

const gold = readGoldArticles()
if (gold === null) {
  skipped.push({ id: 'quotes-dev', reason: `${GOLD_RELATIVE} not found beside the repository` })
  log(`quotes-dev gold articles: skipped, ${GOLD_RELATIVE} not found`)
} else {
  const goldItems = gold.articles.map((article) => ({
    source: { content: article.text, format: 'text', id: article.id },
    bytes: utf8Bytes(article.text),
  }))
  log(`quotes-dev gold articles: ${goldItems.length} articles, normalize + segment`)
  const goldCounter = outputCounter()
  const result = phase('quotes-dev: normalize + segment', () =>
    measure(
      'quotes-dev',
      `quotes-dev gold (${goldItems.length} articles)`,
      goldItems,
      normalizeArticle,
      goldCounter.add,
    ),
  )
  result.output = goldCounter.counts
  result.unreadableLines = gold.skipped
  workloads.push(result)
}

const large = []
for (const [id, label, build] of [
  ['single-line-1m', '1,000,000-character single line', buildSingleLineArticle],
  ['multi-paragraph-5mb', '5 MB, blank-line paragraphs', buildMultiParagraphArticle],
]) {
  const content = build(material)
  log(`large article: ${label}`)
  const result = phase(`large: ${label}`, () => {
    const start = performance.now()
    const article = normalizeArticle({ content, format: 'text', id })
    const ms = performance.now() - start
    sink += article.sentences.length
    return {
      id,
      label,
      chars: content.length,
      inputMB: MB(utf8Bytes(content)),
      ms,
      mbPerSec: MB(utf8Bytes(content)) / (ms / 1000),
      paragraphs: article.paragraphs.length,
      sentences: article.sentences.length,
      removed: article.removed.length,
      messages: [...new Set(article.messages.map((m) => m.code))],
    }
  })
  large.push(result)
}

const memoryAtEnd = sampleMemory()
const seedResult = workloads[0]
const report = {
  benchmark: 'ingest',
  description: 'normalizeArticle (ingest + sentence segmentation), one core, single-threaded loop',
  date: startedAt.toISOString(),
  quick,
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    totalMemoryGB: os.totalmem() / 1e9,
  },
  timing: TIMING,
  target: {
    seedArticlesPerSec: TARGET_SEED_ARTICLES_PER_S,
    measuredMedian: seedResult.articlesPerSec.median,
    met: seedResult.articlesPerSec.median >= TARGET_SEED_ARTICLES_PER_S,
  },
  workloads,
  skipped,
  large,
  memory: {
    rssStartMB: MB(memoryAtStart.rss),
    rssEndMB: MB(memoryAtEnd.rss),
    heapUsedStartMB: MB(memoryAtStart.heapUsed),
    heapUsedEndMB: MB(memoryAtEnd.heapUsed),
    maxSampledRssMB: MB(maxSampledRss),
    processMaxRssMB: MB(process.resourceUsage().maxRSS * 1024),
    phases: memoryPhases,
  },
  checksum: sink,
}

// ---------------------------------------------------------------- output

function workloadRows() {
  return workloads.map((w) => [
    w.label,
    fmt(w.articles),
    fmt(w.meanKB, 1),
    fmt(w.articlesPerSec.median),
    `${fmt(w.articlesPerSec.min)}–${fmt(w.articlesPerSec.max)}`,
    fmt(w.mbPerSec.median, 2),
    fmt(w.msPerArticle, 3),
    `${w.rounds} × ${fmt(w.passesPerRound)}`,
  ])
}
const WORKLOAD_HEAD = [
  'Workload',
  'Articles',
  'KB/article',
  'Articles/s (median)',
  'Articles/s (min–max)',
  'MB/s (median)',
  'ms/article',
  'Rounds × passes',
]
const largeRows = () =>
  large.map((l) => [
    l.label,
    fmt(l.chars),
    fmt(l.inputMB, 2),
    fmt(l.ms, 1),
    fmt(l.mbPerSec, 2),
    fmt(l.paragraphs),
    fmt(l.sentences),
    l.messages.join(', ') || '—',
  ])
const LARGE_HEAD = [
  'Article',
  'Characters',
  'MB',
  'Time (ms)',
  'MB/s',
  'Paragraphs',
  'Sentences',
  'Messages',
]
const memoryRows = () =>
  memoryPhases.map((p) => [
    p.phase,
    `${fmt(p.rssBeforeMB, 1)} → ${fmt(p.rssAfterMB, 1)}`,
    `${fmt(p.heapUsedBeforeMB, 1)} → ${fmt(p.heapUsedAfterMB, 1)}`,
    fmt(p.processMaxRssMB, 1),
  ])
const MEMORY_HEAD = [
  'Phase',
  'RSS MB (before → after)',
  'heapUsed MB (before → after)',
  'Peak RSS MB so far',
]

function textTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
function markdownTable(head, rows) {
  const align = head.map((_, i) => (i === 0 ? '---' : '---:'))
  return [head, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}

const machineLine = `${report.machine.cpu}, ${report.machine.cores} cores (one used), Node ${report.machine.node}, ${report.machine.platform}`
const targetLine = `Target: at least ${fmt(TARGET_SEED_ARTICLES_PER_S)} seed articles/s through normalize + segment on one core: ${report.target.met ? 'met' : 'MISSED'} (median ${fmt(report.target.measuredMedian)}/s).`
const busyWorkloads = workloads.filter((w) => w.otherLoadCores > 0.15)
const loadLine =
  busyWorkloads.length > 0
    ? `Note: other processes kept cores busy while timing (${busyWorkloads.map((w) => `${w.id} ${fmt(w.otherLoadCores, 2)}`).join(', ')} cores on average); those figures may be low.`
    : null
const memoryLine = `Peak RSS of the whole run ${fmt(report.memory.processMaxRssMB, 1)} MB (process.resourceUsage().maxRSS; sampled maximum ${fmt(report.memory.maxSampledRssMB, 1)} MB); heapUsed ${fmt(report.memory.heapUsedStartMB, 1)} MB at start, ${fmt(report.memory.heapUsedEndMB, 1)} MB at the end.`

function textReport() {
  const parts = [
    `Ingestion benchmark: normalizeArticle (ingest + segmentation), single-threaded${quick ? ' (--quick: short rounds, figures are rough)' : ''}`,
    `Machine: ${machineLine}; ${startedAt.toISOString()}`,
    '',
    textTable(WORKLOAD_HEAD, workloadRows()),
  ]
  for (const s of skipped) parts.push(`(skipped ${s.id}: ${s.reason})`)
  parts.push(
    '',
    `Synthetic corpus: ${fmt(synthetic.articles)} articles, ${fmt(synthetic.inputMB, 2)} MB, ${fmt(synthetic.build.minKB, 1)}–${fmt(synthetic.build.maxKB, 1)} KB each, sha256 ${synthetic.fingerprint}; per pass ${fmt(synthetic.output.paragraphs)} paragraphs, ${fmt(synthetic.output.sentences)} sentences, ${fmt(synthetic.output.removed)} blocks removed.`,
    targetLine,
    ...(loadLine ? [loadLine] : []),
    '',
    'Large articles, normalized once each:',
    textTable(LARGE_HEAD, largeRows()),
    '',
    'Memory:',
    textTable(MEMORY_HEAD, memoryRows()),
    memoryLine,
  )
  return parts.join('\n')
}

function markdownSection() {
  const day = startedAt.toISOString().slice(0, 10)
  const lines = [
    '## Ingestion: `normalizeArticle` (ingest + sentence segmentation)',
    '',
    `Measured ${day} on ${machineLine}, with \`node bench/ingest.bench.mjs --write\` in \`packages/core\`${quick ? ' (--quick: rough figures)' : ''}. Generated by the benchmark; edit the script, not this section.`,
    '',
    markdownTable(WORKLOAD_HEAD, workloadRows()),
    '',
  ]
  for (const s of skipped) lines.push(`Skipped ${s.id}: ${s.reason}.`, '')
  lines.push(
    `**${targetLine}**`,
    '',
    ...(loadLine ? [loadLine, ''] : []),
    `Seeds sha256 \`${seedResult.fingerprint}\`; synthetic corpus (from ${synthetic.build.storyParagraphs} seed paragraphs): ${fmt(synthetic.articles)} articles, ${fmt(synthetic.inputMB, 2)} MB, ${fmt(synthetic.build.minKB, 1)}–${fmt(synthetic.build.maxKB, 1)} KB each, sha256 \`${synthetic.fingerprint}\`, ${fmt(synthetic.output.paragraphs)} paragraphs, ${fmt(synthetic.output.sentences)} sentences and ${fmt(synthetic.output.removed)} removed blocks per pass.`,
    '',
    '### Large articles, normalized once each',
    '',
    markdownTable(LARGE_HEAD, largeRows()),
    '',
    '### Memory',
    '',
    markdownTable(MEMORY_HEAD, memoryRows()),
    '',
    memoryLine,
  )
  return lines.join('\n')
}

if (asJson) {
  console.error(textReport())
  console.log(JSON.stringify(report, null, 2))
} else {
  console.log(textReport())
}

if (flags.has('--write')) {
  writeSection('ingest', markdownSection())
  console.error(`wrote the ingest section of ${BENCHMARKS_MD}`)
}
