#!/usr/bin/env node
import { stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { type Corpus, describeFileError } from '@corroborate/core'
import { defaultDataDir, type Store } from '@corroborate/store'
import { type ArticleStore, createWorkerStore } from './article-store.js'
import { DEFAULT_ANALYSIS_BUDGET_MS, MAX_MESSAGE_BYTES } from './limits.js'
import { loadCorpus, SEEDS_DIR } from './load-corpus.js'
import { openData } from './open-data.js'
import { PARSE_OFF_THREAD_BYTES } from './parse-json.js'
import { deliverParsed, limitLines } from './stdio-limit.js'
import { createStoredArticles } from './stored-articles.js'

const USAGE =
  'usage: corroborate-mcp [--data DIR | --database URL] [--corpus PATH]... [--analysis-timeout SECONDS] [--http [--port N] [--host ADDR] [--allow-unauthenticated]]'
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
      data: { type: 'string' },
      database: { type: 'string' },
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

// The server's own modules (the SDK, zod and the tools' schemas: about a second of one core)
// load while the articles do: a store's PGlite starts in a thread of its own meanwhile, and
// from a lasting store the first answer comes that much sooner. Awaited where the server is
// built; a failure to load is that await's error, not an unhandled rejection before it.
const serverModules = Promise.all([
  import('./server.js'),
  import('@modelcontextprotocol/sdk/server/stdio.js'),
])
serverModules.catch(() => {})

if (flags.values.data !== undefined && flags.values.database !== undefined)
  usageError('--data and --database each name where articles are kept: give one')
if (flags.values.database !== undefined && !/^postgres(ql)?:\/\//.test(flags.values.database))
  usageError(`--database takes a postgres:// URL, not "${flags.values.database}"`)
// Where articles last: a PGlite directory (default: the user's data directory), a
// PostgreSQL server, or nowhere (:memory:, the corpus of this run only).
// CORROBORATE_DATA stands for --data when it is not given (tests set :memory:).
// --corpus alone keeps its meaning of a one-off corpus (those files, in memory), as the
// evaluation harnesses and the CLI use it; with --data or --database it imports into the store.
const explicitData = flags.values.data !== undefined || process.env.CORROBORATE_DATA !== undefined
const dataDir =
  flags.values.data ??
  process.env.CORROBORATE_DATA ??
  (flags.values.corpus && flags.values.database === undefined ? ':memory:' : defaultDataDir())
if (dataDir.trim() === '') usageError('--data takes a directory, or :memory:')

// A --corpus path that is not there is a mistake on the command line, as in the CLI.
for (const path of flags.values.corpus ?? [])
  await stat(path).catch((error: unknown) =>
    usageError(`--corpus ${path}: ${describeFileError(error)}`),
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

const seeds = fileURLToPath(SEEDS_DIR)
const stopped = (error: unknown): never => {
  if (!loading.signal.aborted) throw error
  log('corroborate-mcp: loading cancelled')
  quietExit(130)
}
const inMemory = () =>
  loadCorpus(flags.values.corpus ?? [seeds], {
    onProblem: (problem) => log(`corroborate-mcp: skipped ${problem}`),
    onProgress,
    signal: loading.signal,
  }).catch(stopped)
let corpus: Corpus | null = null
let persistent: Store | null = null
if (flags.values.database === undefined && dataDir === ':memory:') corpus = await inMemory()
else {
  const location =
    flags.values.database !== undefined ? { url: flags.values.database } : { dataDir }
  const opened = await openData(location, {
    paths: flags.values.corpus ?? [],
    seeds,
    log,
    onProgress,
    signal: loading.signal,
  }).catch((error: unknown) => {
    if (loading.signal.aborted) stopped(error)
    // The default directory held by another server (a second MCP client): serve this run
    // from memory rather than fail; a directory or database asked for by name must work.
    if (
      !explicitData &&
      flags.values.database === undefined &&
      /is open in process/.test(String(error))
    ) {
      log(
        `corroborate-mcp: ${(error as Error).message}; serving this run from memory (adds are not saved)`,
      )
      return null
    }
    log(
      `corroborate-mcp: cannot open the store ${flags.values.database ?? dataDir}: ${(error as Error).message}`,
    )
    quietExit(1)
  })
  if (opened) {
    persistent = opened
    log(
      `corroborate-mcp: articles are kept in ${flags.values.database ? 'the PostgreSQL database' : dataDir}`,
    )
  } else corpus = await inMemory()
}
process.off('SIGINT', cancel)
process.off('SIGTERM', cancel)
// Once serving, a signal ends the process with a line that says so: Node's default is silent.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.once(signal, () => {
    log(`corroborate-mcp: stopped by ${signal}`)
    quietExit(code)
  })
const [{ createServer }, { StdioServerTransport }] = await serverModules
let store: ArticleStore
if (persistent) {
  // Counts only: nothing of the corpus is read before the first call.
  const articles = await persistent.count()
  log(`corroborate-mcp: ${articles} articles`)
  if (articles === 0) log('corroborate-mcp: the store is empty; add_article can fill it')
  // Articles added by clients are analysed in a worker thread, their story alone
  // cross-referenced there: reads go on meanwhile, and nothing of the corpus is held here.
  store = createStoredArticles(persistent, { budgetMs: budgetSeconds * 1000, log })
} else {
  const memory = corpus as Corpus
  if (memory.articles.length > PROGRESS_OVER)
    log(`corroborate-mcp: cross-referencing ${memory.articles.length} articles`)
  const analysis = memory.analysis()
  log(
    `corroborate-mcp: ${memory.articles.length} articles, ${analysis.quotes.filter((q) => q.kind !== 'term').length} quotes, ${analysis.disputes.length} disputes`,
  )
  if (memory.articles.length === 0)
    log('corroborate-mcp: the corpus is empty; add_article can fill it')
  // Articles added by clients are analysed in a worker thread: reads go on meanwhile.
  store = createWorkerStore(memory, { budgetMs: budgetSeconds * 1000, log })
}
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
  // Each message whole, one too large for the transport answered with an error instead of
  // ending the session, and a large one parsed in a worker thread.
  const large = {
    bytes: PARSE_OFF_THREAD_BYTES,
    take: (line: Buffer) => deliverParsed(transport, line),
  }
  const input = limitLines(
    process.stdin,
    MAX_MESSAGE_BYTES,
    ({ bytes, id }) => {
      log(
        `corroborate-mcp: refused a message of ${bytes.toLocaleString('en-US')} bytes, over the ${MAX_MESSAGE_BYTES.toLocaleString('en-US')} that stdio takes`,
      )
      const error = {
        code: -32600,
        message: `the message is ${bytes.toLocaleString('en-US')} bytes, over the ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB (${MAX_MESSAGE_BYTES.toLocaleString('en-US')} bytes of UTF-8 JSON) this server takes over stdio; nothing was done. Send a smaller article: only the story’s text rather than the whole page`,
      }
      process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id, error })}\n`)
    },
    { large },
  )
  const transport = new StdioServerTransport(input, process.stdout, {
    maxBufferSize: 2 * MAX_MESSAGE_BYTES,
  })
  transport.onclose = () => log('corroborate-mcp: the stdio transport closed')
  await server.connect(transport)
  process.stdin.once('end', () => log('corroborate-mcp: stdin closed; stopping'))
}
