import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ArticleSource, loadArticleFile } from '@corroborate/core'
import { afterEach, beforeEach, inject } from 'vitest'

export const SEEDS = fileURLToPath(new URL('../../../seeds/', import.meta.url))

/** The five seed articles as sources, in file order. */
export async function seedSources(): Promise<ArticleSource[]> {
  const names = (await readdir(SEEDS)).filter((name) => name.endsWith('.txt')).sort()
  return Promise.all(names.map((name) => loadArticleFile(join(SEEDS, name))))
}

/** A fresh temporary directory, and how to remove it. */
export async function tempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'corroborate-store-'))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/**
 * Makes the empty directory `path` an empty store, as `openStore` leaves a new one once
 * closed: a copy of the one test/global-setup.ts creates per run (creating a cluster
 * takes seconds). Tests of a store's creation or of an older schema start from nothing.
 */
export async function copyEmptyStore(path: string): Promise<void> {
  await cp(inject('emptyStore'), path, { recursive: true })
}

/**
 * An empty store on disk for each test of the file that calls this (at its top level):
 * a copy in a fresh temporary directory, removed after the test. `path` is the current
 * test's directory.
 */
export function emptyStorePerTest(): { readonly path: string } {
  let dir: Awaited<ReturnType<typeof tempDir>> | null = null
  beforeEach(async () => {
    dir = await tempDir()
    await copyEmptyStore(dir.path)
  })
  afterEach(async () => {
    await dir?.remove()
    dir = null
  })
  return {
    get path() {
      if (dir === null) throw new Error('the empty store is made for each test, read it in one')
      return dir.path
    },
  }
}

/** Runs `use` on what `opening` opens (a store, a database), and closes it when `use` is done or fails. */
export async function withOpen<T extends { close(): Promise<unknown> }>(
  opening: Promise<T>,
  use: (opened: T) => Promise<void>,
): Promise<void> {
  const opened = await opening
  try {
    await use(opened)
  } finally {
    await opened.close()
  }
}

/** A small hand-written article of another story than the seeds'. */
export function otherArticle(n: number): ArticleSource {
  return {
    id: `harbour-${n}`,
    format: 'text',
    content: `Harbour bridge closed for repairs, number ${n}

The city council closed the old harbour bridge on Tuesday after inspectors found cracks in two of its steel supports.

"We will not reopen it until every support has been replaced," said Maria Lindqvist, the council's head of transport, at a news conference.

Repairs are expected to cost 4.2 million euros and to take eleven weeks, the council said. Ferries will run every twenty minutes in the meantime.
`,
    metadata: { outlet: `Harbour Courier ${n}`, published: '2025-03-11' },
  }
}

/**
 * A small hand-written article quoting two people of close names: Anna Berg
 * twice, Anna Bergström once.
 */
export function ferryArticle(): ArticleSource {
  return {
    id: 'ferry-1',
    format: 'text',
    content: `Ferry timetable changes after the harbour bridge closure

The ferry company will add two crossings an hour while the old harbour bridge is closed, it said on Wednesday.

"We expect the morning boats to be full for the first week," said Anna Berg, the company's operations manager.

Commuters were less sure. "Twenty minutes is a long wait in the rain," said Anna Bergström, who crosses every day to work at the hospital.

"The extra boats will run until the bridge reopens," Anna Berg said.
`,
    metadata: { outlet: 'Harbour Courier', published: '2025-03-12' },
  }
}
