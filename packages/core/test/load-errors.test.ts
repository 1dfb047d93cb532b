import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  isCorroborateError,
  loadArticleDirectory,
  loadArticleFile,
  loadArticles,
  readArticleSources,
} from '../src/index.js'

const dir = mkdtempSync(join(tmpdir(), 'corroborate-load-'))
// Each run's directory goes when the file's tests are done: a machine that runs them often keeps none.
afterAll(() => rmSync(dir, { recursive: true, force: true }))
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

describe('readArticleSources and loadArticles: one set of rules for every path', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['a missing path', join(dir, 'missing.txt'), 'FILE_NOT_FOUND', /no file or directory at/],
    ['a path through a file', join(file, 'inside'), 'READ_FAILED', /not a directory/],
    ['a symbolic link loop', join(dir, 'loop-a'), 'READ_FAILED', /too many symbolic links/],
    ['a name too long', join(dir, 'x'.repeat(300)), 'READ_FAILED', /the name is too long/],
    ['a NUL in the path', join(dir, 'a\0b.txt'), 'READ_FAILED', /cannot hold a NUL character/],
  ]
  for (const [name, path, code, message] of cases)
    it(`${name} is a failure with ${code}, the other paths still load`, async () => {
      const got = await loadArticles([path, file])
      expect(got.articles.map((article) => article.id)).toEqual(['story'])
      expect(got.failures).toHaveLength(1)
      expect(got.failures[0]?.path).toBe(path)
      expect(got.failures[0]?.error.code).toBe(code)
      expect(got.failures[0]?.error.message).toMatch(message)
      expect(got.failures[0]?.error.message).not.toMatch(/\b(?:stat|scandir|open)\b/)
    })

  it('a directory without article files is NO_ARTICLE_FILES; an empty article NO_STORY_TEXT', async () => {
    const empty = join(dir, 'empty')
    mkdirSync(empty)
    const blank = join(dir, 'blank.txt')
    writeFileSync(blank, '  \n')
    const got = await loadArticles([empty, blank])
    expect(got.articles).toEqual([])
    expect(got.failures.map(({ path, error }) => [path, error.code])).toEqual([
      [empty, 'NO_ARTICLE_FILES'],
      [blank, 'NO_STORY_TEXT'],
    ])
  })

  it('reads a file given twice once, and says so; two files of one name both load', async () => {
    const other = join(dir, 'other')
    mkdirSync(other)
    writeFileSync(join(other, 'story.txt'), 'The council closed the old bridge on Friday.')
    const got = await loadArticles([file, file, other])
    expect(got.articles.map((article) => article.id)).toEqual(['story', 'other/story'])
    expect(got.paths).toEqual({ story: file, 'other/story': join(other, 'story.txt') })
    expect(got.repeated).toEqual([file])
    const sources = await readArticleSources([file, file])
    expect(sources.sources.map((source) => source.id)).toEqual(['story'])
    expect(sources.repeated).toEqual([file])
  })

  it('tells its progress before each article and at the end, and stops when the signal aborts', async () => {
    const seen: Array<[number, number, string]> = []
    await loadArticles([file], { onProgress: (...args) => seen.push(args) })
    expect(seen).toEqual([
      [0, 1, file],
      [1, 1, ''],
    ])
    const stop = new AbortController()
    stop.abort(new Error('stopped'))
    await expect(loadArticles([file], { signal: stop.signal })).rejects.toThrow('stopped')
  })
})
