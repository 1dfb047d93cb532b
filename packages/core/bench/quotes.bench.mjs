#!/usr/bin/env node
/*
 * Quote extraction benchmark of @corroborate/core: extractQuotes on already
 * normalized articles, on one core, in a plain loop. Workloads: the seeds, and
 * the quotes-dev gold articles when ../shared/eval/quotes-dev/gold.jsonl sits
 * beside the repository (read in place, never copied, never printed).
 *
 *   node bench/quotes.bench.mjs           prints the figures
 *   node bench/quotes.bench.mjs --write   also rewrites the quotes section of BENCHMARKS.md
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { extractQuotes, loadArticleDirectory, normalizeArticle } from '../dist/index.js'
import { measuredOn, writeSection } from './benchmarks-md.mjs'

const ROOT = new URL('../../../', import.meta.url)
const GOLD_PATH = fileURLToPath(new URL('../shared/eval/quotes-dev/gold.jsonl', ROOT))
const write = process.argv.includes('--write')

function measure(articles, totalMs = 2500) {
  let sink = 0
  const warmupEnd = performance.now() + 500
  while (performance.now() < warmupEnd)
    for (const a of articles) sink += extractQuotes(a).quotes.length
  const rates = []
  const end = performance.now() + totalMs
  while (performance.now() < end || rates.length < 3) {
    const start = performance.now()
    let n = 0
    while (performance.now() - start < 250) {
      for (const a of articles) sink += extractQuotes(a).quotes.length
      n += articles.length
    }
    rates.push((n * 1000) / (performance.now() - start))
  }
  rates.sort((a, b) => a - b)
  return { median: rates[Math.floor(rates.length / 2)], min: rates[0], max: rates.at(-1), sink }
}

const { sources } = await loadArticleDirectory(fileURLToPath(new URL('seeds/', ROOT)))
const seeds = sources.map((s) => normalizeArticle(s))
const rows = [['Seeds (5 articles)', seeds, measure(seeds)]]
if (existsSync(GOLD_PATH)) {
  const gold = readFileSync(GOLD_PATH, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .map((r) => normalizeArticle({ content: r.text, id: r.id }))
  rows.push([`quotes-dev gold (${gold.length} articles)`, gold, measure(gold)])
} else {
  console.log('quotes-dev gold set not found beside the repository: skipped')
}
const fmt = (n) => Math.round(n).toLocaleString('en-US')
const lines = rows.map(([name, articles, r]) => {
  const quotes = articles.reduce((sum, a) => sum + extractQuotes(a).quotes.length, 0)
  return `| ${name} | ${quotes} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} |`
})
const table = [
  '| Workload | Quotes found | Articles/s (median) | Range |',
  '| --- | ---: | ---: | --- |',
  ...lines,
].join('\n')
console.log(table)
if (write) {
  const body = `${measuredOn()} with \`node bench/quotes.bench.mjs --write\` (run by \`pnpm bench\`). extractQuotes alone, on articles normalized beforehand.\n\n${table}`
  writeSection('quotes', body, `## Quote extraction (\`packages/core/bench/quotes.bench.mjs\`)`)
  console.log('wrote the quotes section of BENCHMARKS.md')
}
