#!/usr/bin/env node
/*
 * Quote extraction benchmark of @corroborate/core: extractQuotes on already
 * normalized articles, on one core, in a plain loop. Workloads: the seeds, and
 * the quotes-dev gold articles when ../shared/eval/quotes-dev/gold.jsonl sits
 * beside the repository (read in place, never copied, never printed).
 *
 * Each workload runs in a fresh process of its own, three ways:
 *  - warm: passes over the workload until at least 20 passes and 4 s have run (V8 has
 *    compiled and optimized the code by then), then rounds of at least 0.25 s for 2.5 s;
 *    the median round, by wall clock and by CPU time (process.cpuUsage, which also
 *    counts V8's compiler and GC threads). This is the target row's figure.
 *  - 0.5 s warm-up: the rounds of the 2.5 s after a 0.5 s warm-up, as this bench measured
 *    until 2026-12-04; they fall while V8 is still compiling, so they mix the first
 *    passes in.
 *  - first pass: one pass, each article once, in a process that has run nothing else
 *    (median of three processes): what an article costs in a process that just started.
 * The load average is printed: the machine is shared, and wall-clock figures at a load
 * above about 1.5 on 2 cores say little.
 *
 *   node bench/quotes.bench.mjs           prints the figures
 *   node bench/quotes.bench.mjs --write   also rewrites the quotes section of BENCHMARKS.md
 *   node bench/quotes.bench.mjs --quick   short runs, a smoke test only
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { extractQuotes, loadArticleDirectory, normalizeArticle } from '../dist/index.js'
import { measuredOn, writeSection } from './benchmarks-md.mjs'

const ROOT = new URL('../../../', import.meta.url)
const GOLD_PATH = fileURLToPath(new URL('../shared/eval/quotes-dev/gold.jsonl', ROOT))
const SELF = fileURLToPath(import.meta.url)
const args = process.argv.slice(2)
const write = args.includes('--write')
const quick = args.includes('--quick')

/** The articles of a workload, normalized. */
async function workload(name) {
  if (name === 'seeds') {
    const { sources } = await loadArticleDirectory(fileURLToPath(new URL('seeds/', ROOT)))
    return sources.map((s) => normalizeArticle(s))
  }
  return readFileSync(GOLD_PATH, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .map((r) => normalizeArticle({ content: r.text, id: r.id }))
}

const cpuMs = (since) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

let passesRun = 0

/** One pass over `articles`, wall and CPU milliseconds. */
function pass(articles) {
  passesRun++
  const cpu = process.cpuUsage()
  const start = performance.now()
  let sink = 0
  for (const a of articles) sink += extractQuotes(a).quotes.length
  return { wall: performance.now() - start, cpu: cpuMs(cpu), sink }
}

/** Rounds of whole passes, each at least `roundMs`, for `totalMs` (at least 3): articles/s by wall and CPU. */
function rounds(articles, totalMs, roundMs = 250) {
  const wall = []
  const cpu = []
  const end = performance.now() + totalMs
  while (performance.now() < end || wall.length < 3) {
    const start = performance.now()
    const used = process.cpuUsage()
    let n = 0
    while (performance.now() - start < roundMs) {
      pass(articles)
      n += articles.length
    }
    wall.push((n * 1000) / (performance.now() - start))
    cpu.push((n * 1000) / cpuMs(used))
  }
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]
  return { wall: median(wall), min: Math.min(...wall), max: Math.max(...wall), cpu: median(cpu) }
}

/** In a child process: one workload measured, as JSON on stdout. */
async function child(mode, name) {
  const articles = await workload(name)
  const started = performance.now()
  if (mode === '--first-pass') {
    const { wall, cpu } = pass(articles)
    return { wall: (articles.length * 1000) / wall, cpu: (articles.length * 1000) / cpu }
  }
  // The 0.5 s warm-up of the bench until 2026-12-04, then the rounds it timed.
  const warmupEnd = performance.now() + (quick ? 100 : 500)
  while (performance.now() < warmupEnd) pass(articles)
  const early = rounds(articles, quick ? 300 : 2500)
  // Then on until the code is warm: 20 passes and 4 s since the first, at least.
  const warmEnd = started + (quick ? 500 : 4000)
  while (passesRun < (quick ? 2 : 20) || performance.now() < warmEnd) pass(articles)
  const warm = rounds(articles, quick ? 300 : 2500)
  const quotes = articles.reduce((sum, a) => sum + extractQuotes(a).quotes.length, 0)
  return { articles: articles.length, quotes, early, warm }
}

if (args[0] === '--first-pass' || args[0] === '--warm') {
  console.log(JSON.stringify(await child(args[0], args[1])))
  process.exit(0)
}

const run = (mode, name) =>
  JSON.parse(
    execFileSync(process.execPath, [SELF, mode, name, ...(quick ? ['--quick'] : [])], {
      encoding: 'utf8',
    }),
  )
const names = ['seeds']
if (existsSync(GOLD_PATH)) names.push('quotes-dev')
else console.log('quotes-dev gold set not found beside the repository: skipped')
const loadBefore = os.loadavg()
const fmt = (n) => Math.round(n).toLocaleString('en-US')
const lines = []
for (const name of names) {
  const measured = run('--warm', name)
  const first = [1, 2, 3].map(() => run('--first-pass', name)).sort((a, b) => a.wall - b.wall)[1]
  const label =
    name === 'seeds'
      ? `Seeds (${measured.articles} articles)`
      : `quotes-dev gold (${measured.articles} articles)`
  const { warm, early } = measured
  lines.push(
    `| ${label} | ${measured.quotes} | ${fmt(warm.wall)} | ${fmt(warm.min)}–${fmt(warm.max)} | ${fmt(warm.cpu)} | ${fmt(early.wall)} (${fmt(early.cpu)}) | ${fmt(first.wall)} (${fmt(first.cpu)}) |`,
  )
}
const loadAfter = os.loadavg()
const load = `load average ${loadBefore[0].toFixed(2)} at the start, ${loadAfter[0].toFixed(2)} at the end`
const table = [
  '| Workload | Quotes found | Articles/s warm, wall (median) | Range | Articles/s warm, CPU | After a 0.5 s warm-up, wall (CPU) | First pass of a new process, wall (CPU) |',
  '| --- | ---: | ---: | --- | ---: | ---: | ---: |',
  ...lines,
].join('\n')
console.log(table)
console.log(load)
if (write) {
  const body = `${measuredOn()}, ${load}, with \`node bench/quotes.bench.mjs --write\` (run by \`pnpm bench\`). extractQuotes alone, on articles normalized beforehand; each workload in a fresh process. Warm: after at least 20 passes and 4 s, the median of rounds of 0.25 s over 2.5 s (the target row: quotes-dev, ≥ 1,500). After a 0.5 s warm-up: the same rounds right after 0.5 s, as this bench measured until 2026-12-04. First pass: each article once in a new process, median of three processes. CPU: process.cpuUsage, which counts V8's compiler and GC threads too.\n\n${table}`
  writeSection('quotes', body, `## Quote extraction (\`packages/core/bench/quotes.bench.mjs\`)`)
  console.log('wrote the quotes section of BENCHMARKS.md')
}
