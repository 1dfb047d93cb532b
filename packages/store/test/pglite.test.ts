import { chmod, cp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  type ArticleProfile,
  CorroborateError,
  createStoryIndex,
  type Story,
  type StoryMember,
  unpackProfile,
} from '@corroborate/core'
import { PGlite } from '@electric-sql/pglite'
import { pageinspect } from '@electric-sql/pglite/contrib/pageinspect'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { analysisVersionOf } from '../src/analysis-version.js'
import { type AddResult, ingest, openStore, prepareArticle, type Store } from '../src/index.js'
import { snapshotPath } from '../src/index-snapshot.js'
import { MIGRATIONS, SCHEMA_VERSION } from '../src/migrations.js'
import { unwritableStore } from '../src/open/lock-data-dir.js'
import type { Step } from '../src/slices.js'
import { EMPTY_WORDS_AFTER, emptyWordsPending, withWordsEmptied } from '../src/writes/word-index.js'
import { copyEmptyStore, otherArticle, seedSources, tempDir, withOpen } from './helpers.js'
import { storeSuite } from './store-suite.js'

let dir: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => {
  await dir.remove()
})

/** The store on `dir`, the lines it logs gathered; closed when `use` is done or fails. */
async function withLoggedStore(use: (store: Store, lines: string[]) => Promise<void>) {
  const lines: string[] = []
  const log = (line: string) => lines.push(line)
  await withOpen(openStore({ dataDir: dir.path }, { log }), (store) => use(store, lines))
}

describe('PGlite store on disk', () => {
  beforeEach(() => copyEmptyStore(dir.path))

  storeSuite(() => openStore({ dataDir: dir.path }))

  it('is one process’s at a time: a second open is refused while the first is open', async () => {
    await withOpen(openStore({ dataDir: dir.path }), async () => {
      await expect(openStore({ dataDir: dir.path })).rejects.toThrow(/is open in process/)
    })
    const again = await openStore({ dataDir: dir.path })
    await again.close()
  })

  it('says a directory it cannot write is not writable, rather than failing on the lock', async () => {
    const refused = Object.assign(
      new Error("EROFS: read-only file system, open '…/corroborate.lock'"),
      {
        code: 'EROFS',
      },
    )
    const error = unwritableStore('/mnt/archive/store', refused)
    expect(error).toBeInstanceOf(CorroborateError)
    expect(error?.message).toMatch(
      /^the store \/mnt\/archive\/store cannot be written \(EROFS\); a store on disk is written even to be read/,
    )
    expect(
      unwritableStore('/mnt/archive/store', Object.assign(new Error('x'), { code: 'ENOSPC' })),
    ).toBe(null)
  })

  // Root writes anywhere: only another user meets a directory without write permission.
  it.skipIf(process.getuid?.() === 0)(
    'refuses a directory without write permission with that message',
    async () => {
      await chmod(dir.path, 0o555)
      try {
        await expect(openStore({ dataDir: dir.path })).rejects.toThrow(
          /cannot be written \(EACCES\)/,
        )
      } finally {
        await chmod(dir.path, 0o755)
      }
    },
  )

  it('analyses articles of an older analysis version again when read, and says so', async () => {
    const old = await openStore({ dataDir: dir.path }, { analysisVersion: 0 })
    await old.addArticle(otherArticle(1))
    await old.close()
    await withLoggedStore(async (store, lines) => {
      expect(lines).toContain(
        '1 stored articles were analysed by an older core; each is analysed again when read',
      )
      const stored = await store.getArticle('harbour-1')
      expect(stored?.quotes.some((q) => q.speaker?.name === 'Maria Lindqvist')).toBe(true)
      expect(lines).toContain('analysed article harbour-1 again (stored at analysis version 0)')
      // Written back: the next read does not analyse it again.
      lines.length = 0
      await store.getArticle('harbour-1')
      expect(lines).toEqual([])
    })
  })
})

