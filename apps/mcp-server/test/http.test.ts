import type { Server } from 'node:http'
import { request } from 'node:http'
import { createCorpus, normalizeArticle } from '@corroborate/core'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveHttp } from '../src/http.js'
import { createServer } from '../src/server.js'
import { INITIALIZE } from './helpers.js'

const corpus = createCorpus([
  normalizeArticle({
    id: 'a',
    content: 'Mayor Tom Baker opened the bridge on Monday.\n\n“We finished on time,” Baker said.',
  }),
])

const MCP_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
}

interface Running {
  http: Server
  url: string
  port: number
  logs: string[]
}

async function start(options: { token?: string; maxBodyBytes?: number } = {}): Promise<Running> {
  const logs: string[] = []
  const http = await serveHttp(() => createServer(corpus, { log: (line) => logs.push(line) }), {
    port: 0,
    host: '127.0.0.1',
    log: (line) => logs.push(line),
    // An explicit null turns the environment's token off for the tests that set none.
    token: options.token ?? null,
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  })
  const address = http.address()
  if (address === null || typeof address === 'string') throw new Error('not listening on a port')
  return { http, port: address.port, url: `http://127.0.0.1:${address.port}/mcp`, logs }
}

async function stop(running: Running) {
  running.http.closeAllConnections()
  await new Promise((resolve) => running.http.close(resolve))
}

async function connect(url: string, headers: Record<string, string> = {}) {
  const client = new Client({ name: 'test', version: '1.0.0' })
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }),
  )
  return client
}

/**
 * A raw request through node:http, which (unlike fetch) lets a test set the
 * Host header; resolves to the status and the body.
 */
function raw(
  port: number,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/mcp',
        method: options.method ?? 'POST',
        headers: options.headers ?? {},
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        )
      },
    )
    // The server may answer and close before a large body is all sent.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
    )
    req.end(options.body)
  })
}

const errorMessage = (body: string) =>
  (JSON.parse(body) as { error: { message: string } }).error.message

describe('mcp server over Streamable HTTP', () => {
  let running: Running
  beforeAll(async () => {
    running = await start()
  })
  afterAll(async () => {
    await stop(running)
  })

  it('listens on the port the system chose and says where', () => {
    expect(running.port).toBeGreaterThan(0)
    expect(running.logs).toContain(`corroborate-mcp: listening on ${running.url}`)
  })

  it('serves a real client: lists tools and calls them', async () => {
    const client = await connect(running.url)
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name)).toEqual(
      expect.arrayContaining(['list_sources', 'get_article', 'get_quotes']),
    )
    const sources = await client.callTool({ name: 'list_sources', arguments: {} })
    expect(sources.structuredContent).toMatchObject({ sources: [{ id: 'a', quotes: 1 }], total: 1 })
    const quotes = await client.callTool({ name: 'get_quotes', arguments: { speaker: 'baker' } })
    expect(quotes.structuredContent).toMatchObject({
      quotes: [{ text: 'We finished on time,', speaker: { name: 'Tom Baker' } }],
    })
    const missing = await client.callTool({ name: 'get_article', arguments: { id: 'nope' } })
    expect(missing.isError).toBe(true)
    await client.close()
  })

  it('serves requests one after another and side by side, each on a fresh server', async () => {
    const clients = await Promise.all([connect(running.url), connect(running.url)])
    const results = await Promise.all(
      clients.flatMap((client) =>
        [1, 2, 3].map(() => client.callTool({ name: 'get_article', arguments: { id: 'a' } })),
      ),
    )
    for (const result of results) expect(result.structuredContent).toMatchObject({ id: 'a' })
    await Promise.all(clients.map((client) => client.close()))
  })

  it('answers a raw initialize on localhost and [::1]-style Host names', async () => {
    for (const host of [`127.0.0.1:${running.port}`, `localhost:${running.port}`]) {
      const res = await raw(running.port, {
        headers: { ...MCP_HEADERS, host },
        body: JSON.stringify(INITIALIZE),
      })
      expect(res.status).toBe(200)
      expect(res.body).toContain('"serverInfo"')
    }
  })

  it('refuses a foreign Host header with 403 (DNS rebinding)', async () => {
    for (const host of ['evil.example.com', `evil.example.com:${running.port}`, '127.0.0.1:1']) {
      const res = await raw(running.port, {
        headers: { ...MCP_HEADERS, host },
        body: JSON.stringify(INITIALIZE),
      })
      expect(res.status).toBe(403)
      expect(errorMessage(res.body)).toContain('is not allowed')
    }
  })

  it('refuses a foreign Origin with 403 and accepts a local one', async () => {
    for (const origin of ['http://evil.example.com', 'null', 'http://127.0.0.1.evil.example.com']) {
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { ...MCP_HEADERS, origin },
        body: JSON.stringify(INITIALIZE),
      })
      expect(res.status).toBe(403)
      expect(errorMessage(await res.text())).toContain('origin')
    }
    const local = await fetch(running.url, {
      method: 'POST',
      headers: { ...MCP_HEADERS, origin: `http://localhost:${running.port}` },
      body: JSON.stringify(INITIALIZE),
    })
    expect(local.status).toBe(200)
    await local.text()
  })

  it('answers GET and DELETE with 405: there is no session to stream or end', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(running.url, { method, headers: MCP_HEADERS })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('POST')
      expect(errorMessage(await res.text())).toContain('POST')
    }
  })

  it('answers a body that is not JSON with 400', async () => {
    const res = await fetch(running.url, { method: 'POST', headers: MCP_HEADERS, body: '{nope' })
    expect(res.status).toBe(400)
    expect(errorMessage(await res.text())).toContain('not JSON')
  })

  it('survives a client that hangs up halfway through its request', async () => {
    const logged = running.logs.length
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port: running.port,
        path: '/mcp',
        method: 'POST',
        headers: { ...MCP_HEADERS, 'content-length': '500' },
      })
      req.on('error', () => resolve())
      req.write('{"jsonrpc":"2.0",')
      setTimeout(() => {
        req.destroy()
        resolve()
      }, 50)
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(running.logs.slice(logged).join('\n')).toMatch(/POST \/mcp: (aborted|the client closed)/)
    const client = await connect(running.url)
    expect((await client.listTools()).tools.length).toBeGreaterThan(0)
    await client.close()
  })

  it('answers another path with 404', async () => {
    const res = await fetch(running.url.replace('/mcp', '/other'), { method: 'POST' })
    expect(res.status).toBe(404)
    expect(errorMessage(await res.text())).toContain('/mcp')
  })
})

