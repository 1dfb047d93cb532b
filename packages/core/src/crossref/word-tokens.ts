/** A word of a quote as written, and the form two outlets' words are compared in. */
export interface WordToken {
  text: string
  /** Lower case, straight apostrophes, dots and edge punctuation out: "U.S." → "us", "1,000" → "1000". */
  norm: string
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,&-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu

/** The words of a text, punctuation aside, each with its comparison form. */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = []
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/[.,]+$/, '')
    const norm = raw
      .toLowerCase()
      .replace(/’/g, "'")
      .replace(/(?<=\p{N}),(?=\p{N})/gu, '')
      .replace(/\.(?!\p{N})/gu, '')
      .replace(/,/g, '')
    if (norm !== '') tokens.push({ text: raw, norm })
  }
  return tokens
}

// Function words: they carry no statement of their own, so an index keyed on them finds everything.
const STOP_WORDS = new Set(
  `a an the and or but nor so yet for of to in on at by with from into onto upon about as than then
  that this these those there here it its it's is are was were be been being am do does did has have had
  i me my we us our you your he him his she her they them their who whom whose which what when where why
  how not no all any some each every both either neither one such own same other very too just also
  only even still will would shall should can could may might must if because while although though
  after before since until once over under again further more most less least many much few`.split(
    /\s+/,
  ),
)

/** A word too common to identify a statement by itself. */
export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm)
}
