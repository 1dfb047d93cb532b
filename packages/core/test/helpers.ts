import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
import { wordTokens } from '../src/crossref/index.js'
import { isCorroborateError } from '../src/errors.js'
import type { Article, Quote, QuoteCluster, Span, WordChange } from '../src/types.js'

/** A plain-text article from its paragraphs, one blank line between them. */
export const blocks = (...parts: string[]) => parts.join('\n\n')

/** What a span covers of the article's original; null for a null span. */
export function slice(article: Article, span: Span): string
export function slice(article: Article, span: Span | null): string | null
export function slice(article: Article, span: Span | null): string | null {
  return span ? article.original.slice(span.start, span.end) : null
}

/** The span of the first `text` in the original at or after `from`; fails the test when there is none. */
export function spanOf(article: Article, text: string, from = 0): Span {
  const start = article.original.indexOf(text, from)
  expect(start).toBeGreaterThanOrEqual(0)
  return { start, end: start + text.length }
}

/** The words a word diff gives for one side, in order. */
const diffSide = (steps: readonly WordChange[], which: 'canonical' | 'member') =>
  steps
    .filter(
      (s) =>
        s.op === 'equal' ||
        s.op === 'replace' ||
        s.op === (which === 'member' ? 'insert' : 'delete'),
    )
    .flatMap((s) => s[which].split(' '))

/** Every member's diff reads back to both wordings: the member's words on one side, the canonical's on the other. */
export function expectDiffsReadBack(clusters: readonly QuoteCluster[]) {
  for (const cluster of clusters) {
    for (const member of cluster.members) {
      expect(diffSide(member.diff, 'member')).toEqual(wordTokens(member.text).map((t) => t.text))
      expect(diffSide(member.diff, 'canonical')).toEqual(
        wordTokens(cluster.canonical).map((t) => t.text),
      )
    }
  }
}

/** The texts of the article's paragraphs, in order. */
export const paragraphTexts = (article: Article) => article.paragraphs.map((p) => p.text)

/** Every quote, mention and cue slices back to its text in the article's original. */
export function expectSlicesBack({ article, quotes }: { article: Article; quotes: Quote[] }) {
  for (const quote of quotes) {
    expect(slice(article, quote.span)).toBe(quote.text)
    if (quote.mention) expect(slice(article, quote.mention.span)).toBe(quote.mention.text)
    if (quote.cue) expect(slice(article, quote.cue.span)).toBe(quote.cue.text)
  }
}

/**
 * A quote as `extractQuotes` writes it, of article `a`, its first: a statement in the first
 * paragraph, its span from 0, with no speaker, mention, cue, channel or rule and a confidence of 0,
 * but for the fields given.
 */
export const quoteOf = (fields: Pick<Quote, 'text'> & Partial<Quote>): Quote => ({
  id: 'a#q0',
  article: 'a',
  span: { start: 0, end: fields.text.length },
  kind: 'statement',
  paragraph: 0,
  speaker: null,
  mention: null,
  cue: null,
  channel: null,
  confidence: 0,
  rule: null,
  continues: null,
  ...fields,
})

/** A scratch folder made before the suite's tests (its path in `dir` from then) and removed after them. */
export function scratchFolder(prefix: string): { dir: string } {
  const scratch = { dir: '' }
  beforeAll(async () => {
    scratch.dir = await mkdtemp(join(tmpdir(), prefix))
  })
  afterAll(async () => {
    if (scratch.dir) await rm(scratch.dir, { recursive: true, force: true })
  })
  return scratch
}

/** A metadata field as read from the article's own text: its value, the words it was read from and their span. */
export const fromText = (value: string, text: string, span: Span) => ({
  value,
  text,
  span,
  source: 'text',
})

/** A metadata field given beside the article (by the caller or a sidecar file): no span in it. */
export const fromCaller = (value: string, text = value, source = 'caller') => ({
  value,
  text,
  span: null,
  source,
})

/** The code of the CorroborateError a call throws, or says that it threw another error or none. */
export function errorCodeOf(call: () => unknown): string {
  try {
    call()
  } catch (error) {
    return isCorroborateError(error) ? error.code : 'not a CorroborateError'
  }
  return 'no error'
}
