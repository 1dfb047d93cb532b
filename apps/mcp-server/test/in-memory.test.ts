import { createCorpus, normalizeArticle } from '@corroborate/core'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import { describe, expect, it } from 'vitest'
import { createServer } from '../src/server.js'

async function connect() {
  const corpus = createCorpus([
    normalizeArticle({
      id: 'a',
      content: 'Mayor Tom Baker opened the bridge on Monday.\n\n“We finished on time,” Baker said.',
    }),
  ])
  const server = createServer(corpus, { log: () => {} })
  const client = new Client({ name: 'test', version: '1.0.0' })
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
  await Promise.all([server.connect(serverSide), client.connect(clientSide)])
  return client
}

describe('mcp server over an in-memory transport', () => {
  it('lists sources with their quote counts', async () => {
    const client = await connect()
    const result = await client.callTool({ name: 'list_sources', arguments: {} })
    expect(result.isError).toBeFalsy()
    expect(result.structuredContent).toMatchObject({
      sources: [{ id: 'a', quotes: 1 }],
      total: 1,
    })
    expect(JSON.parse((result.content as Array<{ text: string }>)[0]?.text ?? '')).toEqual(
      result.structuredContent,
    )
  })

  it('tells the model how to recover from an unknown article id', async () => {
    const client = await connect()
    const result = await client.callTool({ name: 'get_article', arguments: { id: 'nope' } })
    expect(result.isError).toBe(true)
    expect((result.content as Array<{ text: string }>)[0]?.text).toContain('list_sources')
  })

  it('finds a quote by any alias of its speaker', async () => {
    const client = await connect()
    const result = await client.callTool({
      name: 'get_quotes',
      arguments: { speaker: 'tom baker' },
    })
    expect(result.structuredContent).toMatchObject({
      quotes: [{ text: 'We finished on time,', speaker: { name: 'Tom Baker' }, article: 'a' }],
      total: 1,
    })
  })
})
