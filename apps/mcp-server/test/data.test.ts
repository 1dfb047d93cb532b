import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createCorpus, loadArticleDirectory, normalizeArticle } from '@corroborate/core'
import { describe, expect, it } from 'vitest'
import { builtServerWithScratch, connectStdio, SEEDS } from './helpers.js'

// The server over a lasting store (--data DIR): what an MCP client that restarts its
// servers sees. The server as turbo built it (builtServer).
const suite = builtServerWithScratch('data')

async function start(args: string[], env: Record<string, string> = {}) {
  const { client, transport, stderr } = await connectStdio(suite.main, args, {
    name: 'data-test',
    env: { PATH: process.env.PATH ?? '', HOME: suite.scratch, ...env },
  })
  const sources = async () =>
    (await client.callTool({ name: 'list_sources', arguments: { limit: 50 } }))
      .structuredContent as { total: number; sources: Array<{ id: string }> }
  return { client, transport, sources, stderr }
}

const HARBOUR = `Harbour bridge closed for repairs

The city council closed the old harbour bridge on Tuesday after inspectors found cracks in two of its steel supports.

"We will not reopen it until every support has been replaced," said Maria Lindqvist, the council's head of transport.
`

describe('corroborate-mcp --data DIR', () => {
  it('gives an empty store the seeds, keeps an add through a kill -9 the next instant, and imports --corpus once', async () => {
    const data = join(suite.scratch, 'store')
    const first = await start(['--data', data])
    expect((await first.sources()).total).toBe(5)
    const added = await first.client.callTool({
      name: 'add_article',
      arguments: { content: HARBOUR, id: 'harbour-bridge' },
    })
    expect(added.isError).toBeFalsy()
    // Killed the instant the answer came: no close, no exit handler.
    process.kill(first.transport.pid as number, 'SIGKILL')
    await first.client.close().catch(() => {})

    const second = await start(['--data', data, '--corpus', SEEDS])
    try {
      const list = await second.sources()
      expect(list.total).toBe(6)
      expect(list.sources.map((s) => s.id)).toContain('harbour-bridge')
      expect(second.stderr()).toContain('imported 0 new articles (5 already stored)')
    } finally {
      await second.client.close()
    }
  }, 240_000)

  it('answers from the store what the in-memory corpus answers, ids scoped by story, and re-analyses only the story an add joins', async () => {
    // The seeds as the server reads them (with their metadata files).
    const { sources: seeds } = await loadArticleDirectory(SEEDS)
    const expected = createCorpus(seeds.map((source) => normalizeArticle(source))).analysis()
    const server = await start(['--data', join(suite.scratch, 'tools')])
    const call = async (name: string, args: Record<string, unknown> = {}) => {
      const result = await server.client.callTool({ name, arguments: args })
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy()
      return result.structuredContent as Record<string, unknown>
    }
    try {
      const stories = (await call('list_stories')).stories as unknown as Array<{
        id: string
        clusters: number
        disputes: number
      }>
      expect(stories).toHaveLength(1)
      const story = stories[0]?.id as string
      expect(stories[0]).toMatchObject({
        clusters: expected.clusters.filter((c) => c.articles.length >= 2).length,
        disputes: expected.disputes.length,
      })
      // The in-memory corpus numbers d0, d1… across the corpus; the store scopes them: st-…#d0.
      const disputes = await call('list_disputed_claims', { limit: 100 })
      expect(disputes.total).toBe(expected.disputes.length)
      expect((disputes.disputes as unknown as Array<{ id: string }>).map((d) => d.id)).toEqual(
        expected.disputes.map((d) => `${story}#${d.id}`),
      )
      const quotes = await call('get_quotes', { story, limit: 100 })
      const statements = expected.quotes.filter((q) => q.kind !== 'term')
      expect(quotes.total).toBe(statements.length)
      expect(new Set((quotes.quotes as unknown as Array<{ id: string }>).map((q) => q.id))).toEqual(
        new Set(statements.slice(0, 100).map((q) => q.id)),
      )
      const speakers = await call('get_speakers', { limit: 100 })
      expect(
        (speakers.speakers as unknown as Array<{ id: string }>).map((s) => s.id).sort(),
      ).toEqual(expected.speakers.map((s) => s.id).sort())
      const compared = await call('compare_sources', { story })
      const cluster = (compared.clusters as unknown as Array<{ id: string }>)[0]
      expect(cluster?.id.startsWith(`${story}#k`)).toBe(true)
      const ofCluster = await call('get_quotes', { cluster: cluster?.id })
      // Every quote of the cluster (compare_sources shows one member per article).
      expect(ofCluster.total).toBe(
        expected.clusters.find((c) => `${story}#${c.id}` === cluster?.id)?.members.length,
      )
      const sources = await call('list_sources')
      expect(sources.total).toBe(5)
      const hits = await call('search', { query: 'prison' })
      expect(hits.total).toBeGreaterThan(0)

      // Two reports of another story: the second joins the first, whose story alone is analysed.
      await call('add_article', { content: HARBOUR, id: 'harbour-a' })
      const second = await call('add_article', {
        content: `${HARBOUR}\nFerries will run every twenty minutes while the bridge is closed, the council said.\n`,
        id: 'harbour-b',
      })
      expect(second.story).toMatchObject({ articles: 2, joined: true })
      const after = (await call('list_stories')).stories as unknown as Array<{
        id: string
        size: number
        clusters: number
      }>
      const harbour = after.find((s) => s.size === 2)
      expect(harbour?.clusters).toBe(1)
      expect(after.find((s) => s.id === story)).toMatchObject(stories[0] as object)
      const shared = await call('get_quotes', { story: harbour?.id })
      expect((shared.quotes as unknown as Array<{ clusters: string[] }>)[0]?.clusters).toEqual([
        `${harbour?.id}#k0`,
      ])
    } finally {
      await server.client.close()
    }
  }, 240_000)

  it('keeps nothing with --data :memory:, and uses $XDG_DATA_HOME/corroborate by default', async () => {
    const xdg = join(suite.scratch, 'xdg')
    const memory = await start(['--data', ':memory:'], { XDG_DATA_HOME: xdg })
    try {
      expect((await memory.sources()).total).toBe(5)
    } finally {
      await memory.client.close()
    }
    expect(existsSync(join(xdg, 'corroborate'))).toBe(false)
    const lasting = await start([], { XDG_DATA_HOME: xdg })
    try {
      expect((await lasting.sources()).total).toBe(5)
      expect(lasting.stderr()).toContain(`articles are kept in ${join(xdg, 'corroborate')}`)
    } finally {
      await lasting.client.close()
    }
    expect(existsSync(join(xdg, 'corroborate', 'PG_VERSION'))).toBe(true)
  }, 240_000)

  it('refuses --data with --database, and a --database that is not a postgres URL', () => {
    for (const args of [
      ['--data', suite.scratch, '--database', 'postgres://localhost/x'],
      ['--database', 'mysql://localhost/x'],
    ]) {
      let status = 0
      let stderr = ''
      try {
        execFileSync(process.execPath, [suite.main, ...args], { stdio: 'pipe' })
      } catch (error) {
        status = (error as { status: number }).status
        stderr = String((error as { stderr: Buffer }).stderr)
      }
      expect(status).toBe(2)
      expect(stderr).toMatch(/--data and --database|takes a postgres:\/\/ URL/)
    }
  })
})
