import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { analyseStory, openStore, type Store, type StoryInput } from '@corroborate/store'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AddArticleInput } from '../src/article-store.js'
import type { createStoredArticles as CreateStoredArticles } from '../src/stored-articles.js'
import { builtServer, SEEDS } from './helpers.js'

// The built server's module: its worker is a file beside it.
let createStoredArticles: typeof CreateStoredArticles
let scratch: string

beforeAll(async () => {
  const server = join(dirname(builtServer()), 'server.js')
  ;({ createStoredArticles } = await import(pathToFileURL(server).href))
  scratch = mkdtempSync(join(tmpdir(), 'corroborate-story-budget-'))
}, 300_000)

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

// The five seed reports of one event: each joins the story the first started.
const seeds: AddArticleInput[] = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({
    id: name.replace(/\.txt$/, ''),
    content: readFileSync(join(SEEDS, name), 'utf8'),
    format: 'text',
    metadata: {},
  }))

const decode = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes))

/** The story's analysis computed now from what the store holds, as the worker makes it. */
async function analysedNow(store: Store, story: string) {
  return decode(analyseStory((await store.storyInput(story)) as StoryInput).json.analysis)
}

describe('a story over the budget', () => {
  it('is not cross-referenced by the add that joins it, but once after the adds or when read, as it would have been', async () => {
    const dir = join(scratch, 'store')
    // A story within the budget: each add waits for its cross-reference.
    let store = await openStore({ dataDir: dir })
    let stored = createStoredArticles(store, { warm: false })
    const first = await stored.add(seeds[0] as AddArticleInput)
    const second = await stored.add(seeds[1] as AddArticleInput)
    if ('refused' in first || 'refused' in second) throw new Error('refused')
    const story = first.story?.id as string
    expect(second.story?.id).toBe(story)
    expect(second.pending).toBeUndefined()
    expect(await store.staleStories()).toEqual([])
    const size = (await store.analysedSize(story)) as { quotes: number; claims: number }
    expect(size.quotes + size.claims).toBeGreaterThan(0)
    await stored.close()

    // The same story, now over a budget just below it: a hand-made shape of a huge story.
    const overBudget = async (idleMs: number) => {
      store = await openStore({ dataDir: dir })
      stored = createStoredArticles(store, {
        warm: false,
        storyBudget: size.quotes + size.claims - 1,
        idleMs,
      })
    }
    await overBudget(60_000)
    try {
      for (const seed of seeds.slice(2, 4)) {
        const added = await stored.add(seed)
        if ('refused' in added) throw new Error(added.refused)
        expect(added.story?.id).toBe(story)
        expect(added.story?.articles).toHaveLength(seeds.indexOf(seed) + 1)
        expect(added.pending).toBe(true)
        // Committed and answered; its story left as it was analysed before.
        expect(await store.staleStories()).toEqual([story])
        expect(await store.analysedSize(story)).toEqual(size)
      }
      // Read on its own, it is cross-referenced first: all four articles, as computed now.
      const quotes = await stored.reader.quotes({ story }, { offset: 0, limit: 500 })
      expect(await store.staleStories()).toEqual([])
      expect(new Set(quotes.items.map((q) => q.article))).toEqual(
        new Set(seeds.slice(0, 4).map((s) => s.id)),
      )
      expect(await storedAnalysis(store, story)).toEqual(await analysedNow(store, story))
    } finally {
      await stored.close()
    }

    // With no add for `idleMs` after the last, it is cross-referenced once, unread.
    await overBudget(500)
    try {
      const last = await stored.add(seeds[4] as AddArticleInput)
      if ('refused' in last) throw new Error(last.refused)
      expect(last.story?.articles).toHaveLength(5)
      expect(last.pending).toBe(true)
      await vi.waitFor(async () => expect(await store.staleStories()).toEqual([]), {
        timeout: 120_000,
        interval: 200,
      })
      expect(await storedAnalysis(store, story)).toEqual(await analysedNow(store, story))
    } finally {
      await stored.close()
    }
  }, 300_000)
})

/** The story's stored analysis, as JSON reads it back. */
async function storedAnalysis(store: Store, story: string) {
  return JSON.parse(JSON.stringify(await store.storyAnalysis(story)))
}
