import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectStdio, copyServer, INITIALIZE, MANIFEST, resultText, runToEnd } from './helpers.js'

// The copy's manifest says this version (the package's own, marked), so that the test tells
// a version read from package.json from a constant that happens to match it.
const VERSION = `${MANIFEST.version}-stdio-test`
const SUMMARY = /^corroborate-mcp: (\d+) articles, (\d+) quotes, (\d+) disputes$/m

let build: string
let main: string
let scratch: string

beforeAll(() => {
  ;({ build, main } = copyServer('stdio-test', { ...MANIFEST, version: VERSION }))
  scratch = mkdtempSync(join(tmpdir(), 'corroborate-stdio-'))
}, 300_000)

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
  rmSync(build, { recursive: true, force: true })
})

interface Connected {
  client: Client
  stderr: () => string
}

/** Connects a client to a server started with `args`, and closes it when `use` is done or fails. */
async function withClient(args: string[], use: (connected: Connected) => Promise<void>) {
  // In memory: a test never writes to the user's data directory (the default store).
  const connected = await connectStdio(main, ['--data', ':memory:', ...args], {
    name: 'stdio-test',
  })
  try {
    await use(connected)
  } finally {
    await connected.client.close()
  }
}

/** list_sources gives exactly the articles `ids`, in this order. */
async function expectSources(client: Client, ids: string[]) {
  const sources = await client.callTool({ name: 'list_sources', arguments: {} })
  expect(sources.structuredContent).toMatchObject({
    sources: ids.map((id) => ({ id })),
    total: ids.length,
  })
}

/** Runs the server to its end with `input` on stdin; resolves to its exit code and output. */
const run = (args: string[], input = '') => runToEnd(main, args, { input })

