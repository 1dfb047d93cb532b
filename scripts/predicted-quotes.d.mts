/** What these functions read of a quote of `extractQuotes` (declared here so that no package's typecheck waits for the core's build). */
interface ExtractedQuote {
  text: string
  kind: string
  span: { start: number; end: number }
  speaker: { name: string } | null
  mention: { text: string } | null
}

/** The speaker as the gold annotates it: the resolved name, or the mention as written when it names the speaker by role. */
export function scoredSpeaker(quote: Pick<ExtractedQuote, 'speaker' | 'mention'>): string | null

/** The speech of an article's extraction as the quote scorer reads it. */
export function predictedQuotes<Q extends ExtractedQuote, More extends object>(
  extraction: { quotes: readonly Q[] },
  more: (quote: Q) => More,
): Array<{ text: string; speaker: string | null; start: number; end: number } & More>
