#!/usr/bin/env node
// corroborate-mcp over a lasting store: from start to the first answer of each reading tool,
// the server's RSS then and once it is ready for adds, add_article's time through a real
// client with the store full, and how long a cheap read (list_sources, limit 1) waits while
// adds run (small ones, then one large article). The store is filled first (the core's
// retold corpus, through @corroborate/store's ingest) unless --data names one that holds
// articles already. Run after a build:
// node bench/restart.bench.mjs [--size N] [--data DIR] [--adds N] [--node-args='--cpu-prof ...']
// (--node-args: options for the server's node, e.g. '--cpu-prof --cpu-prof-dir=DIR'; --idle-ms:
// how long the server is left idle after the small adds before its RSS is read again, default 5000;
// --offset N: the draw of the articles added, else taken from the clock). Prints addsInOrderMs
// (the first add of a start is often the slowest) and longestReadDuringAdd: which add (1 the
// first) was in progress when the longest cheap read was asked.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ingest, openStore } from '@corroborate/store'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import {
  describeSources,
  retoldCorpus,
  sourceStories,
} from '../../../packages/core/bench/retold-corpus.mjs'

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    data: { type: 'string' },
    adds: { type: 'string' },
    'node-args': { type: 'string', default: '' },
    'idle-ms': { type: 'string', default: '5000' },
    offset: { type: 'string' },
  },
})
const size = Number(values.size ?? 1000)
const data = values.data ?? mkdtempSync(join(tmpdir(), 'corroborate-restart-'))
const { stories, read } = await sourceStories()
const store = await openStore({ dataDir: data })
if ((await store.count()) < size * 0.9)
  await ingest(store, retoldCorpus(stories, size), { workers: 2 })
const stored = await store.count()
await store.close()

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url))
const start = performance.now()
const transport = new StdioClientTransport({
  command: process.execPath,
  args: [...values['node-args'].split(' ').filter(Boolean), main, '--data', data],
  stderr: 'pipe',
})
let stderr = ''
transport.stderr?.on('data', (chunk) => {
  stderr += chunk
})
const rssOf = () =>
  Math.round(
    (Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${transport.pid}/status`, 'utf8'))?.[1]) *
      1024) /
      1e6,
  )
// CPU seconds of the server process, all its threads (utime + stime, in clock ticks of 10 ms).
const cpuOf = () => {
  const fields = readFileSync(`/proc/${transport.pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}
const client = new Client({ name: 'restart-bench', version: '0.0.0' })
await client.connect(transport)
const call = async (name, args = {}) => {
  const t = performance.now()
  const result = await client.callTool({ name, arguments: args })
  if (result.isError) throw new Error(`${name}: ${result.content?.[0]?.text}`)
  return { ms: performance.now() - t, result: result.structuredContent }
}
const firstAnswer = await call('list_stories')
const first = performance.now() - start
const rssFirst = rssOf()
const cpuFirst = cpuOf()
const story = firstAnswer.result.stories[0]?.id
const reads = {}
for (const [name, args] of [
  ['list_sources', { limit: 20 }],
  ['search', { query: 'prison' }],
  ['list_disputed_claims', {}],
  ['get_quotes', { story }],
  ['list_disputed_claims', { story }],
  ['compare_sources', { story }],
  ['get_speakers', {}],
  ['get_quotes', {}],
])
  reads[`${name}${args.story ? ' (story)' : ''}`] = Math.round((await call(name, args)).ms)
const rssReads = rssOf()

// The add in progress (1 for the first of a run of adds), 0 between adds.
let addInProgress = 0
// A cheap read every 20 ms while `work` runs: the longest it waited, and which add was in
// progress when it was asked.
async function readsDuring(work) {
  let longest = 0
  let longestAt = 0
  let done = false
  const poll = (async () => {
    while (!done) {
      const at = addInProgress
      const { ms } = await call('list_sources', { limit: 1 })
      if (ms > longest) {
        longest = ms
        longestAt = at
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })()
  const value = await work()
  done = true
  await poll
  return { value, longest: Math.round(longest), longestAt }
}

// The articles added are drawn at an offset from the clock, or at --offset N (the same draw for
// two builds compared).
const FRESH = 2_000_000 + Number(values.offset ?? Date.now() % 1_000_000) * 64
let firstAddAt = 0
const add = async (source) => {
  const t = performance.now()
  firstAddAt ||= t
  const result = await client.callTool({
    name: 'add_article',
    arguments: { content: source.content, ...source.metadata },
  })
  return result.isError ? null : performance.now() - t
}
const addCount = Number(values.adds ?? 20)
const during = await readsDuring(async () => {
  const times = []
  for (const source of retoldCorpus(stories, addCount, { offset: FRESH })) {
    addInProgress++
    const ms = await add(source)
    if (ms !== null) times.push(ms)
  }
  addInProgress = 0
  return times
})
const addsInOrder = during.value.map(Math.round)
const adds = during.value.sort((a, b) => a - b)
const rssAdds = rssOf()
const cpuAdds = cpuOf()
// An MCP server is idle between most calls: its RSS again after a pause with no call.
await new Promise((resolve) => setTimeout(resolve, Number(values['idle-ms'])))
const rssIdle = rssOf()
const firstAddAtMs = Math.round(firstAddAt - start)
// A large article: distinct retold reports run together to about 400 KB of text (a text
// repeated would be mostly dropped as boilerplate).
const parts = []
for (const source of retoldCorpus(stories, 400, { offset: FRESH + 500 })) {
  if (parts.join('\n\n').length > 400_000) break
  parts.push(source.content)
}
const large = { content: parts.join('\n\n'), metadata: {} }
const big = await readsDuring(() => add(large))
const rssEnd = rssOf()
await client.close()
if (!values.data) rmSync(data, { recursive: true, force: true })
console.log(
  JSON.stringify({
    stored,
    // Where the added articles are drawn from: the seeds alone when ../shared/eval is absent.
    sources: describeSources(read),
    load: loadavg().map((x) => x.toFixed(1)),
    firstAnswerMs: Math.round(first),
    rssFirstMB: rssFirst,
    cpuFirstS: cpuFirst,
    readsMs: reads,
    rssAfterReadsMB: rssReads,
    addsMs: adds.map(Math.round),
    addsInOrderMs: addsInOrder,
    addP95Ms: Math.round(adds[Math.floor(adds.length * 0.95)] ?? 0),
    firstAddAtMs,
    longestReadDuringAddsMs: during.longest,
    longestReadDuringAdd: during.longestAt,
    rssAfterAddsMB: rssAdds,
    cpuAfterAddsS: cpuAdds,
    rssAfterIdleMB: rssIdle,
    largeAddMs: big.value === null ? 'refused' : Math.round(big.value),
    largeAddChars: large.content.length,
    longestReadDuringLargeAddMs: big.longest,
    rssEndMB: rssEnd,
    stderr: stderr.split('\n').filter(Boolean).slice(-6),
  }),
)
