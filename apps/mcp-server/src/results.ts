import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { page } from './paging.js'

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
 * each item shaped by `shape`; a cursor this server did not give is a failure
 * that says how to start over.
 */
export function paged<T>(
  key: string,
  all: readonly T[],
  limit: number | undefined,
  cursor: string | undefined,
  shape: (item: T) => unknown = (item) => item,
): CallToolResult {
  try {
    const { items, total, nextCursor } = page(all, limit, cursor)
    return ok({ [key]: items.map(shape), total, ...(nextCursor ? { nextCursor } : {}) })
  } catch (error) {
    return fail((error as Error).message)
  }
}
