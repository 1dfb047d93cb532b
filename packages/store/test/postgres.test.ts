import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { CrossReference } from '@corroborate/core'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store, type StoreTotals } from '../src/index.js'
import { withOpen } from './helpers.js'
import { storeSuite } from './store-suite.js'

// A PostgreSQL server to test against: .ci/run starts one and sets this.
const SERVER = process.env.CORROBORATE_TEST_DATABASE_URL
const CHILD = fileURLToPath(new URL('fixtures/add-child.mjs', import.meta.url))

async function reachable(url: string | undefined): Promise<boolean> {
  if (!url) return false
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

const available = await reachable(SERVER)
if (!available)
  process.stderr.write(
    `@corroborate/store: skipped the PostgreSQL server suite: ${SERVER ? `${SERVER} cannot be reached` : 'CORROBORATE_TEST_DATABASE_URL is not set'} (.ci/run starts a server and sets it)\n`,
  )

/** Runs SQL on the server's own database (to create and drop the tests' databases). */
async function admin(sql: string) {
  const client = new pg.Client({ connectionString: SERVER })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

let url = ''
let name = ''
beforeEach(async () => {
  if (!available) return
  name = `corroborate_${randomBytes(6).toString('hex')}`
  await admin(`CREATE DATABASE ${name}`)
  const at = new URL(SERVER as string)
  at.pathname = `/${name}`
  url = at.toString()
})
afterEach(async () => {
  if (available && name) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
})

function addFrom(count: number): Promise<string[]> {
  const child = spawn(process.execPath, [CHILD, url, String(count)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk) => {
    out += chunk
  })
  child.stderr.on('data', (chunk) => {
    err += chunk
  })
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(out.split('\n')) : reject(new Error(`child exited ${code}: ${err}`)),
    ),
  )
}

describe.skipIf(!available)('PostgreSQL server store', () => {
  storeSuite(() => openStore({ url }))

  describe('with every value over 300 characters in pieces (one transaction still)', () => {
    storeSuite(() => openStore({ url }, { slices: { chars: 300 } }))
  })

  it('two processes adding the same articles at once store each once, in the stories, clusters and disputes one process makes', async () => {
    const [a, b] = await Promise.all([addFrom(24), addFrom(24)])
    expect(a).toContain('done')
    expect(b).toContain('done')
    // Each story's cross-reference: clusters, slots, disputes, updates (made from the stored articles).
    // Not the stories' own descriptions: why an article joined (its closest member, the score)
    // and the label are read against norms cached by corpus size, which a process that caught
    // up with another's adds may hold at other sizes (README: "a score may differ by ~0.003");
    // which articles each story holds is compared apart.
    const disputesOf = async (store: Store) => {
      const out: Record<string, Omit<CrossReference, 'stories'>> = {}
      for (const story of await store.stories()) {
        const { stories: _described, ...analysis } = await store.storyAnalysis(story.id)
        out[story.id] = analysis
      }
      return out
    }
    const store = await openStore({ url })
    let together: string[][]
    let disputes: Record<string, Omit<CrossReference, 'stories'>>
    let totals: StoreTotals
    try {
      disputes = await disputesOf(store)
      // Kept by the triggers of both writers, read once every story is analysed.
      totals = await store.totals()
      expect(totals.articles).toBe(24)
      const found = Object.values(disputes)
      expect(found.flatMap((a) => a.clusters).length).toBeGreaterThan(0)
      expect(
        found.flatMap((a) => [...a.disputes, ...a.updates, ...a.slots]).length,
      ).toBeGreaterThan(0)
      expect(await store.count()).toBe(24)
      together = (await store.stories()).map((s) => s.articles)
      expect(together.flat().sort()).toEqual(
        Array.from({ length: 24 }, (_, i) => `child-${i + 1}`).sort(),
      )
    } finally {
      await store.close()
    }
    // The same articles from one process, into a fresh database.
    await admin(`DROP DATABASE ${name} WITH (FORCE)`)
    await admin(`CREATE DATABASE ${name}`)
    await addFrom(24)
    await withOpen(openStore({ url }), async (alone) => {
      expect((await alone.stories()).map((s) => s.articles)).toEqual(together)
      expect(await disputesOf(alone)).toEqual(disputes)
      expect(await alone.totals()).toEqual(totals)
    })
  })
})
