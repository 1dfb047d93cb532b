import { CorroborateError } from '@corroborate/core'

/** The offset a page cursor stands for (0 for none). */
export function readCursor(cursor: string | null | undefined): number {
  if (cursor === undefined || cursor === null) return 0
  const decoded = /^[\w-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const offset = /^\d{1,9}$/.test(decoded) ? Number(decoded) : -1
  if (offset < 0)
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `cursor "${cursor}" is not one this store gave; pass the next of the previous page, or none for the first`,
    )
  return offset
}
/** The cursor of the page that starts at `offset`. */
export const writeCursor = (offset: number) =>
  Buffer.from(String(offset), 'utf8').toString('base64url')

/** A page's limit, checked (default 20). */
export function readLimit(limit: number | undefined): number {
  const value = limit ?? 20
  if (!Number.isInteger(value) || value < 1 || value > 500)
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `limit is a whole number from 1 to 500, not ${String(limit)}`,
    )
  return value
}
