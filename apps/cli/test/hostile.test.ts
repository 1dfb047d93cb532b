import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { EXIT } from '../src/exit-codes.js'
import { runCli, SEEDS } from './helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-hostile-'))
// Each run's directory goes when the file's tests are done: a machine that runs them often keeps none.
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = join(dir, 'story.txt')
writeFileSync(
  file,
  'Mayor Tom Baker opened the new river bridge on Monday.\n\n“We finished on time,” Baker said.\n',
)
symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'))
symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'))

// Paths the file system refuses: each is the user's problem, said in words, never "internal error".
const BAD_PATHS: Array<[string, string, RegExp]> = [
  ['ENOTDIR', join(file, 'inside.txt'), /not a directory/],
  ['ELOOP', join(dir, 'loop-a'), /too many symbolic links/],
  ['ENAMETOOLONG', join(dir, `${'x'.repeat(300)}.txt`), /name is too long/],
  ['ENOENT', join(dir, 'missing.txt'), /no file or directory/],
]

describe('the CLI on paths the file system refuses', () => {
  for (const [code, path, message] of BAD_PATHS) {
    it(`${code} alone: no input (exit 3), the reason in words`, async () => {
      const got = await runCli(['quotes', path])
      expect(got.code).toBe(EXIT.noInput)
      expect(got.stderr).toMatch(message)
      expect(got.stderr).not.toMatch(/internal error|\n\s+at /)
      expect(got.stdout).toBe('')
    })
    it(`${code} beside good articles: the report of the rest, exit 4`, async () => {
      const got = await runCli(['sources', '--format', 'json', SEEDS, path])
      expect(got.code).toBe(EXIT.partial)
      expect(got.stderr).toMatch(message)
      expect(JSON.parse(got.stdout).sources).toHaveLength(5)
    })
  }

  // Root reads every file whatever its mode: only a normal user (as on CI) sees EACCES.
  it.skipIf(process.getuid?.() === 0)(
    'EACCES: a file and a folder that may not be read',
    async () => {
      const locked = join(dir, 'locked')
      mkdirSync(locked)
      const secret = join(dir, 'secret.txt')
      writeFileSync(secret, 'The council met on Monday.')
      chmodSync(locked, 0o000)
      chmodSync(secret, 0o000)
      try {
        for (const path of [locked, secret]) {
          const got = await runCli(['quotes', path])
          expect(got.code).toBe(EXIT.noInput)
          expect(got.stderr).toMatch(/permission denied/)
          expect(got.stderr).not.toMatch(/internal error/)
        }
      } finally {
        chmodSync(locked, 0o700)
        chmodSync(secret, 0o600)
      }
    },
  )

  it('any path string: a usage or input error, never an internal one', async () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '', 'story.txt', 'loop-a', 'x'.repeat(260), '\u0000', '%s', '~'),
      fc.string({ maxLength: 12 }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), async (parts) => {
        const path = join(dir, ...parts)
        const got = await runCli(['quotes', path])
        expect([EXIT.ok, EXIT.usage, EXIT.noInput, EXIT.partial]).toContain(got.code)
        expect(got.stderr).not.toMatch(/internal error/)
      }),
      { numRuns: 150 },
    )
  }, 300_000)
})

describe('the CLI on Markdown nested thousands deep', () => {
  const nested = mkdtempSync(join(tmpdir(), 'corroborate-cli-nested-'))
  afterAll(() => rmSync(nested, { recursive: true, force: true }))
  writeFileSync(
    join(nested, 'story.txt'),
    'Mayor Tom Baker opened the new river bridge on Monday.\n',
  )
  writeFileSync(
    join(nested, 'deep.md'),
    `${'> '.repeat(2_000)}${'- '.repeat(2_000)}Nested words at the bottom.\n`,
  )

  it('reports every article, the deep one flattened, and exits 0', async () => {
    const got = await runCli(['sources', '--format', 'json', nested])
    expect(got.stderr).not.toMatch(/internal error|RangeError/)
    expect(got.code).toBe(EXIT.ok)
    expect(JSON.parse(got.stdout).sources).toHaveLength(2)
    const report = await runCli(['report', nested])
    expect(report.code).toBe(EXIT.ok)
  })
})
