import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { createStoryIndex } from '@corroborate/core'
import {
  analyseStory,
  prepareArticle,
  type StoryAnalysis,
  type StoryPieces,
  serializeArticle,
  storedAnalysisText,
} from '@corroborate/store'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type StoryMessage, storyMessages, storyReceiver } from '../src/story-messages.js'
import { builtServer, seedArticles } from './helpers.js'

// The worker a server over a store analyses in, as built: warmed on the seeds at start, it
// keeps nothing of them and then analyses an article as a cold one does.
let worker: Worker

beforeAll(() => {
  worker = new Worker(join(dirname(builtServer()), 'store-worker.js'))
}, 120_000)

afterAll(async () => {
  await worker.terminate()
})

const ask = (request: unknown) =>
  new Promise<Record<string, unknown>>((resolve) => {
    worker.once('message', resolve)
    worker.postMessage(request)
  })

const RAIL = `Night trains return to the valley line

The regional operator will run two night trains a week from March, its director Ana Ferreira said on Monday. "The valley has waited twenty years for this," she said.`

describe('store worker', () => {
  it('warms on the seeds, then prepares an article as it would have cold', async () => {
    const cold = new Worker(join(dirname(builtServer()), 'store-worker.js'))
    const coldReply = await new Promise<Record<string, unknown>>((resolve) => {
      cold.once('message', resolve)
      cold.postMessage({ type: 'prepare', input: { content: RAIL, format: 'text', metadata: {} } })
    })
    await cold.terminate()
    expect(await ask({ type: 'warm' })).toEqual({ type: 'warmed', articles: 5 })
    const warmReply = await ask({
      type: 'prepare',
      input: { content: RAIL, format: 'text', metadata: {} },
    })
    expect(warmReply.type).toBe('prepared')
    expect(warmReply).toEqual(coldReply)
  }, 120_000)
})

/** `text` cut at these positions (any, a surrogate pair's halves apart included). */
const cut = (text: string, at: readonly number[]) => {
  const ends = [...new Set(at.map((n) => n % (text.length + 1)))].sort((a, b) => a - b)
  return [...ends, text.length].map((end, n) => text.slice(n === 0 ? 0 : ends[n - 1], end))
}

describe('a story sent in pieces', () => {
  it('comes back whole, completed by its last message only', () => {
    const text = fc.string({ unit: 'binary', maxLength: 300 })
    const texts = fc.array(fc.tuple(text, fc.array(fc.nat(), { maxLength: 6 })), { maxLength: 6 })
    fc.assert(
      fc.property(texts, texts, (articles, analyses) => {
        const story = { id: 'st-1', articles: articles.map((_, n) => `a${n}`) }
        const pieces = {
          story,
          revision: '3',
          articles: articles.map(([t, at]) => cut(t, at)),
          analyses: analyses.map(([t, at]) => cut(t, at)),
        } as unknown as StoryPieces
        const receiver = storyReceiver()
        const messages = [...storyMessages(pieces)]
        const got = messages.map((message) => receiver.take(message))
        expect(got.slice(0, -1).every((input) => input === undefined)).toBe(true)
        expect(got.at(-1)).toEqual({
          story,
          revision: '3',
          articles: articles.map(([t]) => t),
          analyses: analyses.map(([t]) => t),
        })
      }),
      { numRuns: 300 },
    )
    // Texts of megabytes go in messages of a few pieces each, in order.
    const large = 'ж'.repeat(700_000)
    const at = Array.from({ length: 10 }, (_, n) => n * 65_536)
    const pieces = {
      story: { id: 'st-2', articles: ['a0'] },
      revision: '1',
      articles: [cut(large, at)],
      analyses: [cut(`{${large}}`, at)],
    } as unknown as StoryPieces
    const messages = [...storyMessages(pieces)]
    expect(messages.length).toBeGreaterThan(5)
    const receiver = storyReceiver()
    const got = messages.map((message) => receiver.take(message))
    expect(got.at(-1)).toMatchObject({ articles: [large], analyses: [`{${large}}`] })
  })

  it('is analysed by the worker as the joined input is', async () => {
    const decoder = new TextDecoder()
    const text = (bytes: Uint8Array) => decoder.decode(bytes)
    const prepared = seedArticles().map((article) =>
      serializeArticle(prepareArticle({ content: article.text, format: 'text', id: article.id })),
    )
    const index = createStoryIndex()
    for (const p of prepared) index.add(p.profile)
    const story = index.stories().find((s) => s.articles.length > 1) ?? index.stories()[0]
    if (!story) throw new Error('the seeds make no story')
    const members = story.articles.map((id) => prepared.find((p) => p.id === id))
    const input = {
      story,
      revision: '2',
      articles: members.map((p) => text(p?.json.article as Uint8Array)),
      analyses: members.map((p) =>
        storedAnalysisText({
          quotes: text(p?.json.quotes as Uint8Array),
          speakers: text(p?.json.speakers as Uint8Array),
          claims: text(p?.json.claims as Uint8Array),
        }),
      ),
    }
    // Cut every 997 characters: pieces and messages of several each.
    const every = (t: string) =>
      cut(
        t,
        Array.from({ length: t.length / 997 }, (_, n) => n * 997),
      )
    const pieces: StoryPieces = {
      ...input,
      articles: input.articles.map(every),
      analyses: input.analyses.map(every),
    }
    const reply = new Promise<{ type: string; analysis: StoryAnalysis }>((resolve) =>
      worker.once('message', resolve),
    )
    const messages: StoryMessage[] = [...storyMessages(pieces)]
    expect(messages.length).toBeGreaterThan(1)
    for (const message of messages) worker.postMessage(message)
    const { type, analysis } = await reply
    expect(type).toBe('analysed')
    expect(analysis).toEqual(analyseStory(input))
  }, 120_000)
})
