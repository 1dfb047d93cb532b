import { z } from 'zod'
import { DEFAULT_LIMIT, MAX_LIMIT } from './paging.js'

/** Shared input fields: paging. */
const limitField = z
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .optional()
  .describe(`How many items to return (1–${MAX_LIMIT}, default ${DEFAULT_LIMIT}).`)
export const cursorField = z
  .string()
  .optional()
  .describe(
    'The nextCursor of the previous page, to read the next one; leave out for the first page.',
  )
/** The input fields of a paged tool (`limit`, `cursor`), last in its input schema. */
export const pageInputFields = { limit: limitField, cursor: cursorField }

/**
 * A whole number in an answer, checked as `z.number().int()` checks it. Its JSON Schema is
 * `{"type":"integer"}` alone: `z.number().int()` states the safe-integer bounds on every field,
 * some 3.5 KB of tools/list that no count, offset or span comes near.
 */
export const integer = () =>
  z.number().refine(Number.isSafeInteger, 'expected an integer').meta({ type: 'integer' })

/** Shared output fields. */
export const spanSchema = z
  .object({ start: integer(), end: integer() })
  .describe('Character range [start, end) in the article’s original text (UTF-16 code units).')
export const speakerRefSchema = z
  .object({ id: z.string(), name: z.string() })
  .nullable()
  .describe('The canonical speaker, or null when the text does not say who spoke.')
export const nextCursorField = z
  .string()
  .optional()
  .describe('Pass as cursor to get the next page; absent on the last page.')

/**
 * The output fields of a page of `key`: its items, how many there are over all pages
 * (`total`, which `counted` describes) and the cursor of the next page.
 */
export const pageFields = (key: string, item: z.ZodType, counted: string) => ({
  [key]: z.array(item),
  total: integer().describe(counted),
  nextCursor: nextCursorField,
})

/**
 * The annotations of a tool that only reads the corpus: it changes nothing, answers the same
 * twice, and reaches nothing outside it.
 */
export const READ_ONLY_TOOL = { readOnlyHint: true, idempotentHint: true, openWorldHint: false }
