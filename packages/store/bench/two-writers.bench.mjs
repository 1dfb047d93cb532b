#!/usr/bin/env node
/*
 * Two `corroborate ingest --database URL` processes at once against one process (issue 16:
 * "the same 10,000 articles into PostgreSQL from two processes at once: same stories and
 * disputes as one process"). Writes N retold articles to disk (each a .txt file with a .json
 * sidecar for its date and outlet), then, each into a fresh database on the server of URL:
 *   one     the real CLI, one process, on the directory;
 *   two     two processes started at once on the same directory: each article is stored once,
 *           by whichever process gets to it first, but both analyse every article;
 *   halves  (with --halves) two processes at once on disjoint halves of the files.
 * Then compares each with `one`: the articles by content hash (files of the same content are
 * one article, under the id of the file stored first: said apart); stories as sets of articles
 * (a story's id is made by the process that started it, so ids may differ: a story is named here
 * by its smallest article id); each story's cross-reference (clusters, slots, disputes, updates;
 * ids scoped by the story and article ids mapped to what does not depend on the run) as
 * canonical JSON, and where that differs, up to the order the story's articles were added in;
 * the totals. Prints the differences, the wall times, rates and the ingest processes' CPU (read
 * from /proc: Linux only), and the load. Needs a PostgreSQL server whose URL may create
 * databases (.ci/start-postgres.sh starts one); the databases are dropped at the end unless
 * --keep. Build first (`pnpm build`): it runs apps/cli/dist and packages/store/dist. Exits 1
 * when a store differs. Not part of `npm test`: 10,000 articles take about 15 min on 2 cores.
 * usage: node bench/two-writers.bench.mjs --database URL [--size N] [--workers N] [--halves] [--keep]
 */
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { describeSources, retoldCorpus, sourceStories } from '../../core/bench/retold-corpus.mjs'
import { openStore } from '../dist/index.js'

