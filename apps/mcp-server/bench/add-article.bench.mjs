#!/usr/bin/env node
/*
 * add_article through the built server (dist/main.js) over stdio and over
 * Streamable HTTP, on the seeds: for news-like articles of growing size, the
 * time the add takes (analysed in the worker thread) and the slowest of the
 * list_sources calls sent every 100 ms while it runs, that is how long a read
 * waits behind an add. The largest size that is added within the default
 * 60-second budget is the largest article each transport takes in practice;
 * the transports themselves take requests up to 10 MiB of UTF-8 JSON. The
 * `store` rows add through the worker store in this process and give the
 * longest the event loop was held meanwhile (monitorEventLoopDelay), the
 * request's transport aside; the `data` rows the same through the lasting store
 * (PGlite), with the slowest of the cheap reads asked every 20 ms meanwhile and the
 * longest turn's CPU time (as the probe measures it). Over stdio
 * and HTTP the server runs with bench/event-loop-probe.mjs, which gives the longest its
 * event loop was held during each add and the longest garbage collection on it.
 *
 *   node bench/add-article.bench.mjs [--sizes 10000,100000,1000000] [--transports store,data,stdio,http] [--rounds 1]
 *
 * CORROBORATE_PROBE_GAPS=1 also prints each turn of the server over 20 ms with its time;
 * --node-args '--cpu-prof --cpu-prof-dir=DIR' passes options to the server's node.
 */
import { spawn } from 'node:child_process'
import { closeSync, openSync, readSync } from 'node:fs'
import os from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { createCorpus, loadArticleDirectory, normalizeArticle } from '@corroborate/core'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    transports: { type: 'string', default: 'store,stdio,http' },
    rounds: { type: 'string', default: '1' },
    'node-args': { type: 'string', default: '' },
  },
})
const MAIN = new URL('../dist/main.js', import.meta.url).pathname
const PROBE = new URL('./event-loop-probe.mjs', import.meta.url).pathname
const serverArgs = [...values['node-args'].split(' ').filter(Boolean), '--import', PROBE, MAIN]
// Articles stay in memory: the bench never writes to the user's data directory.
const env = { ...process.env, CORROBORATE_DATA: ':memory:' }
delete env.CORROBORATE_MCP_TOKEN

const paragraph = (i) =>
  `Official ${i} told reporters on Monday that “the river rose ${i % 97} inches overnight,” the agency said. The mayor of town ${i} said the levee would hold.`
function article(chars) {
  const out = []
  for (let i = 0, n = 0; n < chars; i++) {
    const p = paragraph(i)
    out.push(p)
    n += p.length + 2
  }
  return out.join('\n\n')
}

async function overStdio() {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: serverArgs,
    env,
    stderr: 'pipe',
  })
  const lines = probeLines(transport.stderr)
  const client = new Client({ name: 'bench', version: '1.0.0' })
  await client.connect(transport)
  return { client, probe: probeOf(() => transport.pid, lines), close: () => client.close() }
}

/** The probe's reports in the server's stderr, as they come (other lines go to ours with CORROBORATE_PROBE_GAPS). */
function probeLines(stream) {
  const waiting = []
  let buffered = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk) => {
    buffered += chunk
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end)
      buffered = buffered.slice(end + 1)
      if (line.startsWith('event-loop-probe ')) waiting.shift()?.(JSON.parse(line.slice(17)))
    }
  })
  return waiting
}

/** Asks the server's probe for the longest hold since the last ask, and starts it over. */
const probeOf = (pid, waiting) => () =>
  new Promise((resolve) => {
    waiting.push(resolve)
    process.kill(pid(), 'SIGUSR2')
  })

