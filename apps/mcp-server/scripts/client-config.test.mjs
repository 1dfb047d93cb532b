// What a new user does after the quick start: every stdio command and client configuration
// that apps/mcp-server/README.md documents for a clone, read out of the README itself, started
// by a real MCP client (the SDK's StdioClientTransport, with the small environment real clients
// give), which lists the tools and calls one. Any byte on stdout that is not JSON-RPC is an
// error the client reports, and fails the test. The CLI's from-a-clone commands in
// apps/cli/README.md run too. The published forms (`npx @corroborate/mcp-server`) wait for
// the registry: the pack-install test covers the packed bin.
// Run after a build: `npm run test:clients` (node --test).
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js'

const root = realpathSync(fileURLToPath(new URL('../../..', import.meta.url)))
const CLONE = '/absolute/path/to/corroborate'
const ARTICLES = '/path/to/articles'
// `npm start` installs and builds what is missing before it serves: time for a cold machine.
const SLOW = 300_000
const FAST = 60_000

const readme = (path) => readFileSync(join(root, path), 'utf8')

/** The fenced code blocks of a Markdown text, with their language. */
function codeBlocks(markdown) {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map(([, lang, body]) => ({
    lang,
    body,
  }))
}

/** The text of a `## heading` section, up to the next one. */
function section(markdown, heading) {
  const start = markdown.indexOf(`\n## ${heading}\n`)
  assert.ok(start >= 0, `no "## ${heading}" section`)
  const end = markdown.indexOf('\n## ', start + 1)
  return markdown.slice(start, end < 0 ? undefined : end)
}

/** The commands of sh blocks that start with `prefix`, as argv, comments left out. */
function commands(markdown, prefix) {
  return codeBlocks(markdown)
    .filter((block) => block.lang === 'sh')
    .flatMap((block) => block.body.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && line.startsWith(prefix))
    .map((line) => line.split(/\s+/))
}

const server = readme('apps/mcp-server/README.md')
// Every stdio server entry of the JSON blocks: { command, args } in mcpServers or servers.
const configs = codeBlocks(section(server, 'Client configuration'))
  .filter((block) => block.lang === 'json')
  .flatMap((block) => {
    const json = JSON.parse(block.body)
    return Object.values({ ...json.mcpServers, ...json.servers })
  })
  .filter((entry) => entry.command !== undefined)
const published = (entry) => entry.args.includes('@corroborate/mcp-server')
// The server's own commands (not the Inspector's), over stdio.
const serverCommands = commands(section(server, 'Run'), '').filter(
  (argv) =>
    (argv[0] === 'node' || argv.join(' ') === 'npm start') &&
    !argv.includes('--http') &&
    !published({ args: argv }),
)
const cliCommands = commands(readme('apps/cli/README.md'), 'node apps/cli/dist/main.js')

let articles = ''
let elsewhere = ''
// Servers started the documented ways keep their store here, not in the user's data directory
// (CORROBORATE_DATA, not XDG_DATA_HOME: pnpm keeps its store under XDG_DATA_HOME, and npm start
// installs with pnpm).
let dataHome = ''
// A fresh store for each start: each form is checked against what it serves from empty.
const clientEnv = () => ({
  ...getDefaultEnvironment(),
  CORROBORATE_DATA: mkdtempSync(join(dataHome, 'store-')),
})

before(() => {
  // Two articles of one story, for the forms that take --corpus.
  const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'corroborate-clients-')))
  articles = join(scratch, 'articles')
  elsewhere = join(scratch, 'elsewhere')
  dataHome = join(scratch, 'data')
  mkdirSync(dataHome)
  mkdirSync(articles)
  mkdirSync(elsewhere)
  writeFileSync(
    join(articles, 'north.txt'),
    'The bridge opens on Monday, Mayor Tom Baker said.\n\n“We finished on time,” Baker said.\n',
  )
  writeFileSync(
    join(articles, 'south.txt'),
    'The bridge opens next week.\n\n“We finished late,” Mayor Tom Baker said on Friday.\n',
  )
})

