import type { AttributionRule, QuoteKind } from '../types.js'
import type { QuoteSpan } from './find-quote-spans.js'
import type { SpeakerMention } from './speaker-mention.js'

/** A rule's answer to who said a quote: the mention, where it stands, the cue that vouches for it. */
export interface Attribution {
  mention: SpeakerMention
  mentionAt: number
  cue: { text: string; at: number } | null
  rule: AttributionRule
  confidence: number
}

/** A quote while the pipeline works on it. */
export interface Working {
  span: QuoteSpan
  text: string
  kind: QuoteKind
  attribution: Attribution | null
  continues: number | null
  /** The words around the quote in its sentence, quote left out: where a channel is named. */
  context: string
  /** Listed right after the previous quote ("“a” and “b”"); fills in from it. */
  coordinated?: boolean
}
