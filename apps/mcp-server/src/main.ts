#!/usr/bin/env node
import { stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { createWorkerStore } from './article-store.js'
import { DEFAULT_ANALYSIS_BUDGET_MS, MAX_MESSAGE_BYTES } from './limits.js'
import { describePathError, loadCorpus, SEEDS_DIR } from './load-corpus.js'
import { createServer } from './server.js'
import { limitLines } from './stdio-limit.js'

const USAGE =
  'usage: corroborate-mcp [--corpus PATH]... [--analysis-timeout SECONDS] [--http [--port N] [--host ADDR] [--allow-unauthenticated]]'
// stdout carries the protocol: every line of ours goes to stderr.
const log = (line: string) => process.stderr.write(`${line}\n`)
// However the process ends (stdin closed, a signal, a crash), the last line on stderr says so.
let exitTold = false
process.on('exit', (code) => {
  if (!exitTold) log(`corroborate-mcp: exiting with code ${code}`)
})
function quietExit(code: number): never {
  exitTold = true
  process.exit(code)
}
function usageError(message: string): never {
  log(`corroborate-mcp: ${message}\n${USAGE}`)
  quietExit(2)
}

let flags: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      http: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-unauthenticated': { type: 'boolean' },
      'analysis-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
}
try {
  flags = parse()
} catch (error) {
  usageError((error as Error).message)
}
if (flags.values.help) {
  log(USAGE)
  quietExit(0)
}
const port = Number(flags.values.port ?? 3333)
if (!Number.isInteger(port) || port < 0 || port > 65535)
  usageError(`--port takes a port number from 0 to 65535, not "${flags.values.port}"`)
if (
  !flags.values.http &&
  (flags.values.port !== undefined ||
    flags.values.host !== undefined ||
    flags.values['allow-unauthenticated'] !== undefined)
)
  usageError('--port, --host and --allow-unauthenticated go with --http')
const budgetSeconds = Number(flags.values['analysis-timeout'] ?? DEFAULT_ANALYSIS_BUDGET_MS / 1000)
if (!Number.isFinite(budgetSeconds) || budgetSeconds <= 0 || budgetSeconds > 3600)
  usageError(
    `--analysis-timeout takes seconds from above 0 to 3600, not "${flags.values['analysis-timeout']}"`,
  )
const envToken = process.env.CORROBORATE_MCP_TOKEN
// An empty token would silently turn authentication off.
if (envToken !== undefined && envToken.trim() === '')
  usageError(
    'CORROBORATE_MCP_TOKEN is set but empty; set it to a secret, or unset it to run without a token on a local address',
  )
const host = flags.values.host ?? '127.0.0.1'
const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|localhost|::1|\[::1\])$/i
if (
  flags.values.http &&
  !LOOPBACK.test(host) &&
  !envToken &&
  !flags.values['allow-unauthenticated']
)
  usageError(
    `--host ${host} lets other machines call the server, and anyone who can reach it could add articles: set CORROBORATE_MCP_TOKEN to a secret that clients send as a bearer token, or pass --allow-unauthenticated if the network is trusted`,
  )

// A --corpus path that is not there is a mistake on the command line, as in the CLI.
for (const path of flags.values.corpus ?? [])
  await stat(path).catch((error: unknown) =>
    usageError(`--corpus ${path}: ${describePathError(error)}`),
  )

// Ctrl-C or a supervisor stopping a long load: stop between two articles and say so.
const loading = new AbortController()
const cancel = () => loading.abort(new Error('cancelled'))
process.once('SIGINT', cancel)
process.once('SIGTERM', cancel)

// Progress only for big corpora, every tenth of the way.
const PROGRESS_OVER = 100
let shown = 0
const onProgress = (done: number, total: number) => {
  if (total <= PROGRESS_OVER) return
  const tenths = Math.floor((done * 10) / total)
  if (tenths > shown) {
    shown = tenths
    log(`corroborate-mcp: loading ${tenths * 10}% (${done}/${total} articles)`)
  }
}

const paths = flags.values.corpus ?? [fileURLToPath(SEEDS_DIR)]
const corpus = await loadCorpus(paths, {
  onProblem: (problem) => log(`corroborate-mcp: skipped ${problem}`),
  onProgress,
  signal: loading.signal,
}).catch((error: unknown) => {
  if (!loading.signal.aborted) throw error
  log('corroborate-mcp: loading cancelled')
  quietExit(130)
})
process.off('SIGINT', cancel)
process.off('SIGTERM', cancel)
if (corpus.articles.length > PROGRESS_OVER)
  log(`corroborate-mcp: cross-referencing ${corpus.articles.length} articles`)
const analysis = corpus.analysis()
log(
  `corroborate-mcp: ${corpus.articles.length} articles, ${analysis.quotes.filter((q) => q.kind !== 'term').length} quotes, ${analysis.disputes.length} disputes`,
)
if (corpus.articles.length === 0)
  log('corroborate-mcp: the corpus is empty; add_article can fill it')
// Articles added by clients are analysed in a worker thread: reads go on meanwhile.
const store = createWorkerStore(corpus, { budgetMs: budgetSeconds * 1000, log })
if (flags.values.http) {
  const { serveHttp } = await import('./http.js')
  await serveHttp(() => createServer(store), {
    port,
    host,
    log,
    ...(envToken === undefined ? {} : { token: envToken }),
  }).catch((error: Error) => {
    log(`corroborate-mcp: cannot listen on ${host}:${port}: ${error.message}`)
    quietExit(1)
  })
} else {
  const server = createServer(store)
  // Each message whole, and one too large for the transport answered with an error instead of ending the session.
  const input = limitLines(process.stdin, MAX_MESSAGE_BYTES, ({ bytes, id }) => {
    log(
      `corroborate-mcp: refused a message of ${bytes.toLocaleString('en-US')} bytes, over the ${MAX_MESSAGE_BYTES.toLocaleString('en-US')} that stdio takes`,
    )
    const error = {
      code: -32600,
      message: `the message is ${bytes.toLocaleString('en-US')} bytes, over the ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB (${MAX_MESSAGE_BYTES.toLocaleString('en-US')} bytes of UTF-8 JSON) this server takes over stdio; nothing was done. Send a smaller article: only the story’s text rather than the whole page`,
    }
    process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id, error })}\n`)
  })
  const transport = new StdioServerTransport(input, process.stdout, {
    maxBufferSize: 2 * MAX_MESSAGE_BYTES,
  })
  transport.onclose = () => log('corroborate-mcp: the stdio transport closed')
  await server.connect(transport)
  process.stdin.once('end', () => log('corroborate-mcp: stdin closed; stopping'))
}
