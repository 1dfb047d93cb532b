import { createHash } from 'node:crypto'
import {
  type Article,
  type ArticleProfile,
  type ArticleSource,
  type Claim,
  CorroborateError,
  extractClaims,
  extractQuotes,
  normalizeArticle,
  packProfile,
  profileArticle,
  type Quote,
  type Speaker,
} from '@corroborate/core'

/**
 * One article with everything the store keeps of it, computed without the
 * store: JSON-safe, so that a worker thread can make it and post it.
 */
export interface PreparedArticle {
  contentHash: string
  format: string
  content: string
  metadata: Record<string, unknown>
  path: string | null
  article: Article
  quotes: Quote[]
  speakers: Speaker[]
  claims: Claim[]
  profile: ArticleProfile
}

/** Hex SHA-256 of an article's content as given: the same text is the same article. */
export function contentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex')
}

/**
 * Normalizes one article and extracts its quotes, claims and story profile
 * with the core's functions. CPU only; no database. `normalized`: the
 * article already normalized from `source` (by a caller that checked it).
 * @throws CorroborateError `INVALID_ARGUMENT` when nothing is left of the body
 *   after cleaning, and whatever `normalizeArticle` throws for bad input.
 */
export function prepareArticle(source: ArticleSource, normalized?: Article): PreparedArticle {
  if (!source || typeof source !== 'object' || typeof source.content !== 'string')
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      'addArticle expects an article source { content, format?, id?, metadata? }',
    )
  const article = normalized ?? normalizeArticle(source)
  if (article.paragraphs.length === 0)
    throw new CorroborateError(
      'INVALID_ARGUMENT',
      `article "${article.id}" has no body text: ${article.messages.find((m) => m.severity === 'error')?.message ?? 'nothing was left after cleaning'}`,
      { subject: source.path ?? article.id },
    )
  const { quotes, speakers } = extractQuotes(article)
  const { claims } = extractClaims(article, quotes)
  return {
    contentHash: contentHash(source.content),
    format: article.format,
    content: source.content,
    metadata: { ...(source.metadata ?? {}) } as Record<string, unknown>,
    path: source.path ?? null,
    article,
    quotes,
    speakers,
    claims,
    profile: profileArticle(article, quotes, claims, speakers),
  }
}

/**
 * A prepared article as the store writes it: the columns already JSON, and the
 * large ones UTF-8 bytes, so that a worker thread does the serializing and the
 * encoding and the writer only passes bytes on (the database takes them as they are).
 */
export interface SerializedArticle {
  id: string
  contentHash: string
  format: string
  content: string
  path: string | null
  /** The story profile, parsed: the writer's story index reads it. */
  profile: ArticleProfile
  /** Non-term quotes. */
  quotes: number
  json: {
    metadata: string
    article: Uint8Array
    quotes: Uint8Array
    speakers: Uint8Array
    claims: Uint8Array
    profile: Uint8Array
    /** The profile as `packProfile`'s bytes, in base64: what a restart restores the story index from. */
    packedProfile: string
    /**
     * What is read of the article without reading it whole (id, format, title,
     * author, published, outlet, url): kept in its column when the article is
     * kept in parts.
     */
    head: string
    /**
     * The searchable passages (sentences, non-term quotes, claims), as JSON
     * arrays of about {@link PASSAGE_SLICE} characters each: each is written
     * by one short statement.
     */
    passages: Uint8Array[]
  }
}

const encoder = new TextEncoder()

/** A value as UTF-8 JSON, in a buffer of its own (one a worker can transfer). */
export function jsonBytes(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value))
}

/** Characters of JSON per slice of passages: PostgreSQL indexes their words as it writes them. */
export const PASSAGE_SLICE = 8_000

/**
 * Items as JSON arrays of about `size` characters each (an item larger than
 * that alone); none for no items. Serialized once, cut without parsing again.
 */
export function jsonSlices(items: readonly unknown[], size: number): string[] {
  const slices: string[] = []
  let slice: string[] = []
  let length = 0
  for (const item of items) {
    const text = JSON.stringify(item)
    if (slice.length > 0 && length + text.length > size) {
      slices.push(`[${slice.join(',')}]`)
      slice = []
      length = 0
    }
    slice.push(text)
    length += text.length + 1
  }
  if (slice.length > 0) slices.push(`[${slice.join(',')}]`)
  return slices
}

/** The searchable passages of one article: its sentences, its non-term quotes and its claims. */
function passagesOf(prepared: PreparedArticle) {
  const speakers = new Map(prepared.speakers.map((s) => [s.id, s.name]))
  return [
    ...prepared.article.sentences.map((s) => ({
      kind: 'sentence',
      ref: null,
      text: s.text,
      speaker: null,
      s: s.span.start,
      e: s.span.end,
    })),
    ...prepared.quotes
      .filter((q) => q.kind !== 'term')
      .map((q) => ({
        kind: 'quote',
        ref: q.id,
        text: q.text,
        speaker: q.speaker ? (speakers.get(q.speaker.id) ?? q.speaker.name) : null,
        s: q.span.start,
        e: q.span.end,
      })),
    ...prepared.claims.map((c) => ({
      kind: 'claim',
      ref: c.id,
      text: c.text,
      speaker: null,
      s: c.span.start,
      e: c.span.end,
    })),
  ]
}

/** See {@link SerializedArticle.json}'s `head`. */
function headOf(article: Article) {
  const { id, format, title, author, published, outlet, url } = article
  return { id, format, title, author, published, outlet, url }
}

/** A profile as the store keeps it packed: `packProfile`'s bytes in base64. */
export function packedProfileText(profile: ArticleProfile): string {
  const bytes = packProfile(profile)
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}

/** Serializes a prepared article's columns (see {@link SerializedArticle}). */
export function serializeArticle(prepared: PreparedArticle): SerializedArticle {
  return {
    id: prepared.article.id,
    contentHash: prepared.contentHash,
    format: prepared.format,
    content: prepared.content,
    path: prepared.path,
    profile: prepared.profile,
    quotes: prepared.quotes.filter((q) => q.kind !== 'term').length,
    json: {
      metadata: JSON.stringify(prepared.metadata),
      article: jsonBytes(prepared.article),
      quotes: jsonBytes(prepared.quotes),
      speakers: jsonBytes(prepared.speakers),
      claims: jsonBytes(prepared.claims),
      profile: jsonBytes(prepared.profile),
      packedProfile: packedProfileText(prepared.profile),
      head: JSON.stringify(headOf(prepared.article)),
      passages: jsonSlices(passagesOf(prepared), PASSAGE_SLICE).map((slice) =>
        encoder.encode(slice),
      ),
    },
  }
}