after(() => {
  if (articles) rmSync(join(articles, '..'), { recursive: true, force: true })
})

/** Replaces the README's placeholders with this clone and the scratch articles. */
const place = (arg) =>
  arg === 'articles/' ? articles : arg.replace(CLONE, root).replace(ARTICLES, articles)

/** Starts the server as a client would, lists its tools, calls one; only protocol on stdout. */
async function serve({ command, args, cwd }) {
  const transport = new StdioClientTransport({
    command,
    args,
    cwd,
    env: clientEnv(),
    stderr: 'pipe',
  })
  let stderr = ''
  transport.stderr?.on('data', (chunk) => {
    stderr += chunk.toString('utf8')
  })
  const errors = []
  const client = new Client({ name: 'client-config-test', version: '1.0.0' })
  client.onerror = (error) => errors.push(error.message)
  try {
    await client.connect(transport)
    const { tools } = await client.listTools()
    assert.ok(
      tools.some((tool) => tool.name === 'list_disputed_claims'),
      tools.map((t) => t.name).join(),
    )
    const sources = await client.callTool({ name: 'list_sources', arguments: {} })
    assert.ok(!sources.isError, JSON.stringify(sources.content))
    assert.equal(sources.structuredContent.total, args.includes('--corpus') ? 2 : 5)
  } finally {
    await client.close()
  }
  assert.deepEqual(errors, [], `not protocol on stdout; stderr:\n${stderr}`)
}

describe('the README documents forms to run from a clone', () => {
  test('client configurations: some from a clone, the published ones marked as such', () => {
    assert.ok(configs.filter((entry) => !published(entry)).length >= 3, JSON.stringify(configs))
    for (const entry of configs.filter(published)) assert.equal(entry.command, 'npx')
    assert.ok(serverCommands.some((argv) => argv.join(' ') === 'npm start'))
    assert.ok(serverCommands.some((argv) => argv[0] === 'node'))
    assert.ok(
      cliCommands.length > 0,
      'no `node apps/cli/dist/main.js` command in apps/cli/README.md',
    )
  })
})

describe('each client configuration from a clone, started by a real MCP client', () => {
  for (const entry of configs.filter((e) => !published(e))) {
    const line = [entry.command, ...entry.args].join(' ')
    test(line, { timeout: entry.command === 'npm' ? SLOW : FAST }, async () => {
      // A client starts the server from a directory of its own, not from the clone.
      await serve({ command: entry.command, args: entry.args.map(place), cwd: elsewhere })
    })
  }
})

describe('each stdio command of the README, at the root of the clone', () => {
  for (const [command = '', ...args] of serverCommands) {
    const line = [command, ...args].join(' ')
    test(line, { timeout: command === 'npm' ? SLOW : FAST }, async () => {
      await serve({ command, args: args.map(place), cwd: root })
    })
  }
})

const run = promisify(execFile)

describe('npm run inspect', () => {
  test('prints the disputes for a person: no warnings, no JSON', { timeout: SLOW }, async () => {
    const { stdout, stderr } = await run('npm', ['run', 'inspect'], {
      cwd: root,
      env: clientEnv(),
    })
    assert.doesNotMatch(stderr, /EBADENGINE|npm warn|deprecat/i)
    assert.match(stdout, /^\d+ disputed claims? in 5 articles\n/)
    assert.match(stdout, /^1\. (attribution|wording|fact|contested): /m)
    assert.match(stdout, /^ {3}- .+, in .+: “.+”$/m)
    assert.doesNotMatch(stdout, /[{}\\]"|"\w+":/)
  })
})

describe("the CLI's commands from a clone", () => {
  for (const [command = '', ...args] of cliCommands) {
    test(`${command} ${args.join(' ')}`, { timeout: FAST }, async () => {
      const { stdout, stderr } = await run(process.execPath, args.map(place), {
        cwd: root,
        env: clientEnv(),
      })
      assert.equal(stderr, '')
      assert.match(stdout, /Tom Baker/)
    })
  }
})
