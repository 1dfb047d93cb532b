#!/usr/bin/env node
// corroborate-mcp over a lasting store: from start to the first tool answer, the server's
// RSS then, and add_article through a real client with the store full. The store is filled
// first (the core's retold corpus, through @corroborate/store's ingest) unless --data names
// one that holds articles already. Run after a build:
// node bench/restart.bench.mjs [--size N] [--data DIR]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ingest, openStore } from '@corroborate/store'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { retoldCorpus, sourceStories } from '../../../packages/core/bench/retold-corpus.mjs'

const { values } = parseArgs({ options: { size: { type: 'string' }, data: { type: 'string' } } })
const size = Number(values.size ?? 1000)
const data = values.data ?? mkdtempSync(join(tmpdir(), 'corroborate-restart-'))
const { stories } = await sourceStories()
const store = await openStore({ dataDir: data })
if ((await store.count()) < size * 0.9)
  await ingest(store, retoldCorpus(stories, size), { workers: 2 })
const stored = await store.count()
await store.close()

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url))
const start = performance.now()
const transport = new StdioClientTransport({
  command: process.execPath,
  args: [main, '--data', data],
  stderr: 'pipe',
})
let stderr = ''
transport.stderr?.on('data', (chunk) => {
  stderr += chunk
})
const client = new Client({ name: 'restart-bench', version: '0.0.0' })
await client.connect(transport)
await client.callTool({ name: 'list_sources', arguments: { limit: 5 } })
const first = performance.now() - start
const rss =
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${transport.pid}/status`, 'utf8'))?.[1]) * 1024
const adds = []
const FRESH = 2_000_000 + (Date.now() % 1_000_000) * 64
for (const source of retoldCorpus(stories, 6, { offset: FRESH })) {
  const t = performance.now()
  const result = await client.callTool({
    name: 'add_article',
    arguments: { content: source.content, ...source.metadata },
  })
  if (!result.isError) adds.push(performance.now() - t)
}
await client.close()
if (!values.data) rmSync(data, { recursive: true, force: true })
adds.sort((a, b) => a - b)
console.log(
  JSON.stringify({
    stored,
    firstAnswerMs: Math.round(first),
    rssMB: Math.round(rss / 1e6),
    addsMs: adds.map(Math.round),
    stderr: stderr.split('\n').filter(Boolean).slice(-4),
  }),
)