describe('a store opened by a newer core', () => {
  beforeEach(() => copyEmptyStore(dir.path))

  it('makes the stories of the older analyses stale, once, and analyses their articles again with them', async () => {
    const old = await openStore(
      { dataDir: dir.path },
      { analysisVersion: analysisVersionOf('0.3.9') },
    )
    await ingest(old, [otherArticle(1), otherArticle(2)])
    const [story] = await old.staleStories().then(async (stale) => {
      expect(stale).toEqual([])
      return (await old.stories()).map((s) => s.id)
    })
    await old.close()
    const newer = { analysisVersion: analysisVersionOf('0.4.0') }
    const lines: string[] = []
    await withOpen(
      openStore({ dataDir: dir.path }, { ...newer, log: (line) => lines.push(line) }),
      async (store) => {
        expect(lines).toContain(
          '2 stored articles were analysed by an older core; each is analysed again when read, and 1 stories with them are stale',
        )
        expect(await store.staleStories()).toEqual([story])
        await store.storyAnalysis(story as string)
        expect(lines).toEqual(
          expect.arrayContaining([
            'analysed article harbour-1 again (stored at analysis version 3009999001)',
            'analysed article harbour-2 again (stored at analysis version 3009999001)',
          ]),
        )
        expect(await store.staleStories()).toEqual([])
      },
    )
    lines.length = 0
    await withOpen(
      openStore({ dataDir: dir.path }, { ...newer, log: (line) => lines.push(line) }),
      async (store) => {
        expect(await store.staleStories()).toEqual([])
        expect(lines.filter((line) => /older core/.test(line))).toEqual([])
      },
    )
  })
})

describe('a store opened by cores of a prerelease and of its release', () => {
  beforeEach(() => copyEmptyStore(dir.path))

  const openAt = (coreVersion: string, lines: string[]) =>
    openStore(
      { dataDir: dir.path },
      { analysisVersion: analysisVersionOf(coreVersion), log: (line) => lines.push(line) },
    )

  it('is analysed again by the release, and never by an older prerelease', async () => {
    const lines: string[] = []
    await withOpen(openAt('0.4.0-next.1', lines), async (store) => {
      await ingest(store, [otherArticle(1)])
    })
    // An older prerelease (a second process on a server, a downgrade) keeps the newer analysis.
    await withOpen(openAt('0.4.0-next.0', lines), async (store) => {
      await store.getArticle('harbour-1')
    })
    expect(lines.filter((line) => /older core|again/.test(line))).toEqual([])
    await withOpen(openAt('0.4.0', lines), async (store) => {
      expect(lines).toContain(
        '1 stored articles were analysed by an older core; each is analysed again when read, and 1 stories with them are stale',
      )
      await store.getArticle('harbour-1')
      expect(lines).toContain(
        'analysed article harbour-1 again (stored at analysis version 4000002001)',
      )
    })
    lines.length = 0
    await withOpen(openAt('0.4.0-rc.2', lines), async (store) => {
      await store.getArticle('harbour-1')
    })
    expect(lines.filter((line) => /older core|again/.test(line))).toEqual([])
  })

  it('lets the data directory go when making the stories stale fails on open', async () => {
    await withOpen(openAt('0.3.9', []), async (store) => {
      await ingest(store, [otherArticle(1)])
    })
    const db = await PGlite.create({ dataDir: dir.path })
    await db.exec(`CREATE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'stories are read-only here'; END $$;
CREATE TRIGGER refuse_update BEFORE UPDATE ON stories FOR EACH ROW EXECUTE FUNCTION refuse_update();`)
    await db.close()
    await expect(openAt('0.4.0', [])).rejects.toThrow(/stories are read-only here/)
    // Closed and unlocked: this process opens it again (a held lock would say "is open in process").
    await withOpen(openAt('0.3.9', []), async (store) => {
      expect(await store.count()).toBe(1)
    })
  })
})

