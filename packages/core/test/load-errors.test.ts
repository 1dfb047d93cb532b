import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isCorroborateError, loadArticleDirectory, loadArticleFile } from '../src/index.js'

const dir = mkdtempSync(join(tmpdir(), 'corroborate-load-'))
const file = join(dir, 'story.txt')
writeFileSync(file, 'The mayor opened the bridge on Monday.')
symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'))
symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'))

async function failure(load: () => Promise<unknown>) {
  try {
    await load()
  } catch (error) {
    if (!isCorroborateError(error)) throw error
    return { code: error.code, message: error.message }
  }
  throw new Error('expected the load to fail')
}

describe('loader path errors are READ_FAILED, in words', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['a path through a file', join(file, 'inside'), /a part of the path is not a directory/],
    ['a symbolic link loop', join(dir, 'loop-a'), /too many symbolic links/],
    ['a name too long', join(dir, 'x'.repeat(300)), /the name is too long/],
  ]
  for (const [name, path, message] of cases) {
    it(`loadArticleDirectory: ${name}`, async () => {
      const got = await failure(() => loadArticleDirectory(path))
      expect(got.code).toBe('READ_FAILED')
      expect(got.message).toMatch(message)
      expect(got.message).not.toMatch(/\b(?:stat|scandir|open)\b/)
    })
    it(`loadArticleFile: ${name}`, async () => {
      const got = await failure(() => loadArticleFile(path))
      expect(got).toMatchObject({ code: 'READ_FAILED' })
      expect(got.message).toMatch(message)
    })
  }

  // Root reads every directory whatever its mode: only a normal user sees EACCES.
  it.skipIf(process.getuid?.() === 0)(
    'loadArticleDirectory: a directory that may not be listed',
    async () => {
      const locked = join(dir, 'locked')
      mkdirSync(locked)
      chmodSync(locked, 0o000)
      try {
        const got = await failure(() => loadArticleDirectory(locked))
        expect(got).toMatchObject({ code: 'READ_FAILED' })
        expect(got.message).toMatch(/permission denied/)
      } finally {
        chmodSync(locked, 0o700)
      }
    },
  )
})