describe('request size cap', () => {
  let running: Running
  beforeAll(async () => {
    running = await start({ maxBodyBytes: 1000 })
  })
  afterAll(async () => {
    await stop(running)
  })

  const big = JSON.stringify({ ...INITIALIZE, padding: 'x'.repeat(5000) })

  it('answers a body over the cap with 413, declared length or not', async () => {
    const declared = await fetch(running.url, { method: 'POST', headers: MCP_HEADERS, body: big })
    expect(declared.status).toBe(413)
    expect(errorMessage(await declared.text())).toContain('1000 bytes')
    const chunked = await raw(running.port, {
      headers: {
        ...MCP_HEADERS,
        host: `127.0.0.1:${running.port}`,
        'transfer-encoding': 'chunked',
      },
      body: big,
    })
    expect(chunked.status).toBe(413)
  })

  it('still serves requests under the cap', async () => {
    const client = await connect(running.url)
    const result = await client.callTool({ name: 'list_sources', arguments: {} })
    expect(result.structuredContent).toMatchObject({ total: 1 })
    await client.close()
  })

  it('caps the default at 10 MiB', async () => {
    const other = await start()
    try {
      const res = await fetch(other.url, {
        method: 'POST',
        headers: MCP_HEADERS,
        body: JSON.stringify({ ...INITIALIZE, padding: 'x'.repeat(10 * 1024 * 1024) }),
      })
      expect(res.status).toBe(413)
      await res.text()
    } finally {
      await stop(other)
    }
  })
})

describe('bearer token', () => {
  let running: Running
  beforeAll(async () => {
    running = await start({ token: 's3cret-token' })
  })
  afterAll(async () => {
    await stop(running)
  })

  it('refuses a missing or wrong token with 401 and a WWW-Authenticate header', async () => {
    for (const authorization of [undefined, 'Bearer wrong', 'Bearer s3cret-toke', 's3cret-token']) {
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { ...MCP_HEADERS, ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(INITIALIZE),
      })
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
      expect(errorMessage(await res.text())).toContain('bearer token')
    }
  })

  it('serves a client that carries the token', async () => {
    const client = await connect(running.url, { authorization: 'Bearer s3cret-token' })
    const result = await client.callTool({ name: 'list_sources', arguments: {} })
    expect(result.structuredContent).toMatchObject({ total: 1 })
    await client.close()
  })

  it('checks the Host before the token: a rebinding page learns nothing', async () => {
    const res = await raw(running.port, {
      headers: { ...MCP_HEADERS, host: 'evil.example.com' },
      body: JSON.stringify(INITIALIZE),
    })
    expect(res.status).toBe(403)
  })

  it('takes the token from CORROBORATE_MCP_TOKEN when none is given', async () => {
    const before = process.env.CORROBORATE_MCP_TOKEN
    process.env.CORROBORATE_MCP_TOKEN = 'from-env'
    try {
      const http = await serveHttp(() => createServer(corpus, { log: () => {} }), {
        port: 0,
        host: '127.0.0.1',
        log: () => {},
      })
      const other: Running = {
        http,
        port: (http.address() as { port: number }).port,
        url: `http://127.0.0.1:${(http.address() as { port: number }).port}/mcp`,
        logs: [],
      }
      try {
        const without = await fetch(other.url, {
          method: 'POST',
          headers: MCP_HEADERS,
          body: JSON.stringify(INITIALIZE),
        })
        expect(without.status).toBe(401)
        await without.text()
        const client = await connect(other.url, { authorization: 'Bearer from-env' })
        await client.close()
      } finally {
        await stop(other)
      }
    } finally {
      if (before === undefined) delete process.env.CORROBORATE_MCP_TOKEN
      else process.env.CORROBORATE_MCP_TOKEN = before
    }
  })
})