/** A PGlite store in `dir` created as the migrations up to `version` created it, as its writer left it. */
async function storeOfSchema(version: number): Promise<PGlite> {
  const db = await PGlite.create({ dataDir: dir.path })
  await db.exec(`CREATE TABLE corroborate_migrations (
  version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
  for (const step of MIGRATIONS.filter((m) => m.version <= version)) {
    await db.exec(step.sql)
    await db.query('INSERT INTO corroborate_migrations (version, name) VALUES ($1, $2)', [
      step.version,
      step.name,
    ])
  }
  return db
}

describe('PGlite store of schema 7', () => {
  it('keeps the analysis versions it held, in the digits of the core and the store apart', async () => {
    const db = await storeOfSchema(7)
    // Written as schema 7's store wrote them: 1 + major x 1,000,000 + minor x 1,000 + patch
    // (1: every store of today, at core 0.0.0), and 0 as tests wrote "older than any".
    const p = prepareArticle(otherArticle(1))
    for (const [id, version] of [
      ['at-0', 0],
      ['at-0.0.0', 1],
      ['at-0.3.9', 3010],
    ] as const) {
      await db.query(
        'INSERT INTO articles (id, content_hash, format, content, metadata) VALUES ($1, $1, $2, $3, $4::jsonb)',
        [id, p.format, p.content, JSON.stringify(p.metadata)],
      )
      await db.query(
        `INSERT INTO analyses (article_id, analysis_version, article, quotes, speakers, claims, profile)
         VALUES ($1, $2, $3::json, $4::json, $5::json, $6::json, $7::json)`,
        [
          id,
          version,
          ...[p.article, p.quotes, p.speakers, p.claims, p.profile].map((v) => JSON.stringify(v)),
        ],
      )
    }
    await db.close()
    const lines: string[] = []
    await withOpen(
      openStore(
        { dataDir: dir.path },
        { analysisVersion: analysisVersionOf('0.0.0'), log: (line) => lines.push(line) },
      ),
      async () => {
        expect(lines).toContain(
          'migrating the store to schema version 8 (analysis versions of the core and the store apart)',
        )
        expect(lines).toContain(
          '1 stored articles were analysed by an older core; each is analysed again when read',
        )
      },
    )
    const after = await PGlite.create({ dataDir: dir.path })
    try {
      const { rows } = await after.query<{ id: string; version: number }>(
        'SELECT article_id AS id, analysis_version::float8 AS version FROM analyses ORDER BY article_id',
      )
      expect(rows).toEqual([
        { id: 'at-0', version: 0 },
        { id: 'at-0.0.0', version: analysisVersionOf('0.0.0', 1) },
        { id: 'at-0.3.9', version: analysisVersionOf('0.3.9', 1) },
      ])
    } finally {
      await after.close()
    }
  })
})

describe('PGlite store of a later schema', () => {
  it("is refused as the user's situation, and its directory let go", async () => {
    // Left by a newer install (a downgrade): one step past this build's schema.
    const db = await storeOfSchema(SCHEMA_VERSION)
    await db.query("INSERT INTO corroborate_migrations (version, name) VALUES ($1, 'later')", [
      SCHEMA_VERSION + 1,
    ])
    await db.close()
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = await openStore({ dataDir: dir.path }).catch((error: unknown) => error)
      expect(refused).toBeInstanceOf(CorroborateError)
      expect(refused).toMatchObject({
        code: 'UNSUPPORTED_FORMAT',
        message: `the store's schema is at version ${SCHEMA_VERSION + 1}, this @corroborate/store knows up to ${SCHEMA_VERSION}; upgrade @corroborate/store`,
      })
    }
  })
})

