#!/usr/bin/env node
// `ingest` with 1 and 2 threads into fresh stores, in turn: the wall rate, and the CPU each
// costs per article (the whole process; its main thread, which writes; and, with --database
// and CORROBORATE_TEST_PGDATA set by .ci/start-postgres.sh, the server's processes), and the
// speed-up those CPU costs allow on 2 idle cores: an article's time with 1 thread (its main
// thread's and PGlite's, which take turns, or half its CPU if more: V8's helper threads run
// beside them) over the larger of the busiest thread and half of 2 threads' CPU. On a machine shared with other work the wall
// rates say little; the CPU costs hold. Use a few hundred articles or more: each thread's
// start (its own compile of the core) is counted, and 30 articles are mostly that. Linux only (/proc).
// Each run's CPU is also given by thread: the main thread (it hands each article's rows to
// PGlite's thread; with 1 thread it analyses them too), PGlite's thread, the analysis threads,
// and V8's and libuv's helper threads (V8's compile and garbage-collection work for every
// thread of the process).
// usage: node bench/ingest-scaling.bench.mjs [--size N] [--rounds N] [--database URL]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { retoldCorpus, sourceStories } from '../../core/bench/retold-corpus.mjs'
import { ingest, openStore } from '../dist/index.js'

const { values } = parseArgs({
  options: { size: { type: 'string' }, rounds: { type: 'string' }, database: { type: 'string' } },
})
const size = Number(values.size ?? 600)
const rounds = Number(values.rounds ?? 1)
const url = values.database
const TICK = 100 // clock ticks per second in /proc (CLK_TCK)
const ticks = (stat) => {
  const f = stat.split(') ')[1].split(' ')
  return ((Number(f[11]) + Number(f[12])) / TICK) * 1000
}
const mainCpu = () => ticks(readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'))
// Each thread's CPU, by thread id; a thread that ended keeps its last reading (`seen`).
const threadCpu = () => {
  const cpu = new Map()
  for (const id of readdirSync('/proc/self/task'))
    try {
      cpu.set(id, ticks(readFileSync(`/proc/self/task/${id}/stat`, 'utf8')))
    } catch {}
  return cpu
}
let seen = new Map()
setInterval(() => {
  for (const [id, ms] of threadCpu()) seen.set(id, ms)
}, 50).unref()
const processCpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
// The server's backends exit when the store closes: read before that, keep each one's last.
const pgdata = process.env.CORROBORATE_TEST_PGDATA
const postmaster =
  url && pgdata ? Number(readFileSync(join(pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]) : null
const last = new Map()
const serverCpu = () => {
  if (!postmaster) return 0
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const parent = Number(stat.split(') ')[1].split(' ')[1])
      if (parent === postmaster || Number(pid) === postmaster) last.set(pid, ticks(stat))
    } catch {}
  }
  let sum = 0
  for (const value of last.values()) sum += value
  return sum
}
const wipe = async () => {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  // Every table, function and trigger of the store's schema, whatever its version.
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
  await client.end()
}

const { stories } = await sourceStories()
const sources = retoldCorpus(stories, size)
const runs = { 1: [], 2: [] }
for (let round = 0; round < rounds; round++)
  for (const workers of [1, 2]) {
    let dir = null
    if (url) await wipe()
    else dir = mkdtempSync(join(tmpdir(), 'corroborate-scaling-'))
    const helpers = threadCpu()
    const store = await openStore(url ? { url } : { dataDir: dir })
    const load = loadavg()[0]
    const before = threadCpu()
    seen = new Map(before)
    const [c0, m0, s0, w0] = [processCpu(), mainCpu(), serverCpu(), performance.now()]
    const summary = await ingest(store, sources, { workers })
    const wall = performance.now() - w0
    const main = mainCpu() - m0
    const server = serverCpu() - s0
    const total = processCpu() - c0 + server
    for (const [id, ms] of threadCpu()) seen.set(id, ms)
    const byThread = { pglite: 0, analysis: 0, helpers: 0 }
    for (const [id, ms] of seen) {
      if (Number(id) === process.pid) continue
      const kind = helpers.has(id) ? 'helpers' : before.has(id) ? 'pglite' : 'analysis'
      byThread[kind] += ms - (before.get(id) ?? 0)
    }
    await store.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
    const run = {
      workers,
      added: summary.added,
      stories: summary.stories,
      rate: (size / wall) * 1000,
      cpu: total / size,
      main: main / size,
      pglite: byThread.pglite / size,
      analysis: byThread.analysis / size,
      helpers: byThread.helpers / size,
      server: server / size,
      load: (load + loadavg()[0]) / 2,
    }
    runs[workers].push(run)
    process.stderr.write(`${JSON.stringify(run)}\n`)
  }
const mean = (list, key) => list.reduce((sum, run) => sum + run[key], 0) / list.length
const one = mean(runs[1], 'cpu')
const two = mean(runs[2], 'cpu')
// The writer is two threads in turn since PGlite runs in its own: the main thread and PGlite's.
// Either alone bounds the rate, as half of the whole CPU does on 2 cores.
const writer = Math.max(mean(runs[2], 'main'), mean(runs[2], 'pglite'))
const oneInTurn = Math.max(mean(runs[1], 'main') + mean(runs[1], 'pglite'), one / 2)
const f = (x) => x.toFixed(1)
process.stdout.write(
  `${url ? 'PostgreSQL server' : 'PGlite'}, ${size} retold articles, load ${f(mean([...runs[1], ...runs[2]], 'load'))}: ` +
    `1 thread ${f(mean(runs[1], 'rate'))}/s, 2 threads ${f(mean(runs[2], 'rate'))}/s (${(mean(runs[2], 'rate') / mean(runs[1], 'rate')).toFixed(2)}×); ` +
    `CPU per article 1 thread ${f(one)} ms${url ? ` (server ${f(mean(runs[1], 'server'))})` : ''}, 2 threads ${f(two)} ms${url ? ` (server ${f(mean(runs[2], 'server'))})` : ''} of which the busiest thread (main or PGlite's) ${f(writer)}: ` +
    `${(oneInTurn / Math.max(writer, two / 2)).toFixed(2)}× at most on 2 idle cores; ` +
    `per article by thread, 1 / 2 threads: ${['main', 'pglite', 'analysis', 'helpers'].map((key) => `${key} ${f(mean(runs[1], key))} / ${f(mean(runs[2], key))} ms`).join(', ')}\n`,
)
