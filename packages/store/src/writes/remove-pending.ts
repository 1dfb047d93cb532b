import type { Queryable } from '../queryable.js'
import type { StoreState } from '../store-state.js'

/**
 * Removes an article left pending (written in slices, its last transaction
 * not reached) and what was written of it: the store is as before it. False
 * when it is not pending (finished, or gone).
 */
export async function removePending(db: Queryable, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query('SELECT 1 FROM articles WHERE id = $1 AND pending', [id])
    if (rows.length === 0) return false
    for (const table of ['passages', 'article_parts', 'story_members', 'analyses'])
      await tx.query(`DELETE FROM ${table} WHERE article_id = $1`, [id])
    await tx.query('DELETE FROM articles WHERE id = $1', [id])
    return true
  })
}

/**
 * Removes what a process that stopped in the middle of writing in slices
 * (kill -9) left: its pending articles, and the pieces of story analyses no
 * stored analysis uses. Only for a store written in slices (PGlite), which is
 * this process's alone: none of them is being written now.
 */
export async function removeHalfWritten(state: StoreState): Promise<void> {
  const { db, log } = state
  const { rows: left } = await db.query<{ id: string }>(
    'SELECT id FROM articles WHERE pending ORDER BY seq',
  )
  for (const { id } of left)
    if (await removePending(db, id))
      log(`removed article ${id}, half-written when the store was last used (the process stopped)`)
  // Pieces of story analyses no stored analysis uses: one written in slices that was not finished.
  for (const table of ['story_texts', 'story_items'])
    await db.query(
      `DELETE FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM story_analyses sa
           WHERE sa.story_id = t.story_id AND sa.revision = t.revision AND sa.parts)`,
    )
}
