import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { MAX_ANSWER_CHARS } from './limits.js'
import { DEFAULT_LIMIT, decodeCursor, encodeCursor, MAX_LIMIT, page } from './paging.js'
import type { Slice, Window } from './reader.js'

/** A tool's answer: the same JSON as structured content and as text, for clients that read either. */
export function ok(data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(data) }], structuredContent: data }
}

/** A tool failure the model can recover from: what went wrong and what to call instead. */
export function fail(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] }
}

/**
 * One page of a list as a tool answer `{ [key]: items, total, nextCursor? }`,
 * each item shaped by `shape`, cut short (with a cursor to the rest) when its
 * JSON would pass {@link MAX_ANSWER_CHARS} characters; a cursor this server did not give is a failure
 * that says how to start over.
 */
export function paged<T>(
  key: string,
  all: readonly T[],
  limit: number | undefined,
  cursor: string | undefined,
  shape: (item: T) => unknown = (item) => item,
): CallToolResult {
  let chosen: ReturnType<typeof page<T>>
  try {
    chosen = page(all, limit, cursor)
  } catch (error) {
    return fail((error as Error).message)
  }
  const shaped = chosen.items.map(shape)
  // Long items (a page's worth of title, a long quote) make a shorter page, never a huge answer.
  let kept = shaped.length
  const answer = (count: number) => {
    const next = chosen.offset + count
    return {
      [key]: shaped.slice(0, count),
      total: chosen.total,
      ...(next < chosen.total ? { nextCursor: encodeCursor(next) } : {}),
    }
  }
  while (kept > 1 && JSON.stringify(answer(kept)).length > MAX_ANSWER_CHARS)
    kept = Math.max(1, Math.floor(kept / 2))
  return ok(answer(kept))
}

/**
 * As {@link paged}, for a list the reader cuts itself (a store answers a
 * window from SQL): `fetch` is asked for the window the cursor and limit say.
 */
export async function pagedFrom<T>(
  key: string,
  fetch: (window: Window) => Promise<Slice<T>>,
  limit: number | undefined,
  cursor: string | undefined,
  shape: (item: T) => unknown = (item) => item,
): Promise<CallToolResult> {
  const offset = cursor === undefined ? 0 : decodeCursor(cursor)
  const restart = `the cursor "${cursor}" is not one this server gave out; call the tool again without a cursor to start from the first page`
  if (offset === null) return fail(restart)
  const size = Math.min(Math.max(1, limit ?? DEFAULT_LIMIT), MAX_LIMIT)
  const { items, total } = await fetch({ offset, limit: size })
  if (offset > total) return fail(restart)
  const shaped = items.map(shape)
  let kept = shaped.length
  const answer = (count: number) => {
    const next = offset + count
    return {
      [key]: shaped.slice(0, count),
      total,
      ...(next < total ? { nextCursor: encodeCursor(next) } : {}),
    }
  }
  while (kept > 1 && JSON.stringify(answer(kept)).length > MAX_ANSWER_CHARS)
    kept = Math.max(1, Math.floor(kept / 2))
  return ok(answer(kept))
}
