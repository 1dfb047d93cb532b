import { timingSafeEqual } from 'node:crypto'
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import { MAX_MESSAGE_BYTES } from './limits.js'
import { parseJson } from './parse-json.js'

/** Options of {@link serveHttp}. */
export interface ServeHttpOptions {
  port: number
  /** Address to bind; 127.0.0.1 unless the caller says otherwise. */
  host: string
  /** Largest request body accepted, in bytes (default 10 MiB, room for a web page given to add_article): larger ones get 413. */
  maxBodyBytes?: number
  /**
   * Request bodies read at once (default 4): one more gets 503 with Retry-After,
   * so that memory held by bodies stays under this times `maxBodyBytes`.
   */
  maxConcurrentBodies?: number
  /** Time to receive a request's headers, in milliseconds (default 10,000). */
  headersTimeoutMs?: number
  /** Time to receive a whole request, headers and body, in milliseconds (default 30,000); a stalled body is dropped after it. */
  requestTimeoutMs?: number
  /**
   * Bearer token a request must carry; null for none; default: the
   * CORROBORATE_MCP_TOKEN environment variable, if set.
   * @throws Error when the token is empty, which would turn authentication off unnoticed.
   */
  token?: string | null
  log: (line: string) => void
}

const json = (
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }))
}

/**
 * The request body, or null when it grows past `max` bytes. Reading stops
 * there: the caller answers 413 and closes the connection rather than take in
 * the rest.
 */
const readBody = (req: IncomingMessage, max: number): Promise<Buffer | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= max) return void chunks.push(chunk)
      req.off('data', onData)
      req.pause()
      resolve(null)
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
    // Settles nothing when the body was read; otherwise the client hung up halfway.
    req.once('close', () => reject(new Error('the client closed the connection mid-request')))
  })

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
  const token = bearerToken(options)
  // The bound address as a Host header or URL writes it: IPv6 in brackets.
  const bound = options.host.includes(':') ? `[${options.host}]` : options.host
  const guards: Guards = { localNames: ['127.0.0.1', 'localhost', '[::1]', bound], token }
  const bodies: BodyLimits = {
    maxBody: options.maxBodyBytes ?? MAX_MESSAGE_BYTES,
    maxBodies: options.maxConcurrentBodies ?? 4,
    reading: 0,
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const port = (http.address() as { port: number } | null)?.port ?? options.port
    const refusal = refusalOf(req, port, guards)
    if (refusal) return json(res, refusal.status, refusal.message, refusal.headers)
    const body = await readJsonBody(req, res, bodies)
    if (body === ANSWERED) return
    const server = makeServer()
    // No session id generator: stateless mode.
    const transport = new StreamableHTTPServerTransport({})
    res.on('close', () => {
      void transport.close()
      void server.close()
    })
    await server.connect(transport)
    await transport.handleRequest(req, res, body)
  }

  const http = createHttpServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      // How often the timeouts are checked: Node's default of 30 s would let a stalled body stay that long.
      connectionsCheckingInterval: 1000,
    },
    (req, res) => {
      // A client that hangs up mid-request must not take the server down with an unhandled rejection.
      handle(req, res).catch((error: unknown) => {
        options.log(`corroborate-mcp: ${req.method} ${req.url}: ${(error as Error).message}`)
        if (!res.headersSent) json(res, 500, 'internal error')
        else res.destroy()
      })
    },
  )
  http.on('close', () => options.log('corroborate-mcp: the HTTP server closed'))
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port, options.host, () => resolve())
  })
  const address = http.address() as { port: number }
  options.log(`corroborate-mcp: listening on http://${bound}:${address.port}/mcp`)
  return http
}

/** The token requests must carry, if any: the option's, else the environment's. */
function bearerToken(options: Pick<ServeHttpOptions, 'token'>): string | undefined {
  const token =
    options.token === undefined ? process.env.CORROBORATE_MCP_TOKEN : (options.token ?? undefined)
  if (token !== undefined && token.trim() === '')
    throw new Error(
      'the bearer token is empty: give a secret, or no token at all to serve a local address only',
    )
  return token
}

/** Who may call: the names this server answers to, and the token they must carry. */
interface Guards {
  localNames: string[]
  token: string | undefined
}

/** An answer that turns a request away. */
interface Refusal {
  status: number
  message: string
  headers?: Record<string, string>
}

/** Why a request is turned away before its body is read, or null when it may go on. */
function refusalOf(req: IncomingMessage, port: number, guards: Guards): Refusal | null {
  const { localNames, token } = guards
  if (!localNames.some((name) => req.headers.host === `${name}:${port}`))
    return { status: 403, message: `host "${req.headers.host}" is not allowed` }
  const origin = req.headers.origin
  // A browser page may call only from this server's own origin: scheme, host and port.
  if (origin !== undefined && !localNames.some((name) => origin === `http://${name}:${port}`))
    return { status: 403, message: `origin "${origin}" is not allowed` }
  if ((req.url ?? '').split('?')[0] !== '/mcp')
    return { status: 404, message: 'the MCP endpoint is /mcp' }
  if (token) {
    const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? ''
    if (!sameSecret(given, token))
      return {
        status: 401,
        message: 'a valid bearer token is required: Authorization: Bearer <token>',
        headers: { 'www-authenticate': 'Bearer realm="corroborate-mcp"' },
      }
  }
  if (req.method !== 'POST')
    return {
      status: 405,
      message: 'this server is stateless: send JSON-RPC requests with POST',
      headers: { allow: 'POST' },
    }
  return null
}

/** The largest body, how many are read at once, and how many are being read now. */
interface BodyLimits {
  maxBody: number
  maxBodies: number
  reading: number
}

/** What {@link readJsonBody} gives back once it has answered the request itself. */
const ANSWERED: unique symbol = Symbol('answered')

/**
 * The request's body parsed as JSON, or {@link ANSWERED} once a body too large, one too
 * many read at once, or not JSON, has been answered.
 */
async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  limits: BodyLimits,
): Promise<unknown> {
  const { maxBody, maxBodies } = limits
  const tooLarge = () => {
    json(res, 413, `the request is larger than ${maxBody} bytes`, { connection: 'close' })
    return ANSWERED
  }
  if (Number(req.headers['content-length'] ?? 0) > maxBody) return tooLarge()
  if (limits.reading >= maxBodies) {
    json(res, 503, `the server is reading ${maxBodies} requests already; retry in a second`, {
      'retry-after': '1',
      connection: 'close',
    })
    return ANSWERED
  }
  limits.reading++
  let raw: Buffer | null
  try {
    raw = await readBody(req, maxBody)
  } finally {
    limits.reading--
  }
  if (raw === null) return tooLarge()
  try {
    return await parseJson(raw)
  } catch {
    json(res, 400, 'the request body is not JSON')
    return ANSWERED
  }
}
