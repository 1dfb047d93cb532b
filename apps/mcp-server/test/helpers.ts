import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Article, normalizeArticle } from '@corroborate/core'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { afterAll, beforeAll } from 'vitest'
import { builtMain } from '../../../scripts/built-main.mjs'

export { runToEnd } from '../../../scripts/run-to-end.mjs'

/** This package's folder. */
export const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
/** This package's manifest, as read from package.json. */
export const MANIFEST = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'))
/** The repository's seeds folder, the default corpus. */
export const SEEDS = join(PACKAGE, '..', '..', 'seeds')

/** The seed articles, normalized, in file-name order, each with its file's stem as id. */
export function seedArticles(): Article[] {
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) =>
      normalizeArticle({
        id: name.replace(/\.txt$/, ''),
        content: readFileSync(join(SEEDS, name), 'utf8'),
      }),
    )
}

/** The server as turbo builds it (`dist/main.js`, the seeds beside it). */
export const builtServer = () => builtMain(PACKAGE)

/**
 * For a suite: the built server (`main`) and a scratch folder `corroborate-<name>-*`
 * (`scratch`), both there from before the suite's tests; the folder is removed after them.
 */
export function builtServerWithScratch(name: string): { main: string; scratch: string } {
  const suite = { main: '', scratch: '' }
  beforeAll(() => {
    suite.main = builtServer()
    suite.scratch = mkdtempSync(join(tmpdir(), `corroborate-${name}-`))
  }, 300_000)
  afterAll(() => {
    rmSync(suite.scratch, { recursive: true, force: true })
  })
  return suite
}

/**
 * A copy of the built server in a new folder `<name>-*` inside node_modules/.cache (so that
 * its imports resolve) with `manifest` as its package.json: the version it reports. Nothing
 * is compiled; remove the folder when done.
 */
export function copyServer(name: string, manifest: object) {
  const main = builtServer()
  const cache = join(PACKAGE, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const build = mkdtempSync(join(cache, `${name}-`))
  cpSync(dirname(main), join(build, 'dist'), { recursive: true })
  writeFileSync(join(build, 'package.json'), JSON.stringify(manifest))
  cpSync(SEEDS, join(build, 'seeds'), { recursive: true })
  return { build, main: join(build, 'dist', 'main.js') }
}

/**
 * Starts `main` with `args` and connects a client named `name` to it over
 * stdio; `stderr()` is what the server has written there so far. Without
 * `env` the server gets the SDK's default environment, not this process's.
 */
export async function connectStdio(
  main: string,
  args: string[],
  options: { name: string; env?: Record<string, string> },
) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [main, ...args],
    stderr: 'pipe',
    ...(options.env ? { env: options.env } : {}),
  })
  let stderr = ''
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  const client = new Client({ name: options.name, version: '1.0.0' })
  await client.connect(transport)
  return { client, transport, stderr: () => stderr }
}

/** The text blocks of a tool result, joined. */
export const resultText = (result: object) =>
  (('content' in result ? result.content : []) as Array<{ text?: string }>)
    .map((block) => block.text ?? '')
    .join('\n')

/** A raw client's first JSON-RPC request, as the SDK's client would send it. */
export const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'raw', version: '1.0.0' },
  },
}
