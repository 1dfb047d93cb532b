import { capitalized, REPORTING_VERBS, speechForms, verbAlternation } from '../lexicon/index.js'
import type { QuoteChannel } from '../types.js'

// Longest first, so that "went on" is tried before "went".
const ALL_CUES = speechForms().sort((a, b) => b.length - a.length)

/**
 * Regular-expression alternatives grouped by their first letter, each group in
 * the order given: "s(?:aid|ays|…)|t(?:old|…)". It matches what the plain
 * alternation does, but the engine tries only the cues that start with the
 * letter in front of it instead of all five hundred at every word.
 */
function alternation(sources: string[]): string {
  const byInitial = new Map<string, string[]>()
  for (const source of sources) {
    const initial = source.charAt(0)
    byInitial.set(initial, [...(byInitial.get(initial) ?? []), source.slice(1)])
  }
  return [...byInitial].map(([initial, rests]) => `${initial}(?:${rests.join('|')})`).join('|')
}

/** Any cue, as a whole word or phrase. */
// Case-sensitive on purpose: verbs of speech are lower-case in running text,
// and "State" in "State Department" or "Say" in a name must not read as cues.
const CUE_ALTERNATIVES = alternation([
  ...ALL_CUES.map((c) => c.replace(/ /g, '\\s+')),
  'According\\s+to',
  'In\\s+the\\s+words\\s+of',
])
export const CUE = new RegExp(`\\b(?:${CUE_ALTERNATIVES})\\b`, 'g')
/** Any cue, for yes-or-no tests: no global state between calls. */
export const HAS_CUE = new RegExp(`\\b(?:${CUE_ALTERNATIVES})\\b`)
/** A cue at the very start of a string. */
export const CUE_AT_START = new RegExp(`^(?:${CUE_ALTERNATIVES})\\b`)
/**
 * A verb of speech in the past, capitalized: an inverted cue where it opens a sentence ("Said
 * Comey, “…”", "Added Roe: “…”"), which the caller checks (a lookbehind here was tried at
 * every character).
 */
export const CAPITALIZED_CUE = new RegExp(
  `\\b(?:${alternation(verbAlternation(REPORTING_VERBS, ['past']).split('|').map(capitalized))})\\b`,
  'g',
)
/** Participles that hang off the sentence's subject: "…, saying, “…”". */
export const PARTICIPLE_CUE = /^[a-z]+ing$/i
/** Cues whose quote is a name or label of something ("called it a “gesture”"), which still is someone's words. */
export const NAMING_CUE =
  /^(?:call(?:ed|s|ing)?|dub(?:bed|s|bing)?|label(?:l?ed|s|l?ing)?|brand(?:ed|s|ing)?|describ(?:e|ed|es|ing)(?: \w+)? as)$/i
/** Words that name a thing in quotes without anyone saying it. */
export const TERM_INTRO =
  /(?:\bso[- ]called|\bknown as|\bnicknamed|\bthe nickname|\btitled|\bentitled|\bheadlined|\bdubbed|\bthe term|\bthe word|\bthe phrase|\bthe slogan|\bhashtag|\bnamed)\s*$/i
/**
 * A kind of work or of named undertaking right before a quote: the quote is its title when
 * written as one ("the podcast “So, That Happened”"), but the words of "According to the
 * newspaper, “…”" or "his campaign “don’t forget us”" are speech.
 */
export const WORK_BEFORE =
  /\b(?:documentary|film|movie|book|novel|song|album|show|program|programme|series|episode|broadcast|podcast|column|op-ed|commentary|article|essay|headline|campaign|initiative|operation|bill|forum|exhibition|play|poem|painting|magazine|newspaper|segment)(?: of)?,?\s*$/i

const CHANNELS: Array<[RegExp, QuoteChannel]> = [
  [
    /\b(?:in a post on|posted (?:on|to)|wrote on|tweet(?:ed)?|on social media|social media post|on (?:X|Twitter|Facebook|Instagram|Truth Social|Threads|Bluesky|TikTok|Telegram))\b/i,
    'social-media',
  ],
  [
    /\bpress (?:conference|briefing)|\bnews conference|\bbriefing\b|\bpresser\b/i,
    'press-conference',
  ],
  [
    /\bin an? (?:written |joint )?statement|\bstatement (?:said|read)|\bsaid in a statement|\bpress release\b/i,
    'statement',
  ],
  [/\binterview\b|\btold (?:the|a|an|reporters|journalists)\b|\bspeaking to\b/i, 'interview'],
  // "told AFP", "told Agence France-Presse", "told ABC News": a news outlet carried the words.
  [
    /\btold (?:[A-Z]{2,}\b|Agence\b|(?:[A-Z][\w.-]*\s+){1,3}(?:News|Press|Presse|Radio|Television|TV|Times|Post|Journal|Magazine|Network|Broadcasting)\b)/,
    'interview',
  ],
  [/\bspeech\b|\baddress(?:ed)? (?:to )?(?:the|a)\b|\brally\b|\bremarks\b/i, 'speech'],
  [
    /\bon (?:CNN|Fox|MSNBC|NBC|CBS|ABC|BBC|NPR|television|TV|radio|air)\b|\bbroadcast\b|\bpodcast\b/i,
    'broadcast',
  ],
  [/\bletter\b|\bmemo\b|\be-?mail\b/i, 'letter'],
  [
    /\bcourt (?:filing|documents?|papers)|\bfiling\b|\blawsuit\b|\bindictment\b|\bruling\b|\bcomplaint\b/i,
    'court-filing',
  ],
  [
    /\bexecutive order\b|\breport\b|\bdocument\b|\bbill\b|\bresolution\b|\bmemorandum\b/i,
    'document',
  ],
]

// All the channels' patterns in one: most quotes name no channel, and one pass over
// their words says so for half the cost of trying each pattern in turn.
const ANY_CHANNEL = new RegExp(CHANNELS.map(([pattern]) => `(?:${pattern.source})`).join('|'), 'i')

/** The channel the words around a quote name, if any; the first listed kind wins. */
export function channelOf(context: string): QuoteChannel | null {
  if (!ANY_CHANNEL.test(context)) return null
  for (const [pattern, channel] of CHANNELS) if (pattern.test(context)) return channel
  return null
}
