import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { joinStoryPieces } from '../src/analyse-story.js'
import {
  analyseStory,
  openStore,
  prepareArticle,
  type StoryInput,
  type StoryPieces,
} from '../src/index.js'
import { emptyStorePerTest, otherArticle, seedSources, withOpen } from './helpers.js'

const CHILD = fileURLToPath(new URL('fixtures/add-child.mjs', import.meta.url))
// Pieces of 2,000 characters, one step per transaction: the seeds run together make dozens.
const SMALL = { slices: { chars: 2000, ms: 0 } }
// The read during the large add at which the child is killed (see the test).
const KILL_AT_READ = 10

const dir = emptyStorePerTest()

/** The five seeds run together as one article of about 15,000 characters. */
async function allSeeds() {
  const seeds = await seedSources()
  return {
    id: 'all-seeds',
    format: 'text' as const,
    content: seeds.map((s) => s.content).join('\n\n'),
  }
}

describe('PGlite store writing in slices', () => {
  it('answers reads between the slices of a large add, and shows the article only once it is whole', async () => {
    await withOpen(openStore({ dataDir: dir.path }, SMALL), async (store) => {
      await store.addArticle(otherArticle(1))
      const source = await allSeeds()
      const prepared = prepareArticle(source)
      let adding = true
      const added = store.addPrepared(prepared).finally(() => {
        adding = false
      })
      const during: Array<{ count: number; hits: number; sources: number }> = []
      while (adding) {
        // A turn of the event loop between reads, as between requests of a client.
        await new Promise((resolve) => setImmediate(resolve))
        const count = await store.count()
        const hits = (await store.search('Bukele')).items.length
        const sources = (await store.sources({ offset: 0, limit: 10 })).total
        if (adding) during.push({ count, hits, sources })
      }
      expect((await added).added).toBe(true)
      // In one transaction, reads asked for once it began waited for its end.
      expect(during.length).toBeGreaterThanOrEqual(3)
      expect(
        during.every((read) => read.count === 1 && read.hits === 0 && read.sources === 1),
      ).toBe(true)
      expect(await store.count()).toBe(2)
      expect((await store.search('Bukele')).items.length).toBeGreaterThan(0)

      // Read back whole from its pieces.
      const stored = await store.getArticle('all-seeds')
      expect(stored?.article).toEqual(prepared.article)
      expect(stored?.quotes).toEqual(prepared.quotes)
      expect(stored?.claims).toEqual(prepared.claims)
      expect(stored?.profile).toEqual(prepared.profile)
      const listed = (await store.sources({ offset: 1, limit: 1 })).items[0]
      expect(listed).toMatchObject({ id: 'all-seeds', label: prepared.profile.label })

      // Its story's cross-reference, in pieces too: the lists read from them are the analysis's.
      const story = stored?.story as string
      const input = (await store.storyInput(story)) as StoryInput
      expect(input.articles.map((text) => JSON.parse(text))).toEqual([prepared.article])
      // Unjoined, as a worker is sent them: the article's and its analysis's pieces, in order.
      const pieces = (await store.storyPieces(story)) as StoryPieces
      expect(pieces.articles[0]?.length).toBeGreaterThan(5)
      expect(pieces.analyses[0]?.length).toBeGreaterThan(5)
      expect(joinStoryPieces(pieces)).toEqual(input)
      const made = analyseStory(input)
      expect(made.json.analysis.length).toBeGreaterThan(2000)
      expect(await store.saveStoryAnalysis(made)).toBe(true)
      const analysis = await store.storyAnalysis(story)
      expect(analysis).toEqual(JSON.parse(new TextDecoder().decode(made.json.analysis)))
      const quotes = await store.quotes({ story }, { offset: 0, limit: 500 })
      expect(quotes.items.map((q) => q.id).sort()).toEqual(
        analysis.quotes
          .filter((q) => q.kind !== 'term')
          .map((q) => q.id)
          .sort(),
      )
      expect((await store.disputes({ story }, { offset: 0, limit: 500 })).items).toEqual(
        analysis.disputes,
      )
    })
  })

  it('leaves the store as it was before an article when killed in the middle of writing it', async () => {
    const child: ChildProcess = spawn(process.execPath, [CHILD, dir.path, '1', '--large'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr?.on('data', (chunk) => {
      stderr += chunk
    })
    const lines: string[] = []
    await new Promise<void>((resolve, reject) => {
      let buffered = ''
      let between = 0
      child.stdout?.on('data', (chunk) => {
        buffered += chunk
        for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
          lines.push(buffered.slice(0, at))
          buffered = buffered.slice(at + 1)
          // Reads answered while the article is added: the first one or two may come before
          // anything is written (its text checked and its story chosen, with PGlite, outside
          // the write); then about a hundred between its slices. Killed among those.
          if (lines.at(-1) === 'between' && ++between === KILL_AT_READ) child.kill('SIGKILL')
        }
      })
      child.on('exit', (_code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`the child was not killed: ${stderr}`)),
      )
    })
    expect(lines).toContain('added child-1')
    expect(lines).not.toContain('added all-seeds')

    const said: string[] = []
    const log = (line: string) => said.push(line)
    await withOpen(openStore({ dataDir: dir.path }, { ...SMALL, log }), async (store) => {
      expect(said).toContain(
        'removed article all-seeds, half-written when the store was last used (the process stopped)',
      )
      expect(await store.count()).toBe(1)
      expect((await store.listArticles()).items.map((a) => a.id)).toEqual(['child-1'])
      expect(await store.getArticle('all-seeds')).toBeUndefined()
      expect((await store.search('Bukele')).items).toEqual([])
      // Added again from the start: nothing of the killed attempt is in the way.
      const again = await store.addArticle(await allSeeds())
      expect(again).toMatchObject({ added: true, id: 'all-seeds' })
      expect(await store.count()).toBe(2)
    })
  }, 120_000)
})
