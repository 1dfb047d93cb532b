#!/usr/bin/env node
/*
 * Cross-referencing benchmark of @corroborate/core: crossReference (quotes,
 * speakers, claims, clusters, slots, disputes, coverage) on synthetic corpora
 * of 250 to 10,000 articles, one core, one run per size after a warm-up.
 *
 * The corpora are retellings of real text, many stories of about ten articles
 * each (see bench/retold-corpus.mjs for how they are built).
 *
 *   node bench/crossref.bench.mjs           prints the figures
 *   node bench/crossref.bench.mjs --write   also rewrites the crossref section of BENCHMARKS.md
 *   node bench/crossref.bench.mjs --quick   only the 250 and 1,000 article sizes
 *   node bench/crossref.bench.mjs --dev-only  source stories from the seeds and quotes-dev only
 */
import { crossReference, normalizeArticle } from '../dist/index.js'
import { measuredOn, writeSection } from './benchmarks-md.mjs'
import { describeSources, retoldCorpus, sourceStories } from './retold-corpus.mjs'

const write = process.argv.includes('--write')
const quick = process.argv.includes('--quick')

// --dev-only: the source stories of the earlier corpus (seeds and quotes-dev), to compare with it.
const { stories, read } = await sourceStories(
  process.argv.includes('--dev-only') ? { sets: ['quotes-dev'] } : {},
)
const corpus = (size) => retoldCorpus(stories, size)

const sizes = quick ? [250, 1000] : [250, 1000, 2500, 10000]
// Warm-up: JIT the whole pipeline on a small corpus first.
crossReference(corpus(100).map((s) => normalizeArticle(s)))
const rows = []
for (const size of sizes) {
  const built = corpus(size)
  const normalizeStart = performance.now()
  const articles = built.map((s) => normalizeArticle(s))
  const normalizeMs = performance.now() - normalizeStart
  const bytes = built.reduce((sum, s) => sum + Buffer.byteLength(s.content), 0)
  const start = performance.now()
  const result = crossReference(articles)
  const ms = performance.now() - start
  const heap = process.memoryUsage().heapUsed
  rows.push({
    size,
    mb: bytes / 1e6,
    normalizeMs,
    ms,
    quotes: result.quotes.length,
    claims: result.claims.length,
    clusters: result.clusters.filter((c) => c.articles.length > 1).length,
    disputes: result.disputes.length,
    stories: result.stories.length,
    heapMb: heap / 1e6,
  })
  console.error(`${size} articles: crossReference ${Math.round(ms)} ms`)
}
const fmt = (n, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
const table = [
  '| Articles | MB | normalizeArticle (s) | crossReference (s) | Articles/s | ms/article | Quotes | Claims | Stories | Shared clusters | Disputes | Heap (MB) |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${fmt(r.size)} | ${fmt(r.mb, 1)} | ${fmt(r.normalizeMs / 1000, 2)} | ${fmt(r.ms / 1000, 2)} | ${fmt((r.size * 1000) / r.ms)} | ${fmt(r.ms / r.size, 2)} | ${fmt(r.quotes)} | ${fmt(r.claims)} | ${fmt(r.stories)} | ${fmt(r.clusters)} | ${fmt(r.disputes)} | ${fmt(r.heapMb)} |`,
  ),
].join('\n')
const of = (n) => rows.find((r) => r.size === n)
const targets = [
  of(1000) &&
    `1,000 articles in ${fmt(of(1000).ms / 1000, 2)} s (target under 5 s: ${of(1000).ms < 5000 ? 'met' : 'NOT met'})`,
  of(10000) &&
    `10,000 articles in ${fmt(of(10000).ms / 1000, 2)} s (target under 60 s: ${of(10000).ms < 60000 ? 'met' : 'NOT met'})`,
].filter(Boolean)
const growth =
  rows.length > 1
    ? `Cost per article from ${fmt(rows[0].size)} to ${fmt(rows.at(-1).size)} articles: ${fmt(rows[0].ms / rows[0].size, 2)} → ${fmt(rows.at(-1).ms / rows.at(-1).size, 2)} ms (×${fmt(rows.at(-1).ms / rows.at(-1).size / (rows[0].ms / rows[0].size), 2)}; 1.0 is linear).`
    : ''
console.log(table)
console.log(targets.join('\n'))
console.log(growth)
if (write) {
  const body = `${measuredOn()} with \`node bench/crossref.bench.mjs --write\`${quick ? ' --quick' : ''} (run by \`pnpm bench\`). Source stories: ${describeSources(read)} (retold as \`bench/retold-corpus.mjs\` says, 0–2 days after each source's date, by 12 outlets). crossReference is timed alone, on articles normalized beforehand (normalizeArticle shown apart).\n\n${table}\n\n**${targets.join('; ')}.** ${growth}`
  writeSection(
    'crossref',
    body,
    `## Cross-referencing (\`packages/core/bench/crossref.bench.mjs\`)\n\nHow the corpora are built is described at the top of the script: real text from the seeds (and the quotes-dev articles when present), retold per article with dropped words, cut quotes, moved numbers and borrowed paragraphs, so that no text repeats exactly.`,
  )
  console.log('wrote the crossref section of BENCHMARKS.md')
}
