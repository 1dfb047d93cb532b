import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../src/index.js'
import { otherArticle, tempDir } from './helpers.js'
import { storeSuite } from './store-suite.js'

let dir: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => {
  await dir.remove()
})

describe('PGlite store on disk', () => {
  storeSuite(() => openStore({ dataDir: dir.path }))

  it('is one process’s at a time: a second open is refused while the first is open', async () => {
    const store = await openStore({ dataDir: dir.path })
    try {
      await expect(openStore({ dataDir: dir.path })).rejects.toThrow(/is open in process/)
    } finally {
      await store.close()
    }
    const again = await openStore({ dataDir: dir.path })
    await again.close()
  })

  it('analyses articles of an older analysis version again when read, and says so', async () => {
    const old = await openStore({ dataDir: dir.path }, { analysisVersion: 0 })
    await old.addArticle(otherArticle(1))
    await old.close()
    const lines: string[] = []
    const store = await openStore({ dataDir: dir.path }, { log: (line) => lines.push(line) })
    try {
      expect(lines).toContain(
        '1 stored articles were analysed by an older core; each is analysed again when read',
      )
      const stored = await store.getArticle('harbour-1')
      expect(stored?.quotes.some((q) => q.speaker?.name === 'Maria Lindqvist')).toBe(true)
      expect(lines).toContain('analysed article harbour-1 again (stored at analysis version 0)')
      // Written back: the next read does not analyse it again.
      lines.length = 0
      await store.getArticle('harbour-1')
      expect(lines).toEqual([])
    } finally {
      await store.close()
    }
  })
})

// Every value over 300 characters in pieces, every piece its own transaction: what a large
// article or story is stored as, read back by every query of the suite.
describe('PGlite store on disk, writing in small slices', () => {
  storeSuite(() => openStore({ dataDir: dir.path }, { slices: { chars: 300, ms: 0 } }))
})

describe('PGlite store in memory', () => {
  it('holds articles until closed', async () => {
    const store = await openStore({ memory: true })
    try {
      expect(await store.count()).toBe(0)
      await store.addArticle(otherArticle(1))
      expect(await store.count()).toBe(1)
      expect(store.engine).toBe('pglite')
    } finally {
      await store.close()
    }
  })
})
