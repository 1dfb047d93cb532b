import { timingSafeEqual } from 'node:crypto'
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'

/** Options of {@link serveHttp}. */
export interface ServeHttpOptions {
  port: number
  /** Address to bind; 127.0.0.1 unless the caller says otherwise. */
  host: string
  /** Largest request body accepted, in bytes (default 1 MiB): larger ones get 413. */
  maxBodyBytes?: number
  /** Bearer token a request must carry; default: the CORROBORATE_MCP_TOKEN environment variable, if set. */
  token?: string
  log: (line: string) => void
}

const json = (res: ServerResponse, status: number, message: string) => {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }))
}

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Serves MCP over Streamable HTTP at /mcp, statelessly (a fresh server and
 * transport per request, one shared corpus). Guards: the Host header must name
 * this server and a browser Origin must be local (DNS rebinding), an optional
 * bearer token, and a cap on the request size.
 */
export async function serveHttp(
  makeServer: () => McpServer,
  options: ServeHttpOptions,
): Promise<Server> {
  const maxBody = options.maxBodyBytes ?? 1024 * 1024
  const token = options.token ?? process.env.CORROBORATE_MCP_TOKEN
  const http = createHttpServer(async (req: IncomingMessage, res: ServerResponse) => {
    const port = (http.address() as { port: number } | null)?.port ?? options.port
    const hosts = new Set([
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::1]:${port}`,
      `${options.host}:${port}`,
    ])
    if (!hosts.has(req.headers.host ?? ''))
      return json(res, 403, `host "${req.headers.host}" is not allowed`)
    const origin = req.headers.origin
    if (origin !== undefined) {
      let local = false
      try {
        const url = new URL(origin)
        local = ['127.0.0.1', 'localhost', '[::1]', options.host].includes(url.hostname)
      } catch {}
      if (!local) return json(res, 403, `origin "${origin}" is not allowed`)
    }
    if ((req.url ?? '').split('?')[0] !== '/mcp') return json(res, 404, 'the MCP endpoint is /mcp')
    if (token) {
      const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? ''
      if (!sameSecret(given, token)) return json(res, 401, 'a valid bearer token is required')
    }
    if (req.method !== 'POST')
      return json(res, 405, 'this server is stateless: send JSON-RPC requests with POST')
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > maxBody) return json(res, 413, `the request is larger than ${maxBody} bytes`)
      chunks.push(chunk as Buffer)
    }
    let body: unknown
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      return json(res, 400, 'the request body is not JSON')
    }
    const server = makeServer()
    // No session id generator: stateless mode.
    const transport = new StreamableHTTPServerTransport({})
    res.on('close', () => {
      void transport.close()
      void server.close()
    })
    try {
      await server.connect(transport)
      await transport.handleRequest(req, res, body)
    } catch (error) {
      options.log(`corroborate-mcp: ${(error as Error).message}`)
      if (!res.headersSent) json(res, 500, 'internal error')
    }
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port, options.host, () => resolve())
  })
  const address = http.address() as { port: number }
  options.log(`corroborate-mcp: listening on http://${options.host}:${address.port}/mcp`)
  return http
}