const text = { type: 'string' }
const flag = { type: 'boolean' }
const { values } = parseArgs({
  options: { database: text, size: text, workers: text, halves: flag, keep: flag },
})
if (!values.database) {
  process.stderr.write(
    'usage: node bench/two-writers.bench.mjs --database URL [--size N] [--workers N] [--halves] [--keep]\n',
  )
  process.exit(2)
}
const size = Number(values.size ?? 1000)
const workers = String(values.workers ?? 1)
const CLI = fileURLToPath(new URL('../../../apps/cli/dist/main.js', import.meta.url))
const log = (line) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`)

// 1. The articles on disk.
const { stories: told, read } = await sourceStories()
const dir = mkdtempSync(join(tmpdir(), 'corroborate-two-writers-'))
const files = []
for (const { id, content, metadata } of retoldCorpus(told, size)) {
  const path = join(dir, `${id}.txt`)
  writeFileSync(path, content)
  writeFileSync(join(dir, `${id}.json`), JSON.stringify(metadata))
  files.push(path)
}
log(`${size} retold articles from ${describeSources(read)} in ${dir}`)

// 2-3. Fresh databases, filled by the CLI.
const admin = async (sql) => {
  const client = new pg.Client({ connectionString: values.database })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
const base = `corroborate_two_writers_${randomBytes(4).toString('hex')}`
const urlOf = (name) => {
  const at = new URL(values.database)
  at.pathname = `/${name}`
  return at.toString()
}
// A process's CPU (user + system, ms), read from /proc while it runs: the last reading is kept.
const TICK = 100 // clock ticks per second in /proc (CLK_TCK)
const cpuOf = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return ((Number(f[11]) + Number(f[12])) / TICK) * 1000
  } catch {
    return null
  }
}
const ingestProcess = (url, paths) =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(
      process.execPath,
      [CLI, 'ingest', ...paths, '--database', url, '--workers', workers, '--no-progress'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let cpu = 0
    const poll = setInterval(() => {
      cpu = cpuOf(child.pid) ?? cpu
    }, 100)
    let err = ''
    child.stderr.on('data', (chunk) => {
      err += chunk
    })
    // 4: some files refused (a retold article may keep no paragraph); said in the last line.
    child.on('exit', (code) => {
      clearInterval(poll)
      if (code === 0 || code === 4)
        resolve({ wall: performance.now() - started, cpu, said: err.trim().split('\n').pop() })
      else reject(new Error(`ingest exited ${code}: ${err}`))
    })
  })
const runs = [
  { name: 'one', lists: [[dir]] },
  { name: 'two', lists: [[dir], [dir]] },
  ...(values.halves
    ? [{ name: 'halves', lists: [files.slice(0, size / 2), files.slice(size / 2)] }]
    : []),
]
const f = (x, digits = 1) => x.toFixed(digits)
for (const run of runs) {
  run.url = urlOf(`${base}_${run.name}`)
  await admin(`CREATE DATABASE ${base}_${run.name}`)
  const load = loadavg()[0]
  const started = performance.now()
  run.processes = await Promise.all(run.lists.map((paths) => ingestProcess(run.url, paths)))
  run.wall = performance.now() - started
  run.cpu = run.processes.reduce((sum, p) => sum + p.cpu, 0)
  run.load = (load + loadavg()[0]) / 2
  log(
    `${run.name}: ${run.lists.length} process(es), ${f(run.wall / 1000)} s, ${f((size / run.wall) * 1000)} articles/s, load ${f(run.load)}; ` +
      run.processes
        .map((p) => `${f(p.wall / 1000)} s, CPU ${f(p.cpu / 1000)} s: ${p.said}`)
        .join(' | '),
  )
}

// 4. What each store holds, with story ids replaced by names that do not depend on who made them.
const canonical = (value) =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, canonical(value[key])]),
        )
      : value
// The same, up to order: ids numbered in the order the story's articles were added lose their
// numbers (slots and clusters, `story#s3`; names, `the-executive-order-2`), and every list is
// sorted. What stays different is what the core takes from the first article that has it
// (a dispute's example quote, the articles a summary names).
const unordered = (value) =>
  Array.isArray(value)
    ? value
        .map((item) => JSON.stringify(unordered(item)))
        .sort()
        .map((item) => JSON.parse(item))
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, unordered(value[key])]),
        )
      : typeof value === 'string'
        ? value
            .replace(/^story#([a-z]+)\d+$/, 'story#$1')
            .replace(/^([a-z0-9]+(?:-[a-z0-9]+)*)-\d+$/, '$1-N')
        : value
const sha = (text) => createHash('sha256').update(text).digest('hex')
// Articles are matched by content hash: files of the same content are one article, stored
// under the id of whichever came first, which may differ between runs (said apart, not a
// difference). A story is the set of its articles' hashes, named by its smallest article id.
async function contents(url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const { rows } = await client.query('SELECT id, content_hash FROM articles')
  await client.end()
  const hashOf = new Map(rows.map((row) => [row.id, row.content_hash]))
  const idOf = new Map(rows.map((row) => [row.content_hash, row.id]))
  const store = await openStore({ url })
  try {
    const stories = new Map()
    for (const story of await store.stories()) {
      const ids = [...story.articles].sort()
      const members = ids.map((id) => hashOf.get(id)).sort()
      const { stories: _described, ...analysis } = await store.storyAnalysis(story.id)
      // Ids scoped by the story, and article ids, replaced by what does not depend on the run.
      let json = JSON.stringify(canonical(analysis)).split(story.id).join('story')
      for (const id of [...ids].sort((a, b) => b.length - a.length))
        json = json.split(id).join(`#${hashOf.get(id).slice(0, 16)}`)
      stories.set(members.join(), {
        name: `story(${ids[0]})`,
        members,
        hash: sha(json),
        loose: sha(JSON.stringify(unordered(JSON.parse(json)))),
        json,
      })
    }
    return { rows: rows.length, hashOf, idOf, stories, totals: await store.totals() }
  } finally {
    await store.close()
  }
}
function differences(one, other) {
  const out = []
  if (other.rows !== other.hashOf.size)
    out.push(`${other.rows - other.hashOf.size} duplicate article rows`)
  let elsewhere = 0
  for (const [hash, id] of one.idOf)
    if (!other.idOf.has(hash)) out.push(`article ${id} (${hash.slice(0, 12)}) absent`)
    else if (other.idOf.get(hash) !== id) elsewhere++
  for (const [hash, id] of other.idOf)
    if (!one.idOf.has(hash)) out.push(`article ${id} (${hash.slice(0, 12)}) only here`)
  const storyOf = new Map()
  let placed = 0
  for (const story of other.stories.values())
    for (const hash of story.members) {
      storyOf.set(hash, story)
      placed++
    }
  if (placed !== storyOf.size) out.push(`${placed - storyOf.size} articles in more than one story`)
  let same = 0
  let reordered = 0
  let regrouped = 0
  for (const [key, story] of one.stories) {
    const twin = other.stories.get(key)
    if (twin) {
      if (twin.hash === story.hash) same++
      else if (twin.loose === story.loose) reordered++
      else out.push(`${story.name}: same articles, another cross-reference`)
      continue
    }
    regrouped++
    const split = new Map()
    for (const hash of story.members) {
      const there = storyOf.get(hash)
      const label = there ? `${there.name} (of ${there.members.length})` : 'none'
      split.set(label, (split.get(label) ?? 0) + 1)
    }
    out.push(
      `${story.name} (${story.members.length} articles) is here: ${[...split].map(([label, k]) => `${k} in ${label}`).join(', ')}`,
    )
  }
  const a = JSON.stringify(canonical(one.totals))
  const b = JSON.stringify(canonical(other.totals))
  if (a !== b) out.push(`totals ${a} / ${b}`)
  return { out, same, reordered, regrouped, elsewhere }
}

const held = new Map()
for (const run of runs) held.set(run.name, await contents(run.url))
const one = held.get('one')
const clusters = [...one.stories.values()].reduce(
  (n, s) => n + JSON.parse(s.json).clusters.length,
  0,
)
process.stdout.write(
  `${size} retold articles (${describeSources(read)}), --workers ${workers} each, PostgreSQL ${values.database.replace(/\/\/[^@]*@/, '//')}:\n` +
    `one process: ${one.idOf.size} articles, ${one.stories.size} stories, ${clusters} clusters (one-article ones included); totals ${JSON.stringify(one.totals)}\n`,
)
let failed = false
for (const run of runs) {
  const line = `${run.name}: ${run.lists.length} process(es), wall ${f(run.wall / 1000)} s, ${f((size / run.wall) * 1000)} articles/s (${f(runs[0].wall / run.wall, 2)}× one), CPU of the ingest processes ${f(run.cpu / size)} ms per article, load ${f(run.load)}; ${run.processes.map((p) => p.said.replace(/^corroborate: /, '')).join(' | ')}`
  if (run.name === 'one') {
    process.stdout.write(`${line}\n`)
    continue
  }
  const { out, same, reordered, regrouped, elsewhere } = differences(one, held.get(run.name))
  failed ||= out.length > 0
  process.stdout.write(
    `${line}\n  against one: ${same} of ${one.stories.size} stories identical (articles and cross-reference), ${reordered} the same but for order (articles added in another order: lists and the numbers of slots and clusters follow it), ${regrouped} not found (split or merged); ${elsewhere} articles of the same content stored under another file's id; ${out.length} differences${out.length ? ':' : ''}\n` +
      out
        .slice(0, 40)
        .map((line) => `    ${line}\n`)
        .join('') +
      (out.length > 40 ? `    … ${out.length - 40} more\n` : ''),
  )
}
if (!values.keep) {
  for (const run of runs) await admin(`DROP DATABASE IF EXISTS ${base}_${run.name} WITH (FORCE)`)
  rmSync(dir, { recursive: true, force: true })
} else log(`kept: ${dir}, databases ${runs.map((run) => `${base}_${run.name}`).join(', ')}`)
process.exitCode = failed ? 1 : 0
