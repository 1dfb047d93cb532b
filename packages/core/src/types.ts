/**
 * A half-open range of UTF-16 code units, `[start, end)`, into an article's
 * `original` text: `original.slice(span.start, span.end)`.
 */
export interface Span {
  start: number
  end: number
}

/** Formats the ingest stage reads. */
export const ARTICLE_FORMATS = ['text', 'markdown', 'html'] as const
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number]

/**
 * Where a metadata value was found: given by the caller or a sidecar file, in
 * front matter, in an HTML page's `<head>` (`meta`: meta tags, `<title>`,
 * `<link>`, `<html lang>`) or JSON-LD, or in the text a reader sees.
 */
export const EVIDENCE_SOURCES = [
  'caller',
  'front-matter',
  'sidecar',
  'meta',
  'json-ld',
  'text',
] as const
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number]

/** The sources that are part of the input: their evidence has a span into `original`. */
export type InputEvidenceSource = Exclude<EvidenceSource, OutsideEvidenceSource>
/** The sources from outside the input (the caller, a sidecar file): their evidence has no span. */
export type OutsideEvidenceSource = 'caller' | 'sidecar'

/**
 * A metadata value together with the text it was read from. `span` points into
 * `original` when the evidence is part of the input (`source: 'text'`,
 * `'front-matter'`, or an HTML page's `'meta'` and `'json-ld'`) and is null
 * exactly when it came from outside it (the caller or a sidecar file).
 */
export type Evidence<T> =
  | { value: T; text: string; span: Span; source: InputEvidenceSource }
  | { value: T; text: string; span: null; source: OutsideEvidenceSource }

/** Metadata as a caller, front matter or a sidecar file may give it; every field optional. */
export interface ArticleMetadataInput {
  title?: string
  author?: string
  outlet?: string
  url?: string
  /** ISO 8601 date or date-time, or any English date a reader would understand. */
  published?: string
}

/** What the ingest loaders read and `normalizeArticle` takes. */
export interface ArticleSource {
  content: string
  /** Defaults to `text`, or to what a file's extension says. */
  format?: ArticleFormat
  /** Defaults to a stable hash of `content`. */
  id?: string
  metadata?: ArticleMetadataInput
  /** Who gave `metadata`: the caller (default) or a sidecar file beside the article. */
  metadataSource?: OutsideEvidenceSource
  /** The file it was read from, when there was one. */
  path?: string
}

export const MESSAGE_SEVERITIES = ['info', 'warning', 'error'] as const
export type MessageSeverity = (typeof MESSAGE_SEVERITIES)[number]

/**
 * A problem found inside an article (vfile style): reported, never thrown.
 * Severity `error` means the input holds no usable article text (the article
 * then has no paragraphs); `warning` and `info` leave the article whole.
 */
export interface ArticleMessage {
  code: MessageCode
  severity: MessageSeverity
  message: string
  span: Span | null
}

export const MESSAGE_CODES = [
  'empty-input',
  'input-too-large',
  'binary-input',
  'no-body',
  'duplicate-paragraph',
  'boilerplate-removed',
  'long-paragraph',
  'front-matter-invalid',
  'metadata-conflict',
  'date-unparsed',
  'unclosed-quote',
  'stray-quote-mark',
  'unattributed-quote',
] as const
export type MessageCode = (typeof MESSAGE_CODES)[number]

/** Kinds of non-story text that ingest takes out of the body. */
export const BOILERPLATE_KINDS = [
  'advertisement',
  'sidebar',
  'photo-credit',
  'caption',
  'footer',
  'social-follow',
  'author-bio',
  'byline',
  'date-header',
  'duplicate',
  'title',
  'navigation',
] as const
export type BoilerplateKind = (typeof BOILERPLATE_KINDS)[number]

/** A stretch of the original that is not story text, and why. */
export interface RemovedText {
  kind: BoilerplateKind
  text: string
  span: Span
}

/**
 * One block of body text. `text` is the clean text; `span` covers the source it
 * came from, which is `text` itself for plain text and includes markup for
 * Markdown. `offset` is where `text` starts in `Article.text`.
 */
export interface Paragraph {
  index: number
  text: string
  span: Span
  offset: number
}

/** One sentence of the body; `paragraph` is the index of its paragraph. */
export interface Sentence {
  index: number
  paragraph: number
  text: string
  span: Span
  offset: number
}

/**
 * A pull quote: a line of the story set large beside it. Kept apart from the
 * body, where the same words already appear.
 */
export interface PullQuote {
  text: string
  span: Span
}

/** A photo caption or credit, kept apart from the body. */
export interface Caption {
  text: string
  span: Span
  credit: string | null
}

