#!/usr/bin/env node
/*
 * Cross-referencing benchmark of @corroborate/core: crossReference (quotes,
 * speakers, claims, clusters, slots, disputes, coverage) on synthetic corpora
 * of 250 to 10,000 articles, one core, one run per size after a warm-up.
 *
 * The corpora are built from real text, deterministically (mulberry32, seed
 * 0xc0ffee): the stories are the five seeds and, when
 * ../shared/eval/quotes-dev/gold.jsonl sits beside the repository, its 84
 * articles (read in place, never copied, never printed). Article i retells
 * story i mod S: each of its paragraphs is kept with p = 0.85; inside quote
 * marks one word is dropped (p = 0.2) or the quote is cut after its first
 * clause (p = 0.1), as outlets do; a number in the paragraph is moved by 5–20 %
 * (p = 0.1); with p = 0.15 a paragraph of another story is appended. So
 * clusters, variants and conflicting values occur at the rates real coverage
 * has them, and text never repeats exactly across the whole corpus.
 *
 *   node bench/crossref.bench.mjs           prints the figures
 *   node bench/crossref.bench.mjs --write   also rewrites the crossref section of BENCHMARKS.md
 *   node bench/crossref.bench.mjs --quick   only the 250 and 1,000 article sizes
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { crossReference, loadArticleDirectory, normalizeArticle } from '../dist/index.js'
import { mulberry32 } from './mulberry32.mjs'

const ROOT = new URL('../../../', import.meta.url)
const BENCHMARKS_MD = fileURLToPath(new URL('BENCHMARKS.md', ROOT))
const GOLD_PATH = fileURLToPath(new URL('../shared/eval/quotes-dev/gold.jsonl', ROOT))
const write = process.argv.includes('--write')
const quick = process.argv.includes('--quick')

const { sources } = await loadArticleDirectory(fileURLToPath(new URL('seeds/', ROOT)))
const stories = sources.map((s) => normalizeArticle(s).paragraphs.map((p) => p.text))
let goldStories = 0
if (existsSync(GOLD_PATH)) {
  for (const line of readFileSync(GOLD_PATH, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const row = JSON.parse(line)
    stories.push(normalizeArticle({ content: row.text, id: row.id }).paragraphs.map((p) => p.text))
    goldStories++
  }
} else {
  console.log('quotes-dev gold set not found beside the repository: seeds only')
}

const QUOTED = /([“"])([^”"]{12,400})([”"])/
function retell(paragraph, random) {
  let text = paragraph
  const quoted = QUOTED.exec(text)
  if (quoted) {
    let inner = quoted[2]
    const roll = random()
    if (roll < 0.2) {
      const words = inner.split(' ')
      if (words.length > 4) words.splice(1 + Math.floor(random() * (words.length - 2)), 1)
      inner = words.join(' ')
    } else if (roll < 0.3) {
      const cut = inner.search(/[,;]\s/)
      if (cut > 10) inner = inner.slice(0, cut)
    }
    text = text.replace(quoted[0], `${quoted[1]}${inner}${quoted[3]}`)
  }
  if (random() < 0.1) {
    text = text.replace(/\b\d[\d,]*\b/, (n) => {
      const value = Number(n.replace(/,/g, ''))
      if (!Number.isFinite(value) || value < 10) return n
      return Math.round(
        value * (1 + (random() < 0.5 ? -1 : 1) * (0.05 + random() * 0.15)),
      ).toLocaleString('en-US')
    })
  }
  return text
}

function corpus(size) {
  const random = mulberry32(0xc0ffee)
  const articles = []
  for (let i = 0; i < size; i++) {
    const story = stories[i % stories.length]
    const paragraphs = story.filter(() => random() < 0.85).map((p) => retell(p, random))
    if (random() < 0.15) {
      const other = stories[Math.floor(random() * stories.length)]
      paragraphs.push(other[Math.floor(random() * other.length)] ?? '')
    }
    articles.push({
      content: paragraphs.join('\n\n'),
      id: `a${String(i).padStart(5, '0')}`,
      published: '2025-02-04',
    })
  }
  return articles
}

const sizes = quick ? [250, 1000] : [250, 1000, 2500, 10000]
// Warm-up: JIT the whole pipeline on a small corpus first.
crossReference(corpus(100).map((s) => normalizeArticle({ content: s.content, id: s.id })))
const rows = []
for (const size of sizes) {
  const built = corpus(size)
  const normalizeStart = performance.now()
  const articles = built.map((s) =>
    normalizeArticle({ content: s.content, id: s.id, metadata: { published: s.published } }),
  )
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
    heapMb: heap / 1e6,
  })
  console.error(`${size} articles: crossReference ${Math.round(ms)} ms`)
}
const fmt = (n, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
const table = [
  '| Articles | MB | normalizeArticle (s) | crossReference (s) | Articles/s | ms/article | Quotes | Claims | Shared clusters | Disputes | Heap (MB) |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${fmt(r.size)} | ${fmt(r.mb, 1)} | ${fmt(r.normalizeMs / 1000, 2)} | ${fmt(r.ms / 1000, 2)} | ${fmt((r.size * 1000) / r.ms)} | ${fmt(r.ms / r.size, 2)} | ${fmt(r.quotes)} | ${fmt(r.claims)} | ${fmt(r.clusters)} | ${fmt(r.disputes)} | ${fmt(r.heapMb)} |`,
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
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores (one used), Node ${process.version}`
  const section = `<!-- crossref:start -->\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine} with \`node bench/crossref.bench.mjs --write\`${quick ? ' --quick' : ''} (run by \`pnpm bench\`). Stories: ${stories.length - goldStories} seeds${goldStories ? ` and ${goldStories} quotes-dev articles` : ''}. crossReference is timed alone, on articles normalized beforehand (normalizeArticle shown apart).\n\n${table}\n\n**${targets.join('; ')}.** ${growth}\n<!-- crossref:end -->`
  const md = readFileSync(BENCHMARKS_MD, 'utf8')
  const next = md.includes('<!-- crossref:start -->')
    ? md.replace(/<!-- crossref:start -->[\s\S]*<!-- crossref:end -->/, section)
    : `${md.trimEnd()}\n\n## Cross-referencing (\`packages/core/bench/crossref.bench.mjs\`)\n\nHow the corpora are built is described at the top of the script: real text from the seeds (and the quotes-dev articles when present), retold per article with dropped words, cut quotes, moved numbers and borrowed paragraphs, so that no text repeats exactly.\n\n${section}\n`
  writeFileSync(BENCHMARKS_MD, next)
  console.log('wrote the crossref section of BENCHMARKS.md')
}