describe('PGlite store of an earlier schema', () => {
  it('is migrated on open, its articles, stories and story index kept', async () => {
    // Schema 2 (jsonb everywhere), filled as its writer did: two articles of one story.
    const db = await storeOfSchema(2)
    const index = createStoryIndex()
    const prepared = [1, 2].map((n) => prepareArticle(otherArticle(n)))
    for (const p of prepared) {
      const { story, member } = index.add(p.profile)
      await db.query(
        'INSERT INTO articles (id, content_hash, format, content, metadata) VALUES ($1, $2, $3, $4, $5::jsonb)',
        [p.article.id, p.contentHash, p.format, p.content, JSON.stringify(p.metadata)],
      )
      await db.query(
        `INSERT INTO analyses (article_id, analysis_version, article, quotes, speakers, claims, profile)
         VALUES ($1, 1, $2::jsonb, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb)`,
        [
          p.article.id,
          ...[p.article, p.quotes, p.speakers, p.claims, p.profile].map((v) => JSON.stringify(v)),
        ],
      )
      await db.query(
        `INSERT INTO stories (id, story) VALUES ($1, $2::jsonb)
         ON CONFLICT (id) DO UPDATE SET story = EXCLUDED.story, revision = stories.revision + 1`,
        [story, JSON.stringify(index.story(story))],
      )
      await db.query(
        'INSERT INTO story_members (article_id, story_id, member) VALUES ($1, $2, $3::jsonb)',
        [p.article.id, story, JSON.stringify(member satisfies StoryMember)],
      )
      const names = new Map(p.speakers.map((s) => [s.id, s.name]))
      for (const q of p.quotes.filter((q) => q.kind !== 'term'))
        await db.query(
          `INSERT INTO passages (article_id, kind, ref, text, speaker, span_start, span_end)
           VALUES ($1, 'quote', $2, $3, $4, $5, $6)`,
          [
            p.article.id,
            q.id,
            q.text,
            q.speaker ? names.get(q.speaker.id) : null,
            q.span.start,
            q.span.end,
          ],
        )
    }
    await db.close()

    await withLoggedStore(async (store, lines) => {
      expect(lines).toContain(
        'migrating the store to schema version 3 (json for what is read whole)',
      )
      expect((await store.getArticle('harbour-2'))?.article).toEqual(prepared[1]?.article)
      expect(await store.stories()).toEqual(index.stories())
      // The story index comes back from the migrated profiles and memberships.
      const third = await store.addArticle(otherArticle(3))
      expect(third).toMatchObject({
        added: true,
        joined: true,
        story: { id: index.stories()[0]?.id },
      })
      expect(third.story.articles).toEqual(['harbour-1', 'harbour-2', 'harbour-3'])
      // The totals are counted once from what the store held, then kept as it grows.
      expect(lines).toContain(
        'migrating the store to schema version 7 (corpus totals kept as stories are written)',
      )
      expect(await store.totals()).toMatchObject({ articles: 3, stories: 1 })
      // Speakers' names are gathered from the stored quotes, and kept for new ones.
      expect(lines).toContain(
        'migrating the store to schema version 5 (speakers by name, short pending lists in the word index)',
      )
      const quoted = (await store.search('Maria Lindqvist')).items.filter((h) => h.kind === 'quote')
      expect(quoted.map((hit) => hit.article).sort()).toEqual([
        'harbour-1',
        'harbour-2',
        'harbour-3',
      ])
      expect(quoted.every((hit) => hit.speaker === 'Maria Lindqvist')).toBe(true)
      expect(await store.quotedIn('lindqvist')).toEqual(
        new Set(['harbour-1', 'harbour-2', 'harbour-3']),
      )
      expect(lines).toContain(
        'packed the story profiles of 2 stored articles: later restarts read them packed',
      )
    })
    // Each profile is kept packed beside its JSON, the migrated ones since that restore.
    await withOpen(PGlite.create({ dataDir: dir.path }), async (raw) => {
      const { rows } = await raw.query<{ profile: ArticleProfile; packed: string }>(
        'SELECT profile, packed_profile AS packed FROM analyses ORDER BY article_id',
      )
      expect(rows).toHaveLength(3)
      for (const { profile, packed } of rows) {
        const back = unpackProfile(Buffer.from(packed, 'base64'))
        expect(back).toMatchObject({
          article: profile.article,
          label: profile.label,
          day: profile.day,
        })
        expect(back.terms).toEqual(profile.terms.map(([term]) => term))
        expect([...back.weights]).toEqual(profile.terms.map(([, weight]) => weight))
        expect(back.shingleKeys).toHaveLength(profile.quoteShingles.length * 2)
      }
    })
  })
})

