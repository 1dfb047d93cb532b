import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '@corroborate/store'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, SEEDS } from './helpers.js'

// corroborate ingest into a lasting store (PGlite in a temporary directory), and the
// report commands reading it back with --data.
const scratch = mkdtempSync(join(tmpdir(), 'corroborate-cli-store-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const call = (argv: string[]) => runCli(argv, { env: { HOME: scratch } })

describe('corroborate ingest and --data', () => {
  it('ingests the seeds once, with two threads, and reports from the store', async () => {
    const data = join(scratch, 'store')
    const first = await call(['ingest', SEEDS, '--data', data, '--workers', '2'])
    expect(first.code).toBe(0)
    expect(first.stderr).toContain(
      `5 articles added, 0 already stored, 0 refused; ${data} holds 5 articles in 1 stories`,
    )
    const again = await call(['ingest', SEEDS, '--data', data])
    expect(again.stderr).toContain('0 articles added, 5 already stored')

    const fromStore = await call(['disputes', '--data', data, '--format', 'json'])
    const fromFiles = await call(['disputes', SEEDS, '--format', 'json'])
    expect(fromStore.code).toBe(0)
    expect(JSON.parse(fromStore.stdout)).toEqual(JSON.parse(fromFiles.stdout))
    const stories = await call(['stories', '--data', data, '--format', 'json'])
    expect(JSON.parse(stories.stdout).stories).toHaveLength(1)
  }, 240_000)

  it('says what is wrong with the command line, and with an empty store', async () => {
    expect((await call(['ingest', '--data', join(scratch, 'x')])).code).toBe(2)
    expect((await call(['report', SEEDS, '--data', join(scratch, 'x')])).stderr).toContain(
      'give article paths or a store',
    )
    expect((await call(['report', '--workers', '2'])).stderr).toContain(
      '--workers goes with ingest',
    )
    expect((await call(['ingest', SEEDS, '--workers', '0'])).code).toBe(2)
    const empty = await call(['report', '--data', join(scratch, 'empty')])
    expect(empty.code).toBe(3)
    expect(empty.stderr).toContain('holds no articles; "corroborate ingest PATH... --data')
  }, 240_000)

  it('says why a store cannot be opened, as no input rather than a bug', async () => {
    // Held by a live process (this one): the store refuses a second opener.
    const held = join(scratch, 'held')
    mkdirSync(held)
    writeFileSync(join(held, 'corroborate.lock'), String(process.pid))
    for (const argv of [
      ['report', '--data', held],
      ['ingest', SEEDS, '--data', held],
    ]) {
      const ran = await call(argv)
      expect(ran.code).toBe(3)
      expect(ran.stderr).toContain(
        `corroborate: the store ${held} is open in process ${process.pid}`,
      )
      expect(ran.stderr).not.toContain('internal error')
    }
  }, 240_000)

  it('says so in one line when a newer @corroborate/store left the store', async () => {
    // A downgrade, or two installs on one server: the store's schema is past this build's.
    const newer = join(scratch, 'newer')
    await (await openStore({ dataDir: newer })).close()
    // PGlite as the store resolves it (the command line has no dependency of its own on it).
    const fromStore = createRequire(
      createRequire(import.meta.url).resolve('@corroborate/store/package.json'),
    )
    const { PGlite } = fromStore('@electric-sql/pglite') as {
      PGlite: new (dir: string) => PgliteLike
    }
    const db = new PGlite(newer)
    await db.query("INSERT INTO corroborate_migrations (version, name) VALUES (999, 'future')")
    await db.close()
    const ran = await call(['report', '--data', newer])
    expect(ran.code).toBe(3)
    expect(ran.stderr).toMatch(
      /^corroborate: the store's schema is at version 999, this @corroborate\/store knows up to \d+; upgrade @corroborate\/store\n$/,
    )
  }, 240_000)
})

interface PgliteLike {
  query(sql: string): Promise<unknown>
  close(): Promise<void>
}
