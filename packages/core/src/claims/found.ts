import type { ClaimKind, ClaimQualifier } from '../types.js'

/** A claim found in one sentence, before it is placed in the article: offsets are the sentence's. */
export interface Found {
  kind: ClaimKind
  start: number
  end: number
  value: number | string
  unit: string | null
  noun: string | null
  qualifier: ClaimQualifier
}