/**
 * A run of `Article.text` that came from the original: `[text, text + length)`
 * of the clean text corresponds to `[original, original + originalLength)` of
 * the original. A `verbatim` run is a copy, offset for offset; any other run
 * (a joined line break, a decoded entity) maps only as a whole.
 */
export interface TextRun {
  text: number
  length: number
  original: number
  originalLength: number
  verbatim: boolean
}

/** A normalized article: clean body text, its structure and metadata, each traced to the original. */
export interface Article {
  id: string
  format: ArticleFormat
  /** The input exactly as given; every `span` points into it. */
  original: string
  /** Body paragraphs joined by a blank line. */
  text: string
  title: Evidence<string> | null
  author: Evidence<string> | null
  dateline: Evidence<string> | null
  /** ISO 8601: `YYYY-MM-DD`, or a full date-time when the source gives a time. */
  published: Evidence<string> | null
  outlet: Evidence<string> | null
  url: Evidence<string> | null
  paragraphs: Paragraph[]
  sentences: Sentence[]
  captions: Caption[]
  /** Pull quotes of an HTML page; empty for other formats. */
  pullQuotes: PullQuote[]
  /** The page's language as it declares it (`<html lang>`), for HTML; null otherwise. */
  language: Evidence<string> | null
  removed: RemovedText[]
  /** Sorted by `text`; maps clean-text offsets back to the original. */
  runs: TextRun[]
  messages: ArticleMessage[]
}

/**
 * `statement`: quoted speech. `fragment`: a few quoted words of someone's
 * inside the writer's own sentence. `term`: scare quotes, nicknames and titles
 * of things, which are not speech.
 */
export const QUOTE_KINDS = ['statement', 'fragment', 'term'] as const
export type QuoteKind = (typeof QUOTE_KINDS)[number]

/** How a quote reached the public, when the text says. */
export const QUOTE_CHANNELS = [
  'social-media',
  'press-conference',
  'statement',
  'interview',
  'speech',
  'broadcast',
  'letter',
  'court-filing',
  'document',
] as const
export type QuoteChannel = (typeof QUOTE_CHANNELS)[number]

/**
 * Which rule attributed a quote; later rules are weaker evidence. The last,
 * `nearest-speaker`, is for when no rule applies: the learned model's choice
 * among the people named before the quote.
 */
export const ATTRIBUTION_RULES = [
  'cue-after',
  'cue-before',
  'according-to',
  'colon-intro',
  'same-quote',
  'previous-quote',
  'previous-paragraph',
  'transcript',
  'sentence-subject',
  'nearest-speaker',
] as const
export type AttributionRule = (typeof ATTRIBUTION_RULES)[number]

/** A piece of the text with its span into the original. */
export interface TextEvidence {
  text: string
  span: Span
}

/** A canonical person or organization; `id` is stable across runs and articles. */
export interface SpeakerRef {
  id: string
  name: string
}

/** A direct quote in an article's body. `span` covers the quoted words, marks left out. */
export interface Quote {
  /** `<article id>#q<n>`, n counting from 0 in text order. */
  id: string
  article: string
  /** The quoted words as a reader sees them: for plain text as written; for HTML and Markdown the clean text, markup left out (`span` covers it). */
  text: string
  span: Span
  kind: QuoteKind
  paragraph: number
  speaker: SpeakerRef | null
  /** The speaker as the text names them here: "he", "Mr. Rubio", "a spokeswoman". */
  mention: TextEvidence | null
  cue: TextEvidence | null
  channel: QuoteChannel | null
  /** 0–1: how sure the attribution is; 0 when there is no speaker. */
  confidence: number
  rule: AttributionRule | null
  /** Id of the quote this one carries on (reopened in the next paragraph, or after "he said."). */
  continues: string | null
}

/**
 * Who a speaker is: a named or unnamed person, an organization, a document that
 * speaks for its authors ("the lawsuit says", "the executive order states"),
 * or an unnamed speaker of no clear kind ("a source").
 */
export const SPEAKER_KINDS = ['person', 'organization', 'document', 'unknown'] as const
export type SpeakerKind = (typeof SPEAKER_KINDS)[number]

/** A canonical speaker with every name the articles use for them. */
export interface Speaker {
  id: string
  name: string
  kind: SpeakerKind
  /** Every form seen, the canonical name included, sorted. */
  aliases: string[]
  /** Titles and roles seen before or beside the name: "Secretary of State". */
  roles: string[]
}

/** The claim kinds whose value is a number; the others' is a string. */
export const NUMERIC_CLAIM_KINDS = ['count', 'percentage', 'money', 'year'] as const
export type NumericClaimKind = (typeof NUMERIC_CLAIM_KINDS)[number]

/** What a claim's value measures: the numeric kinds, then those whose value is a string. */
export const CLAIM_KINDS = [
  ...NUMERIC_CLAIM_KINDS,
  'date',
  'day',
  'place',
  'itinerary',
  'action',
] as const
export type ClaimKind = (typeof CLAIM_KINDS)[number]

