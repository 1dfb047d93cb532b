/**
 * Largest JSON-RPC message taken, in bytes of UTF-8: the MCP SDK's stdio
 * reader stops at 10 MiB, and HTTP takes the same so that both transports carry
 * the same articles.
 */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024

/** Time one add_article may spend analysing its article in the worker, by default. */
export const DEFAULT_ANALYSIS_BUDGET_MS = 60_000

/**
 * Longest metadata value, in characters: a caller's longer value is refused,
 * a longer one read from the content is clipped, so that no answer that lists
 * articles grows with a page's junk.
 */
export const METADATA_LIMITS = {
  title: 500,
  outlet: 200,
  author: 300,
  url: 2000,
  published: 100,
  dateline: 200,
} as const

/** Size a list answer is cut to, in characters of its JSON: well under the 25,000 a client reads comfortably. */
export const MAX_ANSWER_CHARS = 24_000
