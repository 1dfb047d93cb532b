/**
 * Exit codes scripts can rely on. Output is written in full for 0, 4 and 5;
 * for 2 and 3 nothing goes to stdout.
 */
export const EXIT = {
  /** Every input was read and the report was written. */
  ok: 0,
  /** A fault of the program itself (a bug): the message says so. */
  internal: 1,
  /** The command line is wrong: unknown command or option, bad value. */
  usage: 2,
  /** No article could be read: a path does not exist, nothing in it is an article, or the store cannot be opened. */
  noInput: 3,
  /** The report was written, but some inputs could not be read (listed on stderr). */
  partial: 4,
  /** With --fail-on-dispute: the articles disagree somewhere (the report was written). */
  disputes: 5,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]
