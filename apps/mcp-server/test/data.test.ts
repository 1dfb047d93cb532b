import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtServer, connectStdio, SEEDS } from './helpers.js'

// The server over a lasting store (--data DIR): what an MCP client that restarts its
// servers sees. The server as turbo built it (builtServer).
let main: string
let scratch: string

beforeAll(() => {
  main = builtServer()
  scratch = mkdtempSync(join(tmpdir(), 'corroborate-data-'))
}, 120_000)

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

async function start(args: string[], env: Record<string, string> = {}) {
  const { client, transport, stderr } = await connectStdio(main, args, {
    name: 'data-test',
    env: { PATH: process.env.PATH ?? '', HOME: scratch, ...env },
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
    const data = join(scratch, 'store')
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

  it('keeps nothing with --data :memory:, and uses $XDG_DATA_HOME/corroborate by default', async () => {
    const xdg = join(scratch, 'xdg')
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
      ['--data', scratch, '--database', 'postgres://localhost/x'],
      ['--database', 'mysql://localhost/x'],
    ]) {
      let status = 0
      let stderr = ''
      try {
        execFileSync(process.execPath, [main, ...args], { stdio: 'pipe' })
      } catch (error) {
        status = (error as { status: number }).status
        stderr = String((error as { stderr: Buffer }).stderr)
      }
      expect(status).toBe(2)
      expect(stderr).toMatch(/--data and --database|takes a postgres:\/\/ URL/)
    }
  })
})
