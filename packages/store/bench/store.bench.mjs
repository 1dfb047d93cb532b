#!/usr/bin/env node
// The store on disk (PGlite), at a size: ingest rate with 1 and 2 analysis threads, restart
// (open to the first answer of a read a tool makes: the stories, a search) with its RSS,
// add p95 with the store full (analysis, story assignment, commit), and search p95.
// Articles: the core's retold corpus (packages/core/bench/retold-corpus.mjs: real text,
// retold per article, no text repeated). Restart is measured in a fresh process.
// With --database URL (a scratch PostgreSQL database: its tables are dropped), the ingest
// rate into a server too: 1 and 2 threads, and two processes at once on disjoint halves.
// usage: node bench/store.bench.mjs [--size N] [--quick] [--write] [--keep DIR] [--database URL]
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { writeSection } from '../../core/bench/benchmarks-md.mjs'
import { retoldCorpus, sourceStories } from '../../core/bench/retold-corpus.mjs'
import { ingest, openStore } from '../dist/index.js'

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    quick: { type: 'boolean' },
    write: { type: 'boolean' },
    keep: { type: 'string' },
    restart: { type: 'string' },
    database: { type: 'string' },
    'ingest-child': { type: 'string' },
  },
})
// Articles no run stored before (a store kept with --keep has the last run's): new each run.
const FRESH = 1_000_000 + (Date.now() % 1_000_000) * 64
const p95 = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length * 0.95)] ?? 0
const ms = (x) => `${Math.round(x)} ms`

if (values['ingest-child']) {
  // The child half of the two-process ingest: articles [offset, offset + count) into the server.
  const [offset, count] = values['ingest-child'].split(':').map(Number)
  const { stories } = await sourceStories()
  const store = await openStore({ url: values.database })
  await ingest(store, retoldCorpus(stories, count, { offset }))
  await store.close()
  process.exit(0)
}

if (values.restart) {
  // The child half: open an existing store, answer a first read, report time and RSS.
  const start = performance.now()
  const store = await openStore({ dataDir: values.restart })
  const opened = performance.now() - start
  const stories = await store.stories()
  const first = performance.now() - start
  const hits = await store.search('said')
  const searched = performance.now() - start
  const rss = process.memoryUsage().rss
  // The first add after a restart restores the story index from the stored memberships.
  // A retold article may repeat a stored text (a short source kept whole): the first new one.
  let firstAdd = null
  for (const source of retoldCorpus((await sourceStories()).stories, 20, { offset: FRESH })) {
    const addStart = performance.now()
    const { added } = await store.addArticle(source)
    if (added) {
      firstAdd = performance.now() - addStart
      break
    }
  }
  await store.close()
  process.stdout.write(
    JSON.stringify({
      opened,
      first,
      searched,
      rss,
      stories: stories.length,
      hits: hits.items.length,
      firstAdd,
      rssAfterAdd: process.memoryUsage().rss,
    }),
  )
  process.exit(0)
}

const size = Number(values.size ?? (values.quick ? 500 : 10_000))
const { stories } = await sourceStories()
const sources = retoldCorpus(stories, size)
const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'corroborate-store-bench-'))
const log = (line) => process.stderr.write(`${line}\n`)

// Ingest rate: the same first articles into two fresh stores, 1 and 2 threads.
const sample = sources.slice(0, Math.min(300, size))
const rate = {}
for (const workers of [1, 2]) {
  const scratch = mkdtempSync(join(tmpdir(), 'corroborate-store-rate-'))
  const store = await openStore({ dataDir: scratch })
  const start = performance.now()
  await ingest(store, sample, { workers })
  rate[workers] = sample.length / ((performance.now() - start) / 1000)
  await store.close()
  rmSync(scratch, { recursive: true, force: true })
  log(`ingest --workers ${workers}: ${rate[workers].toFixed(1)} articles/s (${sample.length})`)
}

const server = {}
if (values.database) {
  const { default: pg } = await import('pg')
  const wipe = async () => {
    const client = new pg.Client({ connectionString: values.database })
    await client.connect()
    await client.query(
      'DROP TABLE IF EXISTS story_items, story_texts, article_parts, story_analyses, passages, story_members, stories, analyses, articles, corroborate_migrations CASCADE',
    )
    await client.end()
  }
  for (const workers of [1, 2]) {
    await wipe()
    const store = await openStore({ url: values.database })
    const start = performance.now()
    await ingest(store, sample, { workers })
    server[workers] = sample.length / ((performance.now() - start) / 1000)
    await store.close()
    log(`PostgreSQL ingest --workers ${workers}: ${server[workers].toFixed(1)} articles/s`)
  }
  await wipe()
  // Create the schema once, so the two processes do not both start by migrating.
  await (await openStore({ url: values.database })).close()
  const half = Math.floor(sample.length / 2)
  const start = performance.now()
  await Promise.all(
    [0, half].map(
      (offset) =>
        new Promise((resolve, reject) => {
          const child = spawn(
            process.execPath,
            [
              fileURLToPath(import.meta.url),
              '--database',
              values.database,
              '--ingest-child',
              `${offset}:${half}`,
            ],
            { stdio: 'inherit' },
          )
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))))
        }),
    ),
  )
  server.processes = (half * 2) / ((performance.now() - start) / 1000)
  log(`PostgreSQL ingest, two processes: ${server.processes.toFixed(1)} articles/s`)
  await wipe()
}

