import {
  type ClaimKind,
  type ClaimQualifier,
  NUMERIC_CLAIM_KINDS,
  type NumericClaimKind,
} from '../types.js'

interface FoundFields {
  start: number
  end: number
  unit: string | null
  noun: string | null
  qualifier: ClaimQualifier
}

/** A found claim whose value is a number: a count, a percentage, money or a year. */
export interface NumericFound extends FoundFields {
  kind: NumericClaimKind
  value: number
}

/** A found claim whose value is a string: a date, a day, a place, an itinerary or an action. */
export interface TextFound extends FoundFields {
  kind: Exclude<ClaimKind, NumericClaimKind>
  value: string
}

/** A claim found in one sentence, before it is placed in the article: offsets are the sentence's. */
export type Found = NumericFound | TextFound

/** Whether a found claim's kind is one whose value is a number. */
export function isNumericFound(found: Found): found is NumericFound {
  return (NUMERIC_CLAIM_KINDS as readonly string[]).includes(found.kind)
}
