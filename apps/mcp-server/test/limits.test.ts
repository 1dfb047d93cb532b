import type { Server } from 'node:http'
import { connect as connectSocket } from 'node:net'
import { Readable } from 'node:stream'
import { createCorpus, normalizeArticle } from '@corroborate/core'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { serveHttp } from '../src/http.js'
import { createInlineStore, createServer } from '../src/server.js'
import { prepareSearch, snapshotCorpus } from '../src/snapshot-corpus.js'
import { limitLines, type OversizeMessage } from '../src/stdio-limit.js'
import { seedArticles } from './helpers.js'

/** The lines `json`, each ended by a newline, cut into chunks of the sizes `cuts` gives in turn. */
function cutIntoChunks(json: readonly string[], cuts: readonly number[]): Buffer[] {
  const bytes = Buffer.from(json.map((j) => `${j}\n`).join(''))
  const chunks: Buffer[] = []
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = cuts[i % cuts.length] ?? 1
    chunks.push(bytes.subarray(at, at + size))
    at += size
  }
  return chunks
}

/** Feeds `chunks` through limitLines; resolves to the lines let through and the ones refused. */
async function framed(chunks: Buffer[], max: number) {
  const refused: OversizeMessage[] = []
  const out: string[] = []
  const lines = limitLines(Readable.from(chunks), max, (message) => refused.push(message))
  for await (const chunk of lines) out.push((chunk as Buffer).toString('utf8'))
  return { out, refused }
}

describe('limitLines: stdio messages whole, oversize ones refused', () => {
  it('any lines cut into any chunks: each line under the limit whole, each over it told with its id', async () => {
    const line = fc.record({
      id: fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.string({ maxLength: 8 })),
      pad: fc.string({ unit: 'grapheme', maxLength: 300 }),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 40, max: 400 }),
        async (messages, cuts, max) => {
          const json = messages.map((m) =>
            JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { pad: m.pad }, id: m.id }),
          )
          const chunks = cutIntoChunks(json, cuts)
          const { out, refused } = await framed(chunks, max)
          const small = json.filter((j) => Buffer.byteLength(j) <= max)
          expect(out).toEqual(small.map((j) => `${j}\n`))
          const large = messages.filter((_, i) => Buffer.byteLength(json[i] ?? '') > max)
          expect(refused).toEqual(
            large.map((m) => ({
              bytes: Buffer.byteLength(
                JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { pad: m.pad }, id: m.id }),
              ),
              id: m.id,
            })),
          )
        },
      ),
      { numRuns: 200 },
    )
  })

  it('lines over `large.bytes` go to its take, after the lines before them and before the lines after', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ maxLength: 60 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 40 }),
        async (texts, cuts, largeBytes) => {
          const json = texts.map((text) => JSON.stringify({ text }))
          const chunks = cutIntoChunks(json, cuts)
          const seen: string[] = []
          const take = async (line: Buffer) => {
            await new Promise((resolve) => setTimeout(resolve, 1))
            seen.push(`large ${line.toString('utf8')}`)
          }
          const lines = limitLines(Readable.from(chunks), 1000, () => {}, {
            large: { bytes: largeBytes, take },
          })
          for await (const chunk of lines) seen.push(`small ${(chunk as Buffer).toString('utf8')}`)
          expect(seen).toEqual(
            json.map((j) => (Buffer.byteLength(j) > largeBytes ? `large ${j}` : `small ${j}\n`)),
          )
        },
      ),
      { numRuns: 100 },
    )
  })

  it('reads an id written first, and says null when neither end shows one', async () => {
    const first = `{"jsonrpc":"2.0","id":"a-1","method":"tools/call","params":{"x":"${'y'.repeat(2000)}"}}`
    const none = `{"method":"tools/call","params":{"x":"${'y'.repeat(2000)}"}}`
    const { out, refused } = await framed([Buffer.from(`${first}\n${none}\n{"ok":1}\n`)], 1000)
    expect(out).toEqual(['{"ok":1}\n'])
    expect(refused.map((r) => r.id)).toEqual(['a-1', null])
  })
})

describe('snapshotCorpus: reads as the core corpus does', () => {
  it('search, stories and analysis equal the core corpus’s over the seeds', () => {
    const corpus = createCorpus(seedArticles())
    const snapshot = snapshotCorpus(corpus.articles, corpus.analysis())
    expect(snapshot.stories()).toEqual(corpus.stories())
    for (const article of corpus.articles)
      expect(snapshot.storyOf(article.id)).toBe(corpus.storyOf(article.id))
    const words = corpus.articles.flatMap((a) => a.text.split(/\s+/).slice(0, 40))
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words, '"', 'zzz'), { maxLength: 3 }), (parts) => {
        const query = parts.join(' ')
        expect(snapshot.search(query)).toEqual(corpus.search(query))
      }),
      { numRuns: 150 },
    )
    expect(() => snapshot.add(corpus.articles[0] as never)).toThrow(/snapshot/)
  })
})

describe('snapshotCorpus: search entries built in steps', () => {
  it('finds what the core corpus finds once prepareSearch has built them a few hundred at a time', async () => {
    const long = normalizeArticle({
      id: 'long',
      content: Array.from(
        { length: 400 },
        (_, i) =>
          `Official ${i} said on Monday that “the river rose ${i % 7} inches overnight.” The mayor of town ${i % 11} said the levee would hold.`,
      ).join('\n\n'),
    })
    const corpus = createCorpus([...seedArticles(), long])
    const snapshot = snapshotCorpus(corpus.articles, corpus.analysis())
    expect(long.sentences.length).toBeGreaterThan(600)
    await prepareSearch(snapshot)
    for (const query of ['river', 'levee hold', '"the mayor"', 'inches', 'said', 'zzz', 'Monday'])
      expect(snapshot.search(query)).toEqual(corpus.search(query))
  })
})

