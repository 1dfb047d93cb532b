import { z } from 'zod'
import { DEFAULT_LIMIT, MAX_LIMIT } from './paging.js'

/** Shared input fields: paging. */
const limitField = z
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .optional()
  .describe(`Default ${DEFAULT_LIMIT}.`)
export const cursorField = z.string().optional().describe('nextCursor of the previous page.')
/** The input fields of a paged tool (`limit`, `cursor`), last in its input schema. */
export const pageInputFields = { limit: limitField, cursor: cursorField }

/**
 * A whole number in an answer, checked as `z.number().int()` checks it. Its JSON Schema is
 * `{"type":"integer"}` alone: `z.number().int()` states the safe-integer bounds on every field,
 * some 3.5 KB of tools/list that no count, offset or span comes near.
 */
export const integer = () =>
  z.number().refine(Number.isSafeInteger, 'expected an integer').meta({ type: 'integer' })

// Shared output fields are inlined at each use (no $ref: several MCP clients fail to resolve
// references in tool schemas), so a description on them would repeat at every use: the
// server's instructions and the tools' descriptions say what they hold.
/** A character range [start, end) in the article's original text, in UTF-16 code units. */
export const spanSchema = z.object({ start: integer(), end: integer() })
/** The canonical speaker, or null when the text does not say who spoke. */
export const speakerRefSchema = z.object({ id: z.string(), name: z.string() }).nullable()
export const nextCursorField = z.string().optional()

/**
 * The output fields of a page of `key`: its items, how many match over all pages (`total`)
 * and the cursor of the next page.
 */
export const pageFields = (key: string, item: z.ZodType) => ({
  [key]: z.array(item),
  total: integer().describe('Matches over all pages.'),
  nextCursor: nextCursorField,
})

/**
 * The annotations of a tool that only reads the corpus: it changes nothing, answers the same
 * twice, and reaches nothing outside it.
 */
export const READ_ONLY_TOOL = { readOnlyHint: true, idempotentHint: true, openWorldHint: false }