// Fill the store (2 threads), then time adds and searches with it full. A store kept by an
// earlier run (--keep DIR) that holds the corpus already is reused: its fill is not timed.
let store = await openStore({ dataDir: dir })
const reused = (await store.count()) >= size * 0.9
const fillStart = performance.now()
let shown = 0
if (!reused)
  await ingest(store, sources, {
    workers: 2,
    onProgress: (done, total) => {
      if (done - shown >= total / 10) {
        shown = done
        log(`filled ${done}/${total} (${Math.round((performance.now() - fillStart) / 1000)} s)`)
      }
    },
  })
const fill = (performance.now() - fillStart) / 1000
const stored = await store.count()
await store.close()

const restart = JSON.parse(
  spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--restart', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).stdout,
)
log(`restart: ${JSON.stringify(restart)}`)

store = await openStore({ dataDir: dir })
const extra = retoldCorpus(stories, 41, { offset: FRESH + 100 })
await store.addArticle(extra[0]) // the story index's replay, measured above
const adds = []
for (const source of extra.slice(1)) {
  const start = performance.now()
  const { added } = await store.addArticle(source)
  if (added) adds.push(performance.now() - start)
}
const words = [
  'prison',
  'said',
  '"the president"',
  'police',
  'Bukele',
  'million',
  'court ruling',
  'election',
  'minister said',
  'fire',
  // Names (a capital letter: speakers' names too), a two-word name, words no article has.
  'Trump',
  'Nayib Bukele',
  'John Smith',
  'Mr',
  'Guterres',
  'flibbertigibbet',
]
const searches = []
for (let round = 0; round < 10; round++)
  for (const word of words) {
    const start = performance.now()
    await store.search(word, { limit: 20 })
    searches.push(performance.now() - start)
  }
const count = await store.count()
await store.close()
if (!values.keep) rmSync(dir, { recursive: true, force: true })

const row = (name, value, target) => `| ${name} | ${value} | ${target} |`
const table = [
  '| measure | value | target (issue 16) |',
  '| --- | --- | --- |',
  row(
    'store filled (2 threads)',
    reused
      ? `${stored} stored, kept from an earlier run (not timed here)`
      : `${stored} stored of ${size} retold (the others repeat a text or have no body) in ${Math.round(fill)} s (${(size / fill).toFixed(1)}/s)`,
    '',
  ),
  row('restart: open the store', ms(restart.opened), ''),
  row(
    `restart: open to the first answer (\`stories()\`, ${restart.stories} stories)`,
    ms(restart.first),
    '≤ 3 s',
  ),
  row('restart: open to a search answered', ms(restart.searched), ''),
  row('RSS after open and first answers', `${Math.round(restart.rss / 1e6)} MB`, '≤ 500 MB'),
  row(
    'first add after a restart (restores the story index from stored memberships)',
    ms(restart.firstAdd),
    '',
  ),
  row('RSS after that add', `${Math.round(restart.rssAfterAdd / 1e6)} MB`, ''),
  row(`add p95 (${adds.length} adds, ${count} stored at the end)`, ms(p95(adds)), '≤ 300 ms'),
  row(`search p95 (${searches.length} searches, limit 20)`, ms(p95(searches)), '≤ 50 ms'),
  row('ingest rate, 1 thread (300 articles, fresh store)', `${rate[1].toFixed(1)}/s`, ''),
  row(
    'ingest rate, 2 threads',
    `${rate[2].toFixed(1)}/s (${(rate[2] / rate[1]).toFixed(2)}×)`,
    '≥ 1.7×',
  ),
  ...(values.database
    ? [
        row('PostgreSQL server: ingest rate, 1 thread', `${server[1].toFixed(1)}/s`, ''),
        row(
          'PostgreSQL server: ingest rate, 2 threads',
          `${server[2].toFixed(1)}/s (${(server[2] / server[1]).toFixed(2)}×)`,
          '≥ 1.7×',
        ),
        row(
          'PostgreSQL server: two ingest processes at once (disjoint halves)',
          `${server.processes.toFixed(1)}/s (${(server.processes / server[1]).toFixed(2)}×)`,
          '',
        ),
      ]
    : []),
].join('\n')
process.stdout.write(`${table}\n`)

if (values.write) {
  const load = (await import('node:os')).loadavg()[0].toFixed(1)
  writeSection(
    'store',
    `PGlite on disk, ${size} retold articles, Node ${process.version}, on a 2-core machine shared with other work (load average ${load} at the end).\n\n${table}`,
    '## Store (`packages/store/bench/store.bench.mjs`)',
  )
}
