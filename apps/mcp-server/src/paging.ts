/** Default and largest page sizes: default answers stay well under 25,000 characters. */
export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 100

/** One page of a list, and the cursor of the next page when there is one. */
export interface Page<T> {
  items: T[]
  /** Where `items` start in the whole list. */
  offset: number
  total: number
  nextCursor?: string
}

/** A cursor is the offset of the next item, base64url-encoded so that clients treat it as opaque. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url')
}

/** The offset a cursor stands for, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  const m = /^o:(\d+)$/.exec(text)
  return m ? Number(m[1]) : null
}

/**
 * Cuts a page out of `items` at the cursor's offset.
 * @throws Error with a message for the model when the cursor is not valid.
 */
export function page<T>(items: readonly T[], limit = DEFAULT_LIMIT, cursor?: string): Page<T> {
  const offset = cursor === undefined ? 0 : decodeCursor(cursor)
  if (offset === null || offset > items.length)
    throw new Error(
      `the cursor "${cursor}" is not one this server gave out; call the tool again without a cursor to start from the first page`,
    )
  const size = Math.min(Math.max(1, limit), MAX_LIMIT)
  const slice = items.slice(offset, offset + size)
  const next = offset + slice.length
  return {
    items: slice,
    offset,
    total: items.length,
    ...(next < items.length ? { nextCursor: encodeCursor(next) } : {}),
  }
}
