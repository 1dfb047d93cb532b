import type { SerializedArticle } from '../prepare-article.js'
import type { PartField } from '../rows.js'
import { piece, pieceBounds, type Step } from '../slices.js'

/**
 * An article's passages ($1 its id, `passages` the parameter of their JSON); the database
 * computes each one's tsvector.
 */
export const insertPassagesSql = (
  passages: string,
) => `INSERT INTO passages (article_id, kind, ref, text, speaker, span_start, span_end)
  SELECT $1, p.kind, p.ref, p.text, p.speaker, p.s, p.e
  FROM json_to_recordset(${passages}::json) AS p(kind text, ref text, text text, speaker text, s integer, e integer)`

/** Steps that write a serialized article's passages, one slice of them each. */
export const passageSteps = (id: string, slices: readonly Uint8Array[]): Step[] =>
  slices.map((slice) => (tx) => tx.query(insertPassagesSql('$2'), [id, slice]))

/**
 * An article's values as its rows keep them: each whole in its column, or,
 * over `sliceChars`, in pieces (`article_parts`) with a stub in the column
 * that holds what is read without the whole (title, label, outlet). `steps`
 * write the pieces; `inParts` names the fields kept in them.
 */
export function articleValues(
  prepared: SerializedArticle,
  fields: readonly PartField[],
  sliceChars: number,
) {
  const parts: Array<{
    field: PartField
    n: number
    text: string | Uint8Array
    at: [number, number]
  }> = []
  const { article, day, published, outlet, label } = prepared.profile
  const texts: Record<PartField, [text: string | Uint8Array, stub: string]> = {
    content: [prepared.content, ''],
    article: [prepared.json.article, prepared.json.head],
    quotes: [prepared.json.quotes, '[]'],
    speakers: [prepared.json.speakers, '[]'],
    claims: [prepared.json.claims, '[]'],
    profile: [prepared.json.profile, JSON.stringify({ article, day, published, outlet, label })],
  }
  const values = {} as Record<PartField, string | Uint8Array>
  for (const field of fields) {
    const [text, stub] = texts[field]
    if (text.length <= sliceChars) values[field] = text
    else {
      for (const [n, at] of pieceBounds(text, sliceChars).entries())
        parts.push({ field, n, text, at })
      values[field] = stub
    }
  }
  const inParts = [...new Set(parts.map((part) => part.field))]
  // Each piece copied in the step that writes it: a large article's values are megabytes.
  const steps: Step[] = parts.map(
    (part) => (tx) =>
      tx.query('INSERT INTO article_parts (article_id, field, n, body) VALUES ($1, $2, $3, $4)', [
        prepared.id,
        part.field,
        part.n,
        piece(part.text, ...part.at),
      ]),
  )
  // The analysis columns in the order both writers' statements take them.
  const analysis = [values.article, values.quotes, values.speakers, values.claims, values.profile]
  return { values, analysis, inParts, steps }
}