describe('answers cut by size', () => {
  it('list_sources of articles with the longest titles allowed stays under 25,000 characters and pages on', async () => {
    const articles = Array.from({ length: 60 }, (_, i) =>
      normalizeArticle({
        id: `long-${i}`,
        content: `The council of town ${i} met on Monday and voted ${i} to ${i + 1} on the budget.`,
        metadata: {
          title: `${'Long headline '.repeat(40)}${i}`.slice(0, 500),
          outlet: 'O'.repeat(200),
        },
      }),
    )
    const server = createServer(createInlineStore(createCorpus(articles)))
    const [a, b] = InMemoryTransport.createLinkedPair()
    await server.connect(b)
    const client = new Client({ name: 'limits-test', version: '1.0.0' })
    await client.connect(a)
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const result = await client.callTool({
        name: 'list_sources',
        arguments: { limit: 100, ...(cursor ? { cursor } : {}) },
      })
      const text = JSON.stringify(result.structuredContent)
      expect(text.length).toBeLessThan(25_000)
      const data = result.structuredContent as {
        sources: Array<{ id: string }>
        nextCursor?: string
      }
      seen.push(...data.sources.map((s) => s.id))
      cursor = data.nextCursor
      pages++
    } while (cursor)
    expect(seen).toEqual(articles.map((a) => a.id))
    expect(pages).toBeGreaterThan(1)
    await client.close()
  })
})

describe('get_article of a page with a caption of 90,000 characters', () => {
  it('clips the caption, so that the default answer stays under 25,000 characters', async () => {
    const html = `<html><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1><p>Mayor Dana Cole opened the bridge on Monday after two years of work, officials said.</p><figure><img src="a.jpg"><figcaption>${'A long caption of the bridge. '.repeat(3000)}</figcaption></figure><p>“It is done,” Cole said at the ceremony on Monday afternoon.</p></article></body></html>`
    const article = normalizeArticle({ id: 'captioned', content: html, format: 'html' })
    expect(article.captions[0]?.text.length).toBeGreaterThan(80_000)
    const server = createServer(createCorpus([article]))
    const [a, b] = InMemoryTransport.createLinkedPair()
    await server.connect(b)
    const client = new Client({ name: 'limits-test', version: '1.0.0' })
    await client.connect(a)
    const result = await client.callTool({ name: 'get_article', arguments: { id: 'captioned' } })
    expect(JSON.stringify(result.structuredContent).length).toBeLessThan(25_000)
    const captions = (result.structuredContent as { captions: Array<{ text: string }> }).captions
    expect(captions[0]?.text).toMatch(/^A long caption of the bridge\..*…$/)
    expect(captions[0]?.text.length).toBe(300)
    await client.close()
  })
})

/** Opens a raw connection and sends the start of a POST whose body never comes in full. */
function stalledPost(
  port: number,
  declared: number,
): Promise<{ text: string; closedAfter: number }> {
  return new Promise((resolve) => {
    const started = Date.now()
    const socket = connectSocket(port, '127.0.0.1')
    let text = ''
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8')
    })
    socket.on('close', () => resolve({ text, closedAfter: Date.now() - started }))
    socket.on('error', () => {})
    socket.write(
      `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: ${declared}\r\n\r\n{"jsonrpc":`,
    )
  })
}

describe('HTTP memory: bodies read at once and their time are bounded', () => {
  it('a body over the concurrent limit gets 503, stalled bodies are dropped in seconds, the server answers on', async () => {
    const corpus = createCorpus(seedArticles())
    const store = createInlineStore(corpus)
    const logs: string[] = []
    const http: Server = await serveHttp(() => createServer(store, { log: () => {} }), {
      port: 0,
      host: '127.0.0.1',
      token: null,
      log: (line) => logs.push(line),
      maxConcurrentBodies: 2,
      headersTimeoutMs: 1000,
      requestTimeoutMs: 2000,
    })
    const port = (http.address() as { port: number }).port
    try {
      const stalled = [stalledPost(port, 5_000_000), stalledPost(port, 5_000_000)]
      await new Promise((resolve) => setTimeout(resolve, 300))
      const third = await stalledPost(port, 5_000_000)
      expect(third.text).toMatch(/^HTTP\/1\.1 503/)
      expect(third.text.toLowerCase()).toContain('retry-after: 1')
      const dropped = await Promise.all(stalled)
      // Dropped by the request timeout (2 s), checked every second: well under Node's default of 300 s.
      for (const { closedAfter } of dropped) expect(closedAfter).toBeLessThan(6000)
      const client = new Client({ name: 'limits-test', version: '1.0.0' })
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`)),
      )
      const sources = await client.callTool({ name: 'list_sources', arguments: {} })
      expect((sources.structuredContent as { total: number }).total).toBe(corpus.articles.length)
      await client.close()
    } finally {
      http.closeAllConnections()
      await new Promise((resolve) => http.close(resolve))
    }
  }, 300_000)

  it('refuses an empty token rather than serving without one', async () => {
    await expect(
      serveHttp(() => createServer(createCorpus()), {
        port: 0,
        host: '127.0.0.1',
        token: ' ',
        log: () => {},
      }),
    ).rejects.toThrow(/bearer token is empty/)
  })
})
