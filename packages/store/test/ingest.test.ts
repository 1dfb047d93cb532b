import type { CrossReference } from '@corroborate/core'
import { describe, expect, it } from 'vitest'
import { copyEmptyStore, otherArticle, seedSources, tempDir, withOpen } from './helpers.js'

// The built package (npm test builds it first): ingest's threads load dist/prepare-worker.js.
// Imported by URL, so that type-checking does not need a build.
const { ingest, openStore }: typeof import('../src/index.js') = await import(
  new URL('../dist/index.js', import.meta.url).href
)

/** Runs `use` on an empty store on disk (a copy, see copyEmptyStore), removed after. */
async function withEmptyStore(
  use: (store: Awaited<ReturnType<typeof openStore>>) => Promise<void>,
) {
  const dir = await tempDir()
  try {
    await copyEmptyStore(dir.path)
    await withOpen(openStore({ dataDir: dir.path }), use)
  } finally {
    await dir.remove()
  }
}

describe('ingest', () => {
  it('stores the same articles and stories with two analysis threads as with none, and reports refusals', async () => {
    const sources = [
      ...(await seedSources()),
      otherArticle(1),
      { content: '\n \n', id: 'blank' },
      otherArticle(2),
      otherArticle(1),
    ]
    const results: string[][][] = []
    const analyses: CrossReference[][] = []
    for (const workers of [1, 2]) {
      await withEmptyStore(async (store) => {
        const refused: string[] = []
        const progress: number[] = []
        const summary = await ingest(store, sources, {
          workers,
          onProblem: (source) => refused.push(source.id ?? ''),
          onProgress: (done) => progress.push(done),
        })
        // Then the two stories they make are cross-referenced, on the same threads.
        expect(summary).toEqual({ added: 7, unchanged: 1, refused: 1, stories: 2 })
        expect(await store.staleStories()).toEqual([])
        expect(refused).toEqual(['blank'])
        expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
        const stories = await store.stories()
        results.push(stories.map((s) => s.articles))
        analyses.push(await Promise.all(stories.map((s) => store.storyAnalysis(s.id))))
      })
    }
    expect(results[1]).toEqual(results[0])
    expect(results[0]?.map((articles) => articles.length)).toEqual([5, 2])
    expect(analyses[1]).toEqual(analyses[0])
    expect(analyses[0]?.[0]?.disputes.length).toBeGreaterThan(0)
  })

  it('refuses a number of workers out of range', async () => {
    await withEmptyStore(async (store) => {
      await expect(ingest(store, [], { workers: 0 })).rejects.toThrow(/from 1 to 64/)
    })
  })
})
