import { createCorpus } from '@corroborate/core'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { integer } from '../src/schemas.js'
import { createServer } from '../src/server.js'
import { seedArticles } from './helpers.js'

/**
 * Characters of the tools/list result as the server sends it (compact JSON): every client
 * puts it in the model's context on every turn. It was 42,928 before the schemas were
 * pruned (5 Dec 2026) and 28,490 after; a new tool or field must fit, or make room.
 */
const TOOLS_LIST_BUDGET = 30_000

/** The tools/list result as it went over the wire, with the tools the client read from it. */
async function toolsList() {
  const server = createServer(createCorpus(seedArticles()), { log: () => {} })
  const client = new Client({ name: 'tools-list', version: '1.0.0' })
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
  const sent: JSONRPCMessage[] = []
  const send = serverSide.send.bind(serverSide)
  serverSide.send = (message, options) => {
    sent.push(message)
    return send(message, options)
  }
  await Promise.all([server.connect(serverSide), client.connect(clientSide)])
  const { tools } = await client.listTools()
  const answer = sent.find(
    (message) => 'result' in message && Array.isArray(message.result.tools),
  ) as { result: unknown } | undefined
  await client.close()
  return { tools, wire: JSON.stringify(answer?.result) }
}

describe('tools/list', () => {
  it(`stays within ${TOOLS_LIST_BUDGET.toLocaleString('en-US')} characters`, async () => {
    const { tools, wire } = await toolsList()
    expect(tools.length).toBe(9)
    expect(wire.length).toBeLessThanOrEqual(TOOLS_LIST_BUDGET)
  })

  it('gives every tool an object outputSchema, inlined (no $ref) and without safe-integer bounds', async () => {
    const { tools } = await toolsList()
    for (const tool of tools) {
      expect(tool.outputSchema?.type, tool.name).toBe('object')
      const schema = JSON.stringify(tool.outputSchema)
      // Several MCP clients fail to resolve references in tool schemas.
      expect(schema, tool.name).not.toContain('$ref')
      // z.number().int() would state ±(2^53 − 1) on every integer field; integer() does not.
      expect(schema, tool.name).not.toContain(String(Number.MAX_SAFE_INTEGER))
    }
  })
})

describe('integer', () => {
  it('accepts what z.number().int() accepts, and nothing else', () => {
    const values = [0, -3, 42, 2 ** 53 - 1, 2 ** 53, 1.5, -0.1, Number.NaN, Infinity, '1', null]
    for (const value of values)
      expect(integer().safeParse(value).success, String(value)).toBe(
        z.number().int().safeParse(value).success,
      )
  })

  it('is {"type":"integer"} in JSON Schema, its description kept', () => {
    expect(z.toJSONSchema(integer().describe('Quotes.'), { io: 'output' })).toMatchObject({
      type: 'integer',
      description: 'Quotes.',
    })
    const shape = z.toJSONSchema(z.object({ n: integer().optional() }), { io: 'output' })
    expect(shape.properties?.n).toEqual({ type: 'integer' })
  })
})
