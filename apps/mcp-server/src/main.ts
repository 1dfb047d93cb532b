#!/usr/bin/env node
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { loadCorpus, SEEDS_DIR } from './load-corpus.js'
import { createServer } from './server.js'

const USAGE = 'usage: corroborate-mcp [--corpus PATH]... [--http [--port N] [--host ADDR]]'
const log = (line: string) => process.stderr.write(`${line}\n`)

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
  log(`corroborate-mcp: ${(error as Error).message}\n${USAGE}`)
  process.exit(2)
}
if (flags.values.help) {
  log(USAGE)
  process.exit(0)
}
const paths = flags.values.corpus ?? [fileURLToPath(SEEDS_DIR)]
const corpus = await loadCorpus(paths, (problem) => log(`corroborate-mcp: skipped ${problem}`))
const analysis = corpus.analysis()
log(
  `corroborate-mcp: ${corpus.articles.length} articles, ${analysis.quotes.filter((q) => q.kind !== 'term').length} quotes, ${analysis.disputes.length} disputes`,
)
if (corpus.articles.length === 0)
  log('corroborate-mcp: the corpus is empty; add_article can fill it')
if (flags.values.http) {
  const { serveHttp } = await import('./http.js')
  await serveHttp(() => createServer(corpus), {
    port: Number(flags.values.port ?? 3333),
    host: flags.values.host ?? '127.0.0.1',
    log,
  })
} else {
  const server = createServer(corpus)
  await server.connect(new StdioServerTransport())
}