/** How the text bounds a number: "about 40,000", "up to 40,000", "more than 40,000"; null when it does not. */
export const CLAIM_QUALIFIERS = ['about', 'up-to', 'more-than', 'less-than', 'at-least'] as const
export type ClaimQualifier = (typeof CLAIM_QUALIFIERS)[number] | null

interface ClaimFields {
  /** `<article id>#c<n>`, n counting from 0 in text order. */
  id: string
  article: string
  /** The words that carry the value, as written: "40,000-bed", "on Monday", "$6 million". */
  text: string
  span: Span
  /**
   * What is measured, normalized so that outlets' words meet: "people" for a capacity
   * given as beds, inmates or prisoners; an ISO 4217 code for money; null when nothing is.
   */
  unit: string | null
  /** The noun the value is attached to, as written ("beds", "inmates"), or null. */
  noun: string | null
  qualifier: ClaimQualifier
  /** The sentence the claim stands in. */
  sentence: TextEvidence
  /**
   * Content words of the sentence (of the 400 characters on each side of the
   * claim, in a longer sentence), lower case and singular, sorted: to align
   * claims across articles.
   */
  keywords: string[]
  /** The quote the claim stands in, when it does, and that quote's speaker. */
  quote: string | null
  speaker: SpeakerRef | null
}

/**
 * A fact an article states, its value normalized so that articles can be
 * compared. count, percentage, money, year: a number (percentage 0–100, money
 * in the unit's currency); date: `YYYY-MM-DD`; day: `YYYY-MM-DD` when the
 * article's date resolves it, else the weekday in lower case ("monday");
 * place: the place's name; itinerary: the places in order, joined by " > ";
 * action: who did what, "<subject name> <verb lemma> <object head>" ("Nayib
 * Bukele offer house", "Marco Rubio visit El Salvador"), the name without its
 * title, the verb in the base form, a common noun singular and in lower case.
 */
export type Claim =
  | (ClaimFields & { kind: NumericClaimKind; value: number })
  | (ClaimFields & { kind: Exclude<ClaimKind, NumericClaimKind>; value: string })

/** How a cluster member's wording relates to the cluster's canonical text. */
export const QUOTE_VARIANTS = [
  'identical',
  'truncated',
  'extended',
  'substituted',
  'omitted-words',
  'fragment',
] as const
export type QuoteVariant = (typeof QUOTE_VARIANTS)[number]

/** The steps of a word-level diff. */
export const WORD_CHANGE_OPS = ['equal', 'insert', 'delete', 'replace'] as const
export type WordChangeOp = (typeof WORD_CHANGE_OPS)[number]

/** One step of a word-level diff against a canonical text; `equal` steps have both sides. */
export interface WordChange {
  op: WordChangeOp
  /** The canonical text's words in this step ("" for an insert). */
  canonical: string
  /** The member's words in this step ("" for a delete). */
  member: string
}

/** One outlet's rendering of a clustered statement. */
export interface ClusterMember {
  quote: string
  article: string
  text: string
  span: Span
  speaker: SpeakerRef | null
  variant: QuoteVariant
  diff: WordChange[]
}

/** The same statement as several articles quote it. */
export interface QuoteCluster {
  /** `k<n>`, n counting from 0 in the order of the clusters' first members. */
  id: string
  /** The fullest wording: the text of the longest member that is not a fragment. */
  canonical: string
  /** Distinct speakers the members give, in order of first appearance. */
  speakers: SpeakerRef[]
  /** Ids of the articles that carry the statement, sorted. */
  articles: string[]
  members: ClusterMember[]
  /** The story the cluster belongs to; set by `crossReference`. */
  story?: string
}

/** One side of an update: a value and the articles that give it, with the last day they were published. */
export interface ClaimUpdateSide {
  value: number | string
  articles: string[]
  /** `YYYY-MM-DD`, the latest of those articles' publication days; null when one has none. */
  published: string | null
}

/** How the order of a {@link ClaimUpdate} is known: the later claim's own words of change, or only the publication days. */
export const CLAIM_UPDATE_EVIDENCE = ['wording', 'dates'] as const
export type ClaimUpdateEvidence = (typeof CLAIM_UPDATE_EVIDENCE)[number]

/**
 * A figure a later report updates ("the death toll has risen to 130"): the
 * earlier value and the later one. `evidence` says how the order is known:
 * the later claim's own words of change, or only the publication days.
 */
export interface ClaimUpdate {
  from: ClaimUpdateSide
  to: ClaimUpdateSide
  evidence: ClaimUpdateEvidence
  /** The claim whose words say the figure changed, for `wording`; null otherwise. */
  claim: string | null
}