describe('corroborate-mcp over stdio', () => {
  it('serves the seeds to a real client: every tool listed with schemas, every tool called', async () => {
    await withClient([], async ({ client, stderr }) => {
      expect(client.getServerVersion()).toEqual({ name: 'corroborate', version: VERSION })
      const { tools } = await client.listTools()
      const names = tools.map((t) => t.name)
      expect(names).toEqual(expect.arrayContaining(['list_sources', 'get_article', 'get_quotes']))
      for (const tool of tools) {
        expect(tool.description?.length, tool.name).toBeGreaterThan(20)
        expect(tool.inputSchema.type, tool.name).toBe('object')
        expect(tool.outputSchema?.type, tool.name).toBe('object')
      }

      const sources = await client.callTool({ name: 'list_sources', arguments: {} })
      const list = sources.structuredContent as { sources: Array<{ id: string }>; total: number }
      expect(list.total).toBe(5)
      const [first, second] = list.sources.map((s) => s.id)
      if (first === undefined || second === undefined) throw new Error('two seeds expected')

      const happy: Record<string, Record<string, unknown>> = {
        list_sources: { limit: 2 },
        get_article: { id: first, max_chars: 500 },
        get_quotes: { article: first, limit: 3 },
        get_speakers: { limit: 3 },
        search: { query: 'said', limit: 3 },
        compare_sources: { articles: [first, second] },
        list_disputed_claims: { limit: 3 },
        list_stories: { limit: 1 },
        add_article: {
          id: 'stdio-added',
          content: 'Mayor Tom Baker opened the bridge.\n\n“We finished on time,” Baker said.',
        },
      }
      for (const name of names) {
        const result = await client.callTool({ name, arguments: happy[name] ?? {} })
        if (!(name in happy)) continue // a tool this test does not know yet: it answered
        expect(result.isError, `${name}: ${resultText(result)}`).toBeFalsy()
        expect(result.structuredContent, name).toBeDefined()
        expect(JSON.parse(resultText(result)), name).toEqual(result.structuredContent)
      }

      const missing = await client.callTool({ name: 'get_article', arguments: { id: 'nope' } })
      expect(missing.isError).toBe(true)
      expect(resultText(missing)).toContain('list_sources')

      const [, articles, quotes] = SUMMARY.exec(stderr()) ?? []
      expect(Number(articles)).toBe(5)
      expect(Number(quotes)).toBeGreaterThan(0)
    })
  }, 300_000)

  it('writes only JSON-RPC to stdout, and exits when stdin ends', async () => {
    const messages = [
      INITIALIZE,
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'list_sources' } },
      {
        jsonrpc: '2.0',
        id: 4,
        method: 'tools/call',
        params: { name: 'get_article', arguments: {} },
      },
      { jsonrpc: '2.0', id: 5, method: 'no/such/method' },
    ]
    const { code, stdout, stderr } = await run(
      [],
      messages.map((m) => `${JSON.stringify(m)}\n`).join(''),
    )
    expect(code).toBe(0)
    const lines = stdout.split('\n').filter((line) => line !== '')
    const replies = lines.map((line) => JSON.parse(line) as { jsonrpc: string; id: number })
    for (const reply of replies) expect(reply.jsonrpc).toBe('2.0')
    expect(replies.map((r) => r.id).sort()).toEqual([1, 2, 3, 4, 5])
    expect(stderr).toMatch(SUMMARY)
  }, 300_000)

  it('loads the articles of --corpus directories and files', async () => {
    const dir = join(scratch, 'two')
    mkdirSync(dir)
    writeFileSync(
      join(dir, 'bridge.txt'),
      'Mayor Tom Baker opened the bridge on Monday.\n\n“We finished on time,” Baker said.\n',
    )
    writeFileSync(
      join(dir, 'budget.md'),
      '# Budget passes\n\nThe council approved the budget.\n\n“It is a fair budget,” said councillor Ana Ruiz.\n',
    )
    const extra = join(scratch, 'extra.txt')
    writeFileSync(extra, '“Not a word more,” the mayor said.\n')
    await withClient(['--corpus', dir, '--corpus', extra], async ({ client, stderr }) => {
      await expectSources(client, ['bridge', 'budget', 'extra'])
      const quotes = await client.callTool({ name: 'get_quotes', arguments: { speaker: 'Ruiz' } })
      expect(quotes.structuredContent).toMatchObject({
        quotes: [{ article: 'budget', text: 'It is a fair budget,' }],
      })
      expect(stderr()).toMatch(/^corroborate-mcp: 3 articles, 3 quotes, \d+ disputes$/m)
      expect(stderr()).not.toContain('skipped')
    })
  }, 300_000)

  it('loads two files of one name in two folders, the second as folder/name; a folder given twice once', async () => {
    const [north, south] = [join(scratch, 'north'), join(scratch, 'south')]
    mkdirSync(north)
    mkdirSync(south)
    writeFileSync(join(north, 'vote.txt'), '“The bridge opens in May,” Mayor Tom Baker said.\n')
    writeFileSync(join(south, 'vote.txt'), '“The bridge opens in June,” Mayor Tom Baker said.\n')
    const args = ['--corpus', north, '--corpus', south, '--corpus', north]
    await withClient(args, async ({ client, stderr }) => {
      await expectSources(client, ['vote', 'south/vote'])
      const article = await client.callTool({
        name: 'get_article',
        arguments: { id: 'south/vote' },
      })
      expect(resultText(article)).toContain('June')
      expect(stderr()).toContain(
        `corroborate-mcp: skipped ${join(north, 'vote.txt')}: given twice, read once`,
      )
    })
  }, 300_000)

  it('reports an unreadable file on stderr and still starts; a --corpus path that is not there exits 2', async () => {
    const dir = join(scratch, 'mixed')
    mkdirSync(dir)
    writeFileSync(join(dir, 'good.txt'), '“We finished on time,” Mayor Tom Baker said.\n')
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 0, 255, 254, 0, 0]))
    const gone = join(scratch, 'no-such-dir')
    const wrong = await run(['--corpus', gone, '--corpus', dir])
    expect(wrong).toMatchObject({ code: 2, stdout: '' })
    expect(wrong.stderr).toContain(`corroborate-mcp: --corpus ${gone}: no such file or directory`)
    await withClient(['--corpus', dir], async ({ client, stderr }) => {
      await expectSources(client, ['good'])
      expect(stderr()).toContain(`corroborate-mcp: skipped ${join(dir, 'binary.txt')}:`)
      expect(stderr()).toMatch(/^corroborate-mcp: 1 articles, 1 quotes, 0 disputes$/m)
    })
  }, 300_000)

  it('starts on an empty folder, says it holds no articles and that add_article can fill it', async () => {
    const empty = join(scratch, 'nothing-here')
    mkdirSync(empty)
    await withClient(['--corpus', empty], async ({ client, stderr }) => {
      await expectSources(client, [])
      expect(stderr()).toContain(`corroborate-mcp: skipped ${empty}: holds no article files`)
      expect(stderr()).toContain('the corpus is empty')
    })
  }, 300_000)

  it('exits 2 with the usage on stderr for a bad flag, and writes nothing to stdout', async () => {
    for (const args of [['--bogus'], ['--port', 'x', '--http'], ['--port', '80'], ['stray']]) {
      const { code, stdout, stderr } = await run(args)
      expect(code, args.join(' ')).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).toContain('usage: corroborate-mcp')
    }
    const help = await run(['--help'])
    expect(help).toMatchObject({ code: 0, stdout: '' })
    expect(help.stderr).toContain('usage: corroborate-mcp')
  }, 300_000)
})
