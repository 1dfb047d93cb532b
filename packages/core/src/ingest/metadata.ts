// The English parsers alone: the package's root also loads fifteen other locales, 0.4 s of
// every process's start, for the same `strict` parser (the root re-exports English's).
import * as chrono from 'chrono-node/en'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import type {
  ArticleMetadataInput,
  Evidence,
  EvidenceSource,
  InputEvidenceSource,
  OutsideEvidenceSource,
  Span,
} from '../types.js'

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * An English or ISO date as ISO 8601: `YYYY-MM-DD`, or a full date-time when
 * the text gives the time and its zone. Null when the text does not name a
 * day, month and year: a date is never completed by guessing.
 */
export function normalizeDate(text: string): string | null {
  const trimmed = text.trim()
  const iso = ISO_DATE.exec(trimmed)
  if (iso) {
    const [, year, month, day, hour, minute, second, zone] = iso
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
    if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null
    if (hour === undefined || zone === undefined) return `${year}-${month}-${day}`
    const offset =
      zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`
    return `${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${offset}`
  }
  const [result] = chrono.strict.parse(trimmed, new Date(Date.UTC(2000, 0, 1)))
  if (!result) return null
  const known = result.start
  if (!known.isCertain('day') || !known.isCertain('month') || !known.isCertain('year')) return null
  const ymd = `${known.get('year')}-${pad(known.get('month') ?? 0)}-${pad(known.get('day') ?? 0)}`
  return ymd
}

/** The metadata fields a caller, front matter or sidecar may set; unknown keys are ignored. */
const metadataSchema = z
  .object({
    title: z.string().trim().min(1).optional(),
    headline: z.string().trim().min(1).optional(),
    author: z
      .union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)])
      .optional(),
    byline: z.string().trim().min(1).optional(),
    outlet: z.string().trim().min(1).optional(),
    source: z.string().trim().min(1).optional(),
    publisher: z.string().trim().min(1).optional(),
    site_name: z.string().trim().min(1).optional(),
    url: z.string().trim().min(1).optional(),
    link: z.string().trim().min(1).optional(),
    published: z.union([z.string().trim().min(1), z.date()]).optional(),
    date: z.union([z.string().trim().min(1), z.date()]).optional(),
    published_at: z.union([z.string().trim().min(1), z.date()]).optional(),
    datePublished: z.union([z.string().trim().min(1), z.date()]).optional(),
  })
  .loose()

const dateText = (value: string | Date | undefined) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : value

/**
 * Reads metadata from a parsed JSON or YAML object with the common key names
 * (`title`/`headline`, `author`/`byline`, `outlet`/`source`/`publisher`,
 * `published`/`date`, `url`/`link`). Returns an error text instead of throwing
 * so that the caller decides whether a bad sidecar is fatal.
 */
export function readMetadataObject(
  value: unknown,
): { metadata: ArticleMetadataInput } | { error: string } {
  const parsed = metadataSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') || 'the top level'
    return { error: `${where}: ${issue?.message ?? 'not valid metadata'}` }
  }
  const data = parsed.data
  const metadata: ArticleMetadataInput = {}
  const title = data.title ?? data.headline
  const author = Array.isArray(data.author) ? data.author.join(', ') : (data.author ?? data.byline)
  const outlet = data.outlet ?? data.source ?? data.publisher ?? data.site_name
  const url = data.url ?? data.link
  const published = dateText(data.published ?? data.date ?? data.published_at ?? data.datePublished)
  if (title) metadata.title = title
  if (author) metadata.author = author
  if (outlet) metadata.outlet = outlet
  if (url) metadata.url = url
  if (published) metadata.published = published
  return { metadata }
}

/** Parses a YAML front matter block into metadata, or says why it could not. */
export function readFrontMatter(
  yaml: string,
): { metadata: ArticleMetadataInput } | { error: string } {
  let value: unknown
  try {
    value = parseYaml(yaml)
  } catch (error) {
    return { error: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` }
  }
  if (value === null || value === undefined) return { metadata: {} }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { error: 'front matter must be a mapping of keys to values' }
  }
  return readMetadataObject(value)
}

/** Evidence from the input carries its span; evidence from outside it (caller, sidecar) has none. */
export function evidence<T>(
  value: T,
  text: string,
  span: Span,
  source: InputEvidenceSource,
): Evidence<T>
export function evidence<T>(
  value: T,
  text: string,
  span: null,
  source: OutsideEvidenceSource,
): Evidence<T>
export function evidence<T>(
  value: T,
  text: string,
  span: Span | null,
  source: EvidenceSource,
): Evidence<T> {
  return { value, text, span, source } as Evidence<T>
}
