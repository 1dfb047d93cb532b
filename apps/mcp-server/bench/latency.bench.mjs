#!/usr/bin/env node
/*
 * Tool latency of the Corroborate MCP server: p50 and p95 of every tool, called
 * through a real MCP Client over an in-memory transport (so the figures include
 * the SDK's validation and JSON, not a network), on the seeds and on a
 * 1,000-article corpus. The large corpus is built the way the core's crossref
 * bench builds it (seed paragraphs retold per article, see
 * packages/core/bench/crossref.bench.mjs); its analysis is computed once
 * before timing, as the server does at start.
 *
 *   node bench/latency.bench.mjs           prints the figures
 *   node bench/latency.bench.mjs --write   also rewrites the mcp section of BENCHMARKS.md
 */
import { fileURLToPath } from 'node:url'
import { createCorpus, loadArticleDirectory, normalizeArticle } from '@corroborate/core'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import { measuredOn, writeSection } from '../../../packages/core/bench/benchmarks-md.mjs'
import { mulberry32 } from '../../../packages/core/bench/mulberry32.mjs'
import { createServer } from '../dist/server.js'

const ROOT = new URL('../../../', import.meta.url)
const write = process.argv.includes('--write')

const { sources } = await loadArticleDirectory(fileURLToPath(new URL('seeds/', ROOT)))
const seeds = sources.map((s) => normalizeArticle(s))
const stories = seeds.map((a) => a.paragraphs.map((p) => p.text))
function large(size) {
  const random = mulberry32(0x1a7e)
  const out = []
  for (let i = 0; i < size; i++) {
    const story = stories[i % stories.length]
    const paragraphs = story
      .filter(() => random() < 0.85)
      .map((p) => (random() < 0.2 ? p.replace(/\b(\w+) (\w+)\b/, '$2') : p))
    out.push(
      normalizeArticle({ content: paragraphs.join('\n\n'), id: `a${String(i).padStart(4, '0')}` }),
    )
  }
  return out
}

async function connect(articles) {
  const corpus = createCorpus(articles)
  corpus.analysis()
  const server = createServer(corpus, { log: () => {} })
  const client = new Client({ name: 'bench', version: '1.0.0' })
  const [a, b] = InMemoryTransport.createLinkedPair()
  await Promise.all([server.connect(b), client.connect(a)])
  return { client, corpus }
}

function calls(corpus) {
  const first = corpus.articles[0]?.id
  return [
    ['list_sources', {}],
    ['get_article', { id: first }],
    ['get_quotes', {}],
    ['get_quotes', { speaker: 'Rubio' }],
    ['compare_sources', {}],
    ['list_disputed_claims', {}],
    ['get_speakers', {}],
    ['search', { query: 'prison' }],
  ]
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
async function measure(label, articles, rounds) {
  const { client, corpus } = await connect(articles)
  const rows = []
  for (const [name, args] of calls(corpus)) {
    const firstStart = performance.now()
    await client.callTool({ name, arguments: args })
    const first = performance.now() - firstStart
    for (let i = 0; i < 2; i++) await client.callTool({ name, arguments: args })
    const times = []
    for (let i = 0; i < rounds; i++) {
      const start = performance.now()
      const result = await client.callTool({ name, arguments: args })
      times.push(performance.now() - start)
      if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`)
    }
    times.sort((a, b) => a - b)
    rows.push({
      label,
      name: `${name}${Object.keys(args).length ? ` ${JSON.stringify(args)}` : ''}`,
      first,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
    })
  }
  await client.close()
  return rows
}

const rows = [
  ...(await measure('seeds (5)', seeds, 100)),
  ...(await measure('1,000 articles', large(1000), 40)),
]
const fmt = (n) => n.toFixed(2)
const table = [
  '| Corpus | Tool call | First call (ms) | p50 (ms) | p95 (ms) |',
  '| --- | --- | ---: | ---: | ---: |',
  ...rows.map(
    (r) => `| ${r.label} | \`${r.name}\` | ${fmt(r.first)} | ${fmt(r.p50)} | ${fmt(r.p95)} |`,
  ),
].join('\n')
const worst = Math.max(...rows.map((r) => r.p95))
const verdict = `Slowest p95: ${fmt(worst)} ms (target under 50 ms: ${worst < 50 ? 'met' : 'NOT met'}).`
console.log(table)
console.log(verdict)
if (write) {
  const body = `${measuredOn({ oneUsed: false })} with \`node bench/latency.bench.mjs --write\` in \`apps/mcp-server\` (run by \`pnpm bench\`). Each call goes through a real MCP client over an in-memory transport; the corpus analysis is computed once before timing, as at server start. \`compare_sources\` remembers its answer per corpus state and argument, and \`search\` folds the corpus's texts once per state: their first call pays that cost (first-call column), later calls do not.\n\n${table}\n\n**${verdict}**`
  writeSection('mcp', body, `## MCP tool latency (\`apps/mcp-server/bench/latency.bench.mjs\`)`)
  console.log('wrote the mcp section of BENCHMARKS.md')
}