async function overHttp() {
  const child = spawn(process.execPath, [...serverArgs, '--http', '--port', '0'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const lines = probeLines(child.stderr)
  let stderr = ''
  const url = await new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      const found = /listening on (http:\S+)/.exec(stderr)
      if (found) resolve(found[1])
    })
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${stderr}`)))
  })
  const client = new Client({ name: 'bench', version: '1.0.0' })
  await client.connect(new StreamableHTTPClientTransport(new URL(url)))
  return {
    client,
    probe: probeOf(() => child.pid, lines),
    close: async () => {
      await client.close()
      child.kill()
    },
  }
}

/** The worker store in this process: each add timed, and the event loop's longest hold meanwhile. */
async function inProcess(sizes) {
  const { createWorkerStore } = await import('../dist/article-store.js')
  const { sources } = await loadArticleDirectory(
    new URL('../../../seeds/', import.meta.url).pathname,
  )
  const corpus = createCorpus(sources.map((source) => normalizeArticle(source)))
  corpus.analysis()
  const store = createWorkerStore(corpus)
  // The noise floor: the longest hold over three idle seconds on this machine, no add running.
  const idle = monitorEventLoopDelay({ resolution: 5 })
  idle.enable()
  await new Promise((resolve) => setTimeout(resolve, 3000))
  idle.disable()
  rows.push({
    transport: 'store',
    chars: 0,
    outcome: 'idle, no add',
    seconds: '3.0',
    reads: '–',
    slowestRead: `${(idle.max / 1e6).toFixed(0)} (event loop)`,
  })
  for (const size of sizes) {
    const content = article(size)
    const loop = monitorEventLoopDelay({ resolution: 5 })
    loop.enable()
    const started = performance.now()
    const outcome = await store.add({ content, format: 'text', metadata: {} })
    loop.disable()
    rows.push({
      transport: 'store',
      chars: content.length,
      outcome: 'refused' in outcome ? 'refused (over the time budget)' : 'added',
      seconds: ((performance.now() - started) / 1000).toFixed(1),
      reads: '–',
      slowestRead: `${(loop.max / 1e6).toFixed(0)} (event loop)`,
    })
    console.error(JSON.stringify(rows.at(-1)))
  }
  await store.close()
}

/**
 * The lasting store (PGlite in a temporary directory, the seeds in it) with the server's
 * stored articles, in this process: each add timed, the event loop's longest hold meanwhile,
 * and the longest a cheap read (the first source, as list_sources reads it) took, asked
 * every 20 ms.
 */
async function inData(sizes) {
  const { mkdtempSync, rmSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { ingest, openStore } = await import('@corroborate/store')
  const { createStoredArticles } = await import('../dist/stored-articles.js')
  const { sources } = await loadArticleDirectory(
    new URL('../../../seeds/', import.meta.url).pathname,
  )
  const dir = mkdtempSync(join(os.tmpdir(), 'add-article-bench-'))
  const opened = await openStore({ dataDir: dir })
  await ingest(opened, sources)
  const store = createStoredArticles(opened)
  await store.reader.sources({ offset: 0, limit: 1 })
  // The noise floor: three seconds of reads and no add (size 0).
  for (const size of [0, ...sizes]) {
    const content = size === 0 ? null : article(size)
    const loop = monitorEventLoopDelay({ resolution: 5 })
    let slowest = 0
    let reads = 0
    let adding = true
    const polling = (async () => {
      while (adding) {
        // Timed from when it is asked for, not from when a held event loop lets it start.
        const asked = performance.now() + 20
        await new Promise((resolve) => setTimeout(resolve, 20))
        await store.reader.sources({ offset: 0, limit: 1 })
        slowest = Math.max(slowest, performance.now() - asked)
        reads++
      }
    })()
    const turns = longestTurnCpu()
    loop.enable()
    const started = performance.now()
    const outcome =
      content === null
        ? await new Promise((resolve) => setTimeout(() => resolve({ idle: true }), 3000))
        : await store.add({ content, format: 'text', metadata: {} })
    loop.disable()
    const cpuMaxMs = turns.stop()
    adding = false
    await polling
    rows.push({
      transport: 'data',
      chars: content?.length ?? 0,
      outcome:
        'idle' in outcome
          ? 'idle, no add'
          : 'refused' in outcome
            ? `refused: ${outcome.refused.slice(0, 60)}`
            : 'added',
      seconds: ((performance.now() - started) / 1000).toFixed(1),
      reads,
      slowestRead: `${slowest.toFixed(0)}; event loop ${(loop.max / 1e6).toFixed(0)} (CPU ${cpuMaxMs ?? '–'})`,
    })
    console.error(JSON.stringify(rows.at(-1)))
  }
  await store.close()
  rmSync(dir, { recursive: true, force: true })
}

/**
 * The most CPU time this thread used between two ticks of a 2 ms timer, from now to
 * `stop()` (Linux /proc/thread-self/schedstat; null elsewhere), as event-loop-probe.mjs
 * measures it in the server: the longest turn's own work, which other processes' load
 * hardly moves, where the event loop's hold in wall time counts the waits for a core.
 */
function longestTurnCpu() {
  let schedstat = null
  try {
    schedstat = openSync('/proc/thread-self/schedstat', 'r')
  } catch {
    return { stop: () => null }
  }
  const buffer = Buffer.alloc(64)
  const run = () =>
    Number(buffer.latin1Slice(0, readSync(schedstat, buffer, 0, 64, 0)).split(' ')[0]) / 1e6
  let max = 0
  let last = run()
  const timer = setInterval(() => {
    const now = run()
    max = Math.max(max, now - last)
    last = now
  }, 2)
  return {
    stop() {
      clearInterval(timer)
      closeSync(schedstat)
      return Math.round(max)
    },
  }
}

const loadAtStart = os.loadavg()[0]
const rows = []
for (let round = 0; round < Number(values.rounds); round++)
  for (const transport of values.transports.split(',')) {
    if (transport === 'store') {
      await inProcess(values.sizes.split(',').map(Number))
      continue
    }
    if (transport === 'data') {
      await inData(values.sizes.split(',').map(Number))
      continue
    }
    const { client, probe, close } = transport === 'http' ? await overHttp() : await overStdio()
    for (const size of values.sizes.split(',').map(Number)) {
      const content = article(size)
      await probe()
      const started = performance.now()
      let finished = false
      const add = client
        .callTool({ name: 'add_article', arguments: { content } }, undefined, { timeout: 300_000 })
        .finally(() => {
          finished = true
        })
      const waits = []
      while (!finished) {
        const asked = performance.now()
        await client.callTool({ name: 'list_sources', arguments: {} })
        waits.push(performance.now() - asked)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const result = await add
      const held = await probe()
      rows.push({
        transport,
        chars: content.length,
        outcome: result.isError ? 'refused (over the time budget)' : 'added',
        seconds: ((performance.now() - started) / 1000).toFixed(1),
        reads: waits.length,
        slowestRead: `${Math.max(...waits).toFixed(0)}; ${held.loopMaxMs} (CPU ${held.cpuMaxMs ?? '–'}); ${held.gcMaxMs}`,
      })
      console.error(JSON.stringify(rows.at(-1)))
      if (process.env.CORROBORATE_PROBE_GAPS === '1') console.error(JSON.stringify(held))
    }
    await close()
  }

console.log(
  `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}, load ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end\n`,
)
console.log(
  '| transport | article (characters) | outcome | add (s) | reads meanwhile | slowest read; longest event-loop hold (its CPU); longest GC (ms) |',
)
console.log('| --- | ---: | --- | ---: | ---: | ---: |')
for (const r of rows)
  console.log(
    `| ${r.transport} | ${r.chars.toLocaleString('en-US')} | ${r.outcome} | ${r.seconds} | ${r.reads} | ${r.slowestRead} |`,
  )