/** The same fact slot (what is measured, about what) across articles, with the values they give. */
export interface ClaimSlot {
  /** `s<n>`. */
  id: string
  kind: ClaimKind
  unit: string | null
  /**
   * What the slot's value is the value of, as read from the first claim's
   * clause: "dead at bataclan", "capacity", "offer/visit (bukele)"; null when
   * the clause does not say (such a slot holds one claim).
   */
  measure: string | null
  /** The content words the slot's claims share, sorted. */
  keywords: string[]
  claims: string[]
  /** Each distinct value (within tolerance) and the articles that give it. */
  values: Array<{ value: number | string; articles: string[]; claims: string[] }>
  /** True when every article gives the same value, within tolerance. */
  agrees: boolean
  /** When the values differ because a later report updates the figure; null otherwise. */
  update: ClaimUpdate | null
  /** The story the slot belongs to; set by `crossReference`. */
  story?: string
}

export const DISPUTE_KINDS = ['attribution', 'wording', 'fact', 'contested'] as const
export type DisputeKind = (typeof DISPUTE_KINDS)[number]

/** One side of a dispute, with its evidence. */
export interface DisputePosition {
  article: string
  speaker: SpeakerRef | null
  text: string
  span: Span
}

interface DisputeFields {
  /** `d<n>`. */
  id: string
  /** One line for a reader: what is disputed and between whom. */
  summary: string
  positions: DisputePosition[]
  /** 0–1. */
  confidence: number
  /** True when the evidence is only lexical and a reader (or the calling assistant) must decide. */
  needsJudgement: boolean
  /**
   * The story the dispute is in; set by `crossReference`. An attribution
   * dispute across stories (a long quote given to different speakers in two
   * stories) names the story of its first position.
   */
  story?: string
}

/**
 * Where the articles disagree, or where a voice in them contests a claim:
 * about a quote cluster (`attribution`, `wording`, `contested`) or a claim
 * slot (`fact`). An attribution across stories has no cluster: each story
 * clusters its own quotes.
 */
export type Dispute =
  | (DisputeFields & { kind: 'attribution'; cluster: string | null; slot: null })
  | (DisputeFields & { kind: 'wording' | 'contested'; cluster: string; slot: null })
  | (DisputeFields & { kind: 'fact'; cluster: null; slot: string })

export const CORROBORATION_KINDS = ['quote', 'fact'] as const
export type CorroborationKind = (typeof CORROBORATION_KINDS)[number]

interface CorroborationFields {
  /** `a<n>`. */
  id: string
  summary: string
  articles: string[]
  /** The story the agreement is in; set by `crossReference`. */
  story?: string
}

/**
 * Articles that agree, carried by more than one outlet: the same statement
 * (`quote`, its cluster) or the same value (`fact`, its slot).
 */
export type Corroboration =
  | (CorroborationFields & { kind: 'quote'; cluster: string; slot: null })
  | (CorroborationFields & { kind: 'fact'; cluster: null; slot: string })

/** What one article carries, what it alone carries, and what it leaves out that most others carry. */
export interface ArticleCoverage {
  article: string
  clusters: string[]
  slots: string[]
  alone: { clusters: string[]; slots: string[] }
  /** What most other articles of its story carry and it leaves out. */
  missing: { clusters: string[]; slots: string[] }
  /** The article's story; set by `crossReference`. */
  story?: string
}

/** How one article joined its story: the article it was closest to, and what they share. */
export interface StoryMember {
  article: string
  /** The story's article it was found closest to; null for the article that started the story. */
  closest: string | null
  /** 0–1: the TF-IDF cosine between the article and the story when it joined; 1 for the first. */
  score: number
  /** The content words that weigh most between the article and `closest`, heaviest first. */
  sharedTerms: string[]
  /** Eight or more words both quote, lower case, when a shared quote brought it in. */
  sharedQuote: string | null
}

/**
 * The articles that report one event or developing story. Cross-referencing
 * (clusters, slots, disputes, coverage) happens within a story.
 */
export interface Story {
  /** `st-<8 hex>`, from the id of the story's first article: stable as articles are added. */
  id: string
  /** The headline, else the lead sentence, of the article nearest the story's centre. */
  label: string
  /** Article ids in the order they joined. */
  articles: string[]
  /** Outlets as the articles name them, in order of first appearance; articles without one add none. */
  outlets: string[]
  /** First and last publication day (`YYYY-MM-DD`) of the dated articles; null when none is dated. */
  dates: { first: string | null; last: string | null }
  /** The people and organizations quoted in most of its articles, at most eight. */
  people: string[]
  /** The places named in most of its articles, at most eight. */
  places: string[]
  /** One entry per article, in `articles` order: why it joined. */
  members: StoryMember[]
}