describe('PGlite store with a packed profile this core cannot read', () => {
  beforeEach(() => copyEmptyStore(dir.path))

  it('restores that article from its JSON profile and packs it again', async () => {
    await withOpen(openStore({ dataDir: dir.path }), async (store) => {
      for (const n of [1, 2]) await store.addArticle(otherArticle(n))
    })
    // Restored from the profiles, not from the index saved at close.
    await rm(snapshotPath(dir.path))
    // Cut short (as a crash or another packing version would leave it): not a packed profile.
    await withOpen(PGlite.create({ dataDir: dir.path }), async (raw) => {
      await raw.query(
        "UPDATE analyses SET packed_profile = left(packed_profile, 40) WHERE article_id = 'harbour-1'",
      )
    })
    await withLoggedStore(async (store, lines) => {
      await store.warm()
      expect(lines).toContain(
        'packed the story profiles of 1 stored articles: later restarts read them packed',
      )
      const third = await store.addArticle(otherArticle(3))
      expect(third.joined).toBe(true)
      expect(third.story.articles).toEqual(['harbour-1', 'harbour-2', 'harbour-3'])
      expect(third.story.members[2]?.closest).toMatch(/^harbour-[12]$/)
    })
    await withOpen(PGlite.create({ dataDir: dir.path }), async (raw) => {
      const { rows } = await raw.query<{ profile: ArticleProfile; packed: string }>(
        "SELECT profile, packed_profile AS packed FROM analyses WHERE article_id = 'harbour-1'",
      )
      const back = unpackProfile(Buffer.from(rows[0]?.packed as string, 'base64'))
      expect(back.terms).toEqual(rows[0]?.profile.terms.map(([term]) => term))
    })
  })
})

// Every value over 300 characters in pieces, every piece its own transaction: what a large
// article or story is stored as, read back by every query of the suite. No saved story
// index: each open restores it from the stored profiles.
describe('PGlite store on disk, writing in small slices', () => {
  beforeEach(() => copyEmptyStore(dir.path))

  storeSuite(async () => {
    await rm(snapshotPath(dir.path), { force: true })
    return openStore({ dataDir: dir.path }, { slices: { chars: 300, ms: 0 } })
  })
})

