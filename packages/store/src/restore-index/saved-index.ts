import { isCorroborateError, restoreStoryIndexInSteps, type StoryIndex } from '@corroborate/core'
import {
  readIndexSnapshot,
  releaseSnapshot,
  removeIndexSnapshot,
  type SnapshotMark,
  writeIndexSnapshot,
} from '../index-snapshot.js'
import type { Queryable } from '../queryable.js'
import { stepsInSlices } from '../slices.js'
import { enqueue, type StoreState } from '../store-state.js'

// The story index is saved (PGlite on disk) once a restore placed this many profiles, and
// again every this many adds: a restart then places only those added since.
export const SAVE_AFTER_RESTORE = 100
export const SAVE_EVERY = 1000

/**
 * The story index as saved at an earlier run, when it holds exactly the stored
 * articles up to its mark (else null: the index is restored from the profiles).
 * When used, the index state says how far it goes.
 */
export async function restoreSavedIndex(
  state: StoreState,
  q: Queryable,
  yieldBetween: boolean,
): Promise<StoryIndex | null> {
  const path = state.storyIndex.snapshotPath
  if (path === null) return null
  const notUsed = (why: string) => {
    state.log(
      `the saved story index was not used (${why}); it is restored from the stored profiles`,
    )
    return null
  }
  let saved: Awaited<ReturnType<typeof readIndexSnapshot>>
  try {
    saved = await readIndexSnapshot(path)
  } catch (error) {
    return notUsed((error as Error).message)
  }
  if (saved === null) return null
  try {
    return await restoreFrom(state, q, yieldBetween, saved, notUsed)
  } finally {
    releaseSnapshot(saved.snapshot)
  }
}

/** The index of a saved index read, when its mark matches the store; else null, told why. */
async function restoreFrom(
  state: StoreState,
  q: Queryable,
  yieldBetween: boolean,
  { mark, snapshot }: { mark: SnapshotMark; snapshot: Uint8Array },
  notUsed: (why: string) => null,
): Promise<StoryIndex | null> {
  const { rows } = await q.query<{ n: string; last: string | null }>(
    `SELECT count(*) AS n, (SELECT id FROM articles WHERE seq = $1 AND NOT pending) AS last
       FROM articles WHERE seq <= $1 AND NOT pending`,
    [mark.seq],
  )
  if (Number(rows[0]?.n) !== mark.size || (rows[0]?.last ?? null) !== mark.last)
    return notUsed('it does not hold the articles stored up to its last one')
  let index: StoryIndex
  try {
    // In steps of about `sliceMs`, calls waiting for the database going first between them:
    // a store of 10,000 articles is a few hundred milliseconds of restore.
    index = await stepsInSlices(
      restoreStoryIndexInSteps(snapshot, state.storyOptions),
      yieldBetween ? { db: state.db, ms: state.sliceMs } : null,
    )
  } catch (error) {
    if (!isCorroborateError(error)) throw error
    return notUsed(error.message)
  }
  if (index.size !== mark.size) return notUsed('it holds another number of articles')
  state.storyIndex.seq = mark.seq
  state.storyIndex.last = mark.last
  state.storyIndex.savedSize = mark.size
  return index
}

/**
 * Saves the story index beside the store when it holds `atLeast` articles more
 * than when last saved or read: the next run reads it instead of placing every
 * profile again. Taken between two adds; written while adds go on.
 */
export function saveStoryIndex(state: StoreState, atLeast: number): Promise<void> {
  const held = state.storyIndex
  const path = held.snapshotPath
  if (path === null) return held.saving
  const taken = enqueue(state.queues.index, async () => {
    const index = held.current
    if (index === null || held.profilesChanged || index.size - held.savedSize < atLeast) return null
    const mark: SnapshotMark = { seq: held.seq, size: index.size, last: held.last }
    held.savedSize = index.size
    return { mark, snapshot: index.snapshot() }
  })
  held.saving = held.saving
    .then(() => taken)
    .then(async (made) => {
      if (made) await writeIndexSnapshot(path, made.mark, made.snapshot)
    })
    .catch((error: Error) => state.log(`the story index was not saved: ${error.message}`))
  return held.saving
}

/**
 * The stored profiles changed under the index in memory (an article analysed
 * again): the saved index goes, and this process saves none from now on (the
 * next run restores from the profiles). Waits for the removal.
 */
export async function forgetSavedIndex(state: StoreState): Promise<void> {
  const held = state.storyIndex
  if (held.snapshotPath === null || held.profilesChanged) return
  held.profilesChanged = true
  const path = held.snapshotPath
  held.saving = held.saving.then(() => removeIndexSnapshot(path)).catch(() => {})
  await held.saving
}
