#!/usr/bin/env node
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { loadCorpus, SEEDS_DIR } from './load-corpus.js'
import { createServer } from './server.js'

const USAGE = 'usage: corroborate-mcp [--corpus PATH]... [--http [--port N] [--host ADDR]]'
// stdout carries the protocol: every line of ours goes to stderr.
const log = (line: string) => process.stderr.write(`${line}\n`)
function usageError(message: string): never {
  log(`corroborate-mcp: ${message}\n${USAGE}`)
  process.exit(2)
}

let flags: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      http: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
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
  process.exit(0)
}
const port = Number(flags.values.port ?? 3333)
if (!Number.isInteger(port) || port < 0 || port > 65535)
  usageError(`--port takes a port number from 0 to 65535, not "${flags.values.port}"`)
if (!flags.values.http && (flags.values.port !== undefined || flags.values.host !== undefined))
  usageError('--port and --host go with --http')

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
  process.exit(130)
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
if (flags.values.http) {
  const { serveHttp } = await import('./http.js')
  const host = flags.values.host ?? '127.0.0.1'
  await serveHttp(() => createServer(corpus), { port, host, log }).catch((error: Error) => {
    log(`corroborate-mcp: cannot listen on ${host}:${port}: ${error.message}`)
    process.exit(1)
  })
} else {
  const server = createServer(corpus)
  await server.connect(new StdioServerTransport())
}
