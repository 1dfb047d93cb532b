/** Codes of `CorroborateError`: a caller's contract violation or an input the caller named that cannot be used (a path, a store), never a problem inside an article. */
export const CORROBORATE_ERROR_CODES = [
  'INVALID_ARGUMENT',
  'FILE_NOT_FOUND',
  'NOT_A_FILE',
  'NOT_A_DIRECTORY',
  'READ_FAILED',
  'INVALID_UTF8',
  'BINARY_INPUT',
  'INPUT_TOO_LARGE',
  'INVALID_METADATA',
  'UNSUPPORTED_FORMAT',
  'NO_ARTICLE_FILES',
  'NO_STORY_TEXT',
  'DUPLICATE_ID',
  'UNKNOWN_ID',
] as const
export type CorroborateErrorCode = (typeof CORROBORATE_ERROR_CODES)[number]

/**
 * Thrown when a caller breaks the contract of a function (a missing file, bytes
 * that are not text, an option out of range). The message says what failed,
 * what was expected and what came instead.
 */
export class CorroborateError extends Error {
  readonly code: CorroborateErrorCode
  /** The file or argument the error is about, when there is one. */
  readonly subject: string | null

  constructor(
    code: CorroborateErrorCode,
    message: string,
    options: { subject?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'CorroborateError'
    this.code = code
    this.subject = options.subject ?? null
  }
}

/** True for a `CorroborateError`, also across package copies. */
export function isCorroborateError(value: unknown): value is CorroborateError {
  return (
    value instanceof CorroborateError ||
    (value instanceof Error && value.name === 'CorroborateError' && 'code' in value)
  )
}