describe('PGlite store on disk, its story index saved', () => {
  beforeEach(() => copyEmptyStore(dir.path))

  /** The stories and the next article's story, opened with these log lines kept. */
  const reopen = async (lines: string[] = [], path = dir.path) => {
    let got: { stories: Story[]; next: AddResult } | undefined
    await withOpen(
      openStore({ dataDir: path }, { log: (line) => lines.push(line) }),
      async (store) => {
        await store.warm()
        const next = await store.addArticle(otherArticle(4))
        got = { stories: await store.stories(), next }
      },
    )
    return got
  }
  const fill = (numbers: number[], path = dir.path) =>
    withOpen(openStore({ dataDir: path }), async (store) => {
      for (const n of numbers) await store.addArticle(otherArticle(n))
    })
  const copyOf = async () => {
    const copy = await tempDir()
    await cp(dir.path, copy.path, { recursive: true })
    await rm(join(copy.path, 'corroborate.lock'), { force: true })
    return copy
  }
  /** What the store gives restored from its profiles alone (on a copy). */
  const fromProfiles = async () => {
    const copy = await copyOf()
    try {
      await rm(snapshotPath(copy.path), { force: true })
      return await reopen([], copy.path)
    } finally {
      await copy.remove()
    }
  }

  it('is read at the next open, with the articles added since, as the profiles give it', async () => {
    await fill([1, 2])
    expect((await stat(snapshotPath(dir.path))).size).toBeGreaterThan(100)
    // Added by a process that saved no index (killed): placed from their profiles.
    const saved = await readFile(snapshotPath(dir.path))
    await fill([3, 5])
    await writeFile(snapshotPath(dir.path), saved)
    const expected = await fromProfiles()
    const lines: string[] = []
    const got = await reopen(lines)
    expect(lines.filter((line) => /story index|packed/.test(line))).toEqual([])
    expect(got).toEqual(expected)
    expect(got?.next.story.articles).toContain('harbour-4')
  })

  it('is not used when it is not the store’s, or not a saved index', async () => {
    await fill([1, 2, 3])
    const own = await readFile(snapshotPath(dir.path))
    const expected = await fromProfiles()
    // Another store's index (of fewer articles): not these articles.
    const other = await tempDir()
    try {
      await copyEmptyStore(other.path)
      await fill([5], other.path)
      await cp(snapshotPath(other.path), snapshotPath(dir.path))
    } finally {
      await other.remove()
    }
    const lines: string[] = []
    const copy = await copyOf()
    try {
      expect(await reopen(lines)).toEqual(expected)
      expect(lines).toContain(
        'the saved story index was not used (it does not hold the articles stored up to its last one); it is restored from the stored profiles',
      )
      // Its own, cut short (as no complete write leaves it): not read either.
      await rm(dir.path, { recursive: true, force: true })
      await cp(copy.path, dir.path, { recursive: true })
      await writeFile(snapshotPath(dir.path), own.subarray(0, own.length - 8))
      lines.length = 0
      expect(await reopen(lines)).toEqual(expected)
      expect(
        lines.some((line) =>
          /^the saved story index was not used \(restoreStoryIndex expects/.test(line),
        ),
      ).toBe(true)
    } finally {
      await copy.remove()
    }
  })

  it('is dropped when a stored article is analysed again', async () => {
    const old = await openStore({ dataDir: dir.path }, { analysisVersion: 0 })
    await old.addArticle(otherArticle(1))
    await old.addArticle(otherArticle(2))
    await old.close()
    expect((await stat(snapshotPath(dir.path))).isFile()).toBe(true)
    const store = await openStore({ dataDir: dir.path })
    try {
      await store.getArticle('harbour-1')
      await expect(stat(snapshotPath(dir.path))).rejects.toThrow(/ENOENT/)
      await store.addArticle(otherArticle(3))
    } finally {
      await store.close()
    }
    // Not saved again by the process that holds the old profile.
    await expect(stat(snapshotPath(dir.path))).rejects.toThrow(/ENOENT/)
  })
})

describe('PGlite store in memory', () => {
  it('holds articles until closed', async () => {
    await withOpen(openStore({ memory: true }), async (store) => {
      expect(await store.count()).toBe(0)
      await store.addArticle(otherArticle(1))
      expect(await store.count()).toBe(1)
      expect(store.engine).toBe('pglite')
    })
  })
})

describe('the corpus totals the schema keeps', () => {
  it('are the sums over story analyses as they are inserted, replaced and deleted', async () => {
    await withOpen(PGlite.create(), async (db) => {
      for (const step of MIGRATIONS) await db.exec(step.sql)
      const write = (story: string, revision: number, speakers: string[], kinds: object) =>
        db.query(
          `INSERT INTO story_analyses (story_id, revision, clusters, disputes, quotes, claims, dispute_kinds, analysis, quotes_list, dispute_list, speakers)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, '{}', '[]', '[]', $8::jsonb)
           ON CONFLICT (story_id) DO UPDATE SET revision = EXCLUDED.revision,
             clusters = EXCLUDED.clusters, disputes = EXCLUDED.disputes, quotes = EXCLUDED.quotes,
             claims = EXCLUDED.claims, dispute_kinds = EXCLUDED.dispute_kinds, speakers = EXCLUDED.speakers`,
          [
            story,
            revision,
            revision,
            Object.values(kinds).reduce((sum, n) => sum + n, 0),
            10 * revision,
            3 * revision,
            JSON.stringify(kinds),
            // A speaker may stand twice in one story's list (it counts once).
            JSON.stringify([...speakers, ...speakers.slice(0, 1)].map((id) => ({ id }))),
          ],
        )
      // What the triggers keep, against the same counted over every row again.
      type Totals = Record<string, number> & { dispute_kinds: Record<string, number> }
      const kept = async () =>
        (
          await db.query<Totals>(
            'SELECT articles, stories, quotes, claims, clusters, speakers, dispute_kinds FROM corpus_totals',
          )
        ).rows
      const counted = async () =>
        (
          await db.query<Totals>(`SELECT
            (SELECT count(*) FROM story_members) AS articles, (SELECT count(*) FROM stories) AS stories,
            coalesce(sum(quotes), 0) AS quotes, coalesce(sum(claims), 0) AS claims,
            coalesce(sum(clusters), 0) AS clusters,
            (SELECT count(DISTINCT e->>'id') FROM story_analyses, jsonb_array_elements(speakers) e) AS speakers,
            coalesce((SELECT jsonb_object_agg(kind, n) FROM (SELECT k.key AS kind, sum(k.value::text::bigint) AS n
              FROM story_analyses, jsonb_each(dispute_kinds) k GROUP BY k.key HAVING sum(k.value::text::bigint) <> 0) AS kinds), '{}') AS dispute_kinds
            FROM story_analyses`)
        ).rows
      const same = async () => {
        const [got] = (await kept()) as [Totals]
        const [want] = await counted()
        const nonZero = (kinds: Record<string, number>) =>
          Object.fromEntries(Object.entries(kinds).filter(([, n]) => Number(n) !== 0))
        expect({ ...got, dispute_kinds: nonZero(got.dispute_kinds) }).toEqual(want)
        return got
      }
      expect(await same()).toMatchObject({ articles: 0, stories: 0, speakers: 0 })

      await db.query(
        `INSERT INTO articles (id, content_hash, format, content, metadata) VALUES ('a1', 'h1', 'text', 'x', '{}'), ('a2', 'h2', 'text', 'y', '{}')`,
      )
      await db.query(`INSERT INTO stories (id, story) VALUES ('s1', '{}'), ('s2', '{}')`)
      await db.query(
        `INSERT INTO story_members (article_id, story_id, member) VALUES ('a1', 's1', '{}'), ('a2', 's2', '{}')`,
      )
      await write('s1', 1, ['ana', 'ben'], { fact: 1 })
      await write('s2', 1, ['ben', 'cy'], { wording: 2 })
      expect(await same()).toMatchObject({ articles: 2, stories: 2, speakers: 3 })
      // Replaced: Ana quoted by no story any more, Dan by a new one, a kind gone.
      await write('s1', 2, ['ben', 'dan'], { wording: 1 })
      expect(await same()).toMatchObject({ speakers: 3, quotes: 30 })
      // A newer analysis that quotes no one; then a story's analysis and member deleted.
      await write('s2', 2, [], {})
      expect(await same()).toMatchObject({ speakers: 2 })
      await db.query(`DELETE FROM story_analyses WHERE story_id = 's1'`)
      await db.query(`DELETE FROM story_members WHERE article_id = 'a1'`)
      expect(await same()).toMatchObject({ articles: 1, speakers: 0, quotes: 20 })
    })
  })
})

describe('PGlite store, an add rehearsed', () => {
  beforeEach(() => copyEmptyStore(dir.path))

  /** What the store answers, read through its API. */
  const answers = async (store: Store) => {
    const stories = await store.stories()
    return {
      count: await store.count(),
      totals: await store.totals(),
      stories,
      analyses: await Promise.all(stories.map((story) => store.storyAnalysis(story.id))),
      sources: await store.sources({ offset: 0, limit: 50 }),
      search: await store.search('harbour'),
      stale: await store.staleStories(),
    }
  }
  /** Rows and bytes of the rehearsal copy's tables, by table. */
  const rehearsalTables = async () => {
    let found: Array<{ name: string; rows: number; bytes: number }> = []
    await withOpen(PGlite.create({ dataDir: dir.path }), async (raw) => {
      const { rows: tables } = await raw.query<{ name: string }>(
        "SELECT schemaname || '.' || tablename AS name FROM pg_tables WHERE schemaname LIKE 'corroborate_rehearsal_%' ORDER BY 1",
      )
      found = []
      for (const { name } of tables) {
        const { rows } = await raw.query<{ rows: number; bytes: number }>(
          `SELECT count(*)::int AS rows, pg_total_relation_size('${name}')::int AS bytes FROM ${name}`,
        )
        found.push({ name, rows: rows[0]?.rows ?? -1, bytes: rows[0]?.bytes ?? -1 })
      }
    })
    return found
  }

  it('changes nothing the store holds, and the next add is the same as without it', async () => {
    const seeds = await seedSources()
    await withOpen(openStore({ dataDir: dir.path }), async (store) => {
      expect(await store.rehearseAdd()).toBe(false)
      await ingest(store, [...seeds, otherArticle(1)])
    })
    const copy = await tempDir()
    try {
      await cp(dir.path, copy.path, { recursive: true })
      await rm(join(copy.path, 'corroborate.lock'), { force: true })
      let rehearsed: Awaited<ReturnType<typeof answers>> | undefined
      await withOpen(openStore({ dataDir: dir.path }), async (store) => {
        const before = await answers(store)
        expect(await store.rehearseAdd()).toBe(true)
        expect(await store.rehearseAdd()).toBe(true)
        expect(await answers(store)).toEqual(before)
        await store.addArticle(otherArticle(2))
        rehearsed = await answers(store)
      })
      let plain: Awaited<ReturnType<typeof answers>> | undefined
      await withOpen(openStore({ dataDir: copy.path }), async (store) => {
        await store.addArticle(otherArticle(2))
        plain = await answers(store)
      })
      expect(rehearsed?.count).toBe(7)
      expect(rehearsed).toEqual(plain)
    } finally {
      await copy.remove()
    }
  })

  it('keeps its copy of the tables empty, and no larger from one rehearsal to the next', async () => {
    await withOpen(openStore({ dataDir: dir.path }), async (store) => {
      await ingest(store, await seedSources())
      expect(await store.rehearseAdd()).toBe(true)
    })
    const first = await rehearsalTables()
    expect(first.map((table) => table.name)).toContain(
      `corroborate_rehearsal_${SCHEMA_VERSION}.passages`,
    )
    expect(first.every((table) => table.rows === 0)).toBe(true)
    await withOpen(openStore({ dataDir: dir.path }), async (store) => {
      for (let n = 0; n < 4; n++) expect(await store.rehearseAdd()).toBe(true)
    })
    expect(await rehearsalTables()).toEqual(first)
  })
})

describe('PGlite store, the word index kept without a pending list', () => {
  beforeEach(() => copyEmptyStore(dir.path))

  /** Entries waiting in the word index's pending list (its metapage, read by pageinspect). */
  const pendingWords = async () => {
    let tuples = -1
    await withOpen(
      PGlite.create({ dataDir: dir.path, extensions: { pageinspect } }),
      async (raw) => {
        await raw.exec('CREATE EXTENSION IF NOT EXISTS pageinspect')
        const { rows } = await raw.query<{ tuples: string }>(
          "SELECT n_pending_tuples AS tuples FROM gin_metapage_info(get_raw_page('passages_tsv', 0))",
        )
        tuples = Number(rows[0]?.tuples)
      },
    )
    return tuples
  }

  it('empties the list after each add, ordinary or in slices, and at a rehearsal', async () => {
    await withOpen(openStore({ dataDir: dir.path }), async (store) => {
      await ingest(store, await seedSources())
    })
    expect(await pendingWords()).toBe(0)
    await withOpen(
      openStore({ dataDir: dir.path }, { slices: { chars: 300, ms: 0 } }),
      async (store) => {
        await store.addArticle(otherArticle(1))
      },
    )
    expect(await pendingWords()).toBe(0)
    // An insert of the article's passages alone, as a process killed before emptying leaves it.
    await withOpen(PGlite.create({ dataDir: dir.path }), async (raw) => {
      await raw.query(
        "INSERT INTO passages (article_id, kind, text, span_start, span_end) VALUES ('harbour-1', 'sentence', 'Ferries will run every twenty minutes', 0, 10)",
      )
    })
    expect(await pendingWords()).toBeGreaterThan(0)
    await withOpen(openStore({ dataDir: dir.path }), async (store) => {
      expect(await store.rehearseAdd()).toBe(true)
    })
    expect(await pendingWords()).toBe(0)
  })

  it('empties it between slices of passages, after each run of about EMPTY_WORDS_AFTER bytes', () => {
    const slices = Array.from({ length: 20 }, () => new Uint8Array(8_000))
    const steps: Step[] = slices.map(() => async () => {})
    const out = withWordsEmptied(steps, slices)
    const emptiedAfter = out.flatMap((step, n) =>
      step === emptyWordsPending
        ? [out.slice(0, n).filter((s) => s !== emptyWordsPending).length]
        : [],
    )
    // 5 slices of 8,000 bytes are the first run of 32,768 or more.
    expect(EMPTY_WORDS_AFTER).toBe(32_768)
    expect(emptiedAfter).toEqual([5, 10, 15, 20])
    expect(out.filter((step) => step !== emptyWordsPending)).toEqual(steps)
  })
})
