import { COMMON_SPOKEN_WORDS } from '../lexicon/index.js'
import { bisectRight } from '../sorted.js'
import type {
  Article,
  Claim,
  ClaimSlot,
  ClaimUpdate,
  ClaimUpdateSide,
  Corroboration,
  Dispute,
  DisputePosition,
  Quote,
  QuoteCluster,
  Span,
  Speaker,
  SpeakerRef,
  WordChange,
} from '../types.js'
import { DISPUTE_KINDS } from '../types.js'
import { findUpdate } from './align-claims.js'
import { materialChanges, stem } from './material-changes.js'
import { mayBeOneSpeaker } from './same-speaker-name.js'
import { isSureAttribution } from './sure-attribution.js'
import { isStopWord, withWordMemo, wordTokensOf } from './word-tokens.js'

/** A dispute or an agreement before its id, each kind keeping its own fields. */
type Draft<T> = T extends unknown ? Omit<T, 'id'> : never

/** A fact slot whose values differ because a later report updates the figure: no dispute. */
export interface FactUpdate extends ClaimUpdate {
  slot: string
  /** One line for a reader: what changed, from what to what, and when. */
  summary: string
  /** The story the slot is in; set by `crossReference`. */
  story?: string
}

/** What {@link findDisputes} reads: the corpus's quotes and claims, already clustered and aligned. */
export interface DisputeInput {
  articles: readonly Article[]
  /** The corpus's merged speakers: a dissent that names one ("his president's offer") is linked to them. */
  speakers?: readonly Speaker[]
  quotes: readonly Quote[]
  clusters: readonly QuoteCluster[]
  claims: readonly Claim[]
  slots: readonly ClaimSlot[]
}

/** Quotes of this many words or fewer are too thin to make an attribution dispute, or a wording one against another speaker. */
const MAX_THIN = 4

const short = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
/** A speaker named by what they are, not who: "a company spokesperson", "The Republican candidate", "officers". */
const isDescription = (name: string) =>
  /^(?:\p{Ll}|(?:A|An|The|This|That|These|Those|Another|One|Some|Two|Three)\s)/u.test(name)

/** The runs of the canonical wording a member keeps, as [first, end) word indexes. */
function keptRuns(diff: readonly WordChange[]): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  let at = 0
  for (const step of diff) {
    const words = step.canonical === '' ? 0 : step.canonical.split(' ').length
    if (step.op === 'equal') runs.push([at, at + words])
    at += words
  }
  return runs
}

/** The longest run of the canonical wording two members both keep, in words. */
function sharedRun(a: readonly WordChange[], b: readonly WordChange[]): number {
  let best = 0
  for (const [x0, x1] of keptRuns(a))
    for (const [y0, y1] of keptRuns(b)) best = Math.max(best, Math.min(x1, y1) - Math.max(x0, y0))
  return best
}

type ClusterMember = QuoteCluster['members'][number]

/** The members of a cluster that give its words to one speaker. */
interface SpeakerSide {
  speaker: SpeakerRef
  members: ClusterMember[]
}

function addToSide(sides: Map<string, SpeakerSide>, speaker: SpeakerRef, member: ClusterMember) {
  const side = sides.get(speaker.id) ?? { speaker, members: [] }
  side.members.push(member)
  sides.set(speaker.id, side)
}

/**
 * Who each article says spoke a cluster's words: every speaker given them
 * (`all`), and those the quote's own sentence names (`sure`), the only
 * evidence of who an outlet says spoke. Four words or fewer ("out of
 * control") are anyone's words: too thin to say who spoke.
 */
function speakerSides(
  cluster: QuoteCluster,
  quoteById: ReadonlyMap<string, Quote>,
): { all: Map<string, SpeakerSide>; sure: Map<string, SpeakerSide> } {
  const all = new Map<string, SpeakerSide>()
  const sure = new Map<string, SpeakerSide>()
  for (const member of cluster.members) {
    if (!member.speaker || wordTokensOf(member.text).length <= MAX_THIN) continue
    addToSide(all, member.speaker, member)
    const quote = quoteById.get(member.quote)
    if (!quote || !isSureAttribution(quote)) continue
    addToSide(sure, member.speaker, member)
  }
  return { all, sure }
}

const articlesOfSide = (side: SpeakerSide) => [...new Set(side.members.map((m) => m.article))]

/**
 * Two speakers given the same words: members of different articles that share a run of
 * more than MAX_THIN words of the statement.
 */
const shareWords = (a: SpeakerSide, b: SpeakerSide) =>
  a.members.some((x) =>
    b.members.some((y) => x.article !== y.article && sharedRun(x.diff, y.diff) > MAX_THIN),
  )

/**
 * Whether articles give the same words to different people. Two names of one person
 * ("James P. Kennedy Jr", "James Kennedy Jr.") or a description ("a company
 * spokesperson", "the Republican candidate") say no one else spoke.
 */
function givenToOthers(sides: readonly SpeakerSide[]): boolean {
  return (
    sides.length > 1 &&
    sides.some((a) =>
      sides.some(
        (b) =>
          a !== b &&
          !isDescription(a.speaker.name) &&
          !isDescription(b.speaker.name) &&
          !mayBeOneSpeaker(a.speaker.name, b.speaker.name) &&
          articlesOfSide(a).some((x) => !articlesOfSide(b).includes(x)) &&
          shareWords(a, b),
      ),
    )
  )
}

/** An attribution dispute: one position per article and speaker, as sure as its least sure quote. */
function attributionDispute(
  cluster: QuoteCluster,
  sides: readonly SpeakerSide[],
  quoteById: ReadonlyMap<string, Quote>,
): Draft<Dispute> {
  const positions: DisputePosition[] = []
  let weakest = 1
  for (const side of sides) {
    for (const article of articlesOfSide(side)) {
      const member = side.members.find((m) => m.article === article)
      if (!member) continue
      positions.push({ article, speaker: side.speaker, text: member.text, span: member.span })
      weakest = Math.min(weakest, quoteById.get(member.quote)?.confidence ?? 0)
    }
  }
  return {
    kind: 'attribution',
    summary: `“${short(cluster.canonical)}” is given to ${list(
      sides.map((side) => `${side.speaker.name} (${articlesOfSide(side).join(', ')})`),
    )}`,
    positions,
    confidence: Math.round(Math.max(0.3, weakest) * 100) / 100,
    needsJudgement: weakest < 0.8,
    cluster: cluster.id,
    slot: null,
  }
}

/** Articles that quote the same words: corroboration, named for the speaker most of them give. */
function quoteAgreement(
  cluster: QuoteCluster,
  sides: ReadonlyMap<string, SpeakerSide>,
): Draft<Corroboration> {
  const speaker = [...sides.values()].sort((a, b) => b.members.length - a.members.length)[0]
    ?.speaker
  return {
    kind: 'quote',
    summary: `${list(cluster.articles)} quote${speaker ? ` ${speaker.name}` : ''}: “${short(cluster.canonical)}”`,
    articles: cluster.articles,
    cluster: cluster.id,
    slot: null,
  }
}

/**
 * What a member's words change of the canonical statement, beyond inflection, spelling
 * and function words. A fragment of four words or fewer counts only against its own
 * speaker's statement, and then only as a word put for another.
 */
function memberChanges(
  member: ClusterMember,
  canonicalMember: ClusterMember | undefined,
): ReturnType<typeof materialChanges> {
  const thin = wordTokensOf(member.text).length <= MAX_THIN
  const own =
    member.speaker !== null &&
    canonicalMember?.speaker !== null &&
    member.speaker.id === canonicalMember?.speaker?.id
  return thin && !own
    ? []
    : materialChanges(member.diff, member.text).filter(
        (change) =>
          !thin ||
          (change.canonical !== '' &&
            change.member !== '' &&
            wordTokensOf(change.canonical).length <= 2 &&
            wordTokensOf(change.member).length <= 2),
      )
}

/** A wording dispute: the statement quoted with what the words say changed in another article. */
function wordingDispute(cluster: QuoteCluster): Draft<Dispute> | null {
  const canonicalMember =
    cluster.members.find((m) => m.text === cluster.canonical) ?? cluster.members[0]
  const changes = new Map(
    cluster.members.map((member) => [member, memberChanges(member, canonicalMember)] as const),
  )
  const changed = cluster.members.filter(
    (member) =>
      (changes.get(member)?.length ?? 0) > 0 && member.article !== canonicalMember?.article,
  )
  const thinCanonical = wordTokensOf(cluster.canonical).length <= MAX_THIN
  if (changed.length === 0 || cluster.articles.length <= 1 || thinCanonical) return null
  const swaps = changed.flatMap((member) =>
    (changes.get(member) ?? []).map((change) =>
      change.member === ''
        ? `“${change.canonical}” left out (${member.article})`
        : change.canonical === ''
          ? `“${change.member}” put in (${member.article})`
          : `“${change.canonical}” → “${change.member}” (${member.article})`,
    ),
  )
  const positions: DisputePosition[] = [canonicalMember, ...changed]
    .filter((m): m is NonNullable<typeof m> => m !== undefined)
    .map((m) => ({ article: m.article, speaker: m.speaker, text: m.text, span: m.span }))
  return {
    kind: 'wording',
    summary: `${cluster.speakers[0]?.name ?? 'A statement'} quoted in different words: ${list([...new Set(swaps)].slice(0, 4))}`,
    positions,
    confidence: 0.6,
    needsJudgement: true,
    cluster: cluster.id,
    slot: null,
  }
}

/** An update's side with the last day its articles were published, when each has one. */
function datedSide(
  side: ClaimUpdateSide,
  published: Readonly<Record<string, string | null>>,
): ClaimUpdateSide {
  if (side.published !== null) return side
  const days = side.articles.map((id) => published[id]?.slice(0, 10) ?? null)
  if (days.some((day) => day === null)) return side
  return { ...side, published: (days as string[]).sort().at(-1) ?? null }
}

/**
 * Places named together ("won Oklahoma and Texas") are each true: a sentence that names
 * several is no side of a dispute over where. The count of places of each sentence.
 */
function placesBySentence(claims: readonly Claim[]): Map<string, number> {
  const placesIn = new Map<string, number>()
  for (const claim of claims)
    if (claim.kind === 'place' || claim.kind === 'itinerary') {
      const key = `${claim.article}|${claim.sentence.span.start}`
      placesIn.set(key, (placesIn.get(key) ?? 0) + 1)
    }
  return placesIn
}

/** Outlets that give one slot the same value agree. */
function factAgreement(slot: ClaimSlot, articles: ReadonlySet<string>): Draft<Corroboration> {
  return {
    kind: 'fact',
    summary: `${list([...articles].sort())} agree: ${slot.values[0]?.value}${slot.unit ? ` ${slot.unit}` : ''} (${slot.keywords.slice(0, 4).join(', ')})`,
    articles: [...articles].sort(),
    cluster: null,
    slot: slot.id,
  }
}

/**
 * Different objects of one subject's verb ("offer house", "offer jail") are more
 * of what was done, not a contradiction: only outlets that give the same action agree.
 */
function actionAgreements(slot: ClaimSlot): Draft<Corroboration>[] {
  const agreements: Draft<Corroboration>[] = []
  for (const value of slot.values) {
    if (value.articles.length < 2) continue
    agreements.push({
      kind: 'fact',
      summary: `${list(value.articles)} agree: ${value.value} (${slot.keywords.slice(0, 4).join(', ')})`,
      articles: value.articles,
      cluster: null,
      slot: slot.id,
    })
  }
  return agreements
}

/** A later figure that updates an earlier one ("has risen to 130") is no conflict: the update, or null. */
function slotUpdate(
  slot: ClaimSlot,
  published: Readonly<Record<string, string | null>>,
): FactUpdate | null {
  const update = slot.update
    ? {
        ...slot.update,
        from: datedSide(slot.update.from, published),
        to: datedSide(slot.update.to, published),
      }
    : findUpdate(slot, new Map(), published)
  if (!update) return null
  const day = (side: typeof update.from) => (side.published ? ` on ${side.published}` : '')
  return {
    ...update,
    slot: slot.id,
    summary: `${slot.measure ?? slot.kind} updated: ${update.from.value} in ${update.from.articles.join(', ')}${day(update.from)}, then ${update.to.value} in ${update.to.articles.join(', ')}${day(update.to)}`,
  }
}

/** A fact dispute: each claim's sentence as a position; surer when the slot has three keywords or more. */
function factDispute(slot: ClaimSlot, claimById: ReadonlyMap<string, Claim>): Draft<Dispute> {
  const positions: DisputePosition[] = slot.values.flatMap((value) =>
    value.claims
      .map((id) => claimById.get(id))
      .filter((claim): claim is Claim => claim !== undefined)
      .map((claim) => ({
        article: claim.article,
        speaker: claim.speaker,
        text: claim.sentence.text,
        span: claim.sentence.span,
      })),
  )
  return {
    kind: 'fact',
    summary: `${slot.kind}${slot.unit ? ` (${slot.unit})` : ''} of ${slot.measure ?? (slot.keywords.slice(0, 4).join(', ') || 'one fact')}: ${list(
      slot.values.map((v) => `${v.value} in ${v.articles.join(', ')}`),
    )}`,
    positions,
    confidence: slot.keywords.length >= 3 ? 0.7 : 0.5,
    needsJudgement: slot.keywords.length < 3,
    cluster: null,
    slot: slot.id,
  }
}

/**
 * Disputes and corroboration across a corpus:
 * - `attribution`: a cluster whose members give the same words to different
 *   speakers in different articles (fragments of one or two words are too
 *   thin to count);
 * - `wording`: a statement some outlet quotes with content words changed, not
 *   merely cut, inflected or written differently ("jail" → "jails" is not a dispute);
 * - `fact`: a claim slot whose articles give values that do not meet, rounding
 *   and "about", "up to", "more than" allowed for;
 * - `contested`: a voice in the coverage that denies, criticizes or rules out
 *   what another speaker said, linked by the words they share.
 * Agreement (one speaker, one value, carried by several articles) is
 * corroboration, never a dispute. Ids count from 0 in that order of kinds.
 */
export function findDisputes(input: DisputeInput): {
  disputes: Dispute[]
  agreements: Corroboration[]
  updates: FactUpdate[]
} {
  return withWordMemo(() => {
    const updates: FactUpdate[] = []
    const published: Record<string, string | null> = {}
    for (const article of input.articles) published[article.id] = article.published?.value ?? null
    const quoteById = new Map(input.quotes.map((q) => [q.id, q]))
    const claimById = new Map(input.claims.map((c) => [c.id, c]))
    const disputes: Draft<Dispute>[] = []
    const agreements: Draft<Corroboration>[] = []

    for (const cluster of input.clusters) {
      const { all, sure } = speakerSides(cluster, quoteById)
      const sides = [...sure.values()]
      if (givenToOthers(sides)) disputes.push(attributionDispute(cluster, sides, quoteById))
      else if (cluster.articles.length > 1) agreements.push(quoteAgreement(cluster, all))
      const wording = wordingDispute(cluster)
      if (wording) disputes.push(wording)
    }

    const placesIn = placesBySentence(input.claims)
    const soleplace = (id: string) => {
      const claim = claimById.get(id)
      return (
        claim !== undefined && placesIn.get(`${claim.article}|${claim.sentence.span.start}`) === 1
      )
    }
    for (const slot of input.slots) {
      const articles = new Set(slot.values.flatMap((v) => v.articles))
      if (articles.size < 2) continue
      if (slot.agrees) {
        agreements.push(factAgreement(slot, articles))
        continue
      }
      if (slot.kind === 'action') {
        agreements.push(...actionAgreements(slot))
        continue
      }
      if ((slot.kind === 'place' || slot.kind === 'itinerary') && !slot.claims.every(soleplace))
        continue
      const update = slotUpdate(slot, published)
      if (update) updates.push(update)
      else disputes.push(factDispute(slot, claimById))
    }

    disputes.push(...contested(input))
    disputes.sort((a, b) => DISPUTE_KINDS.indexOf(a.kind) - DISPUTE_KINDS.indexOf(b.kind))
    return {
      disputes: disputes.map((d, i) => ({ id: `d${i}`, ...d })),
      agreements: agreements.map((a, i) => ({ id: `a${i}`, ...a })),
      updates,
    }
  })
}

// How a voice denies, rules out or criticizes, in general English: a verb of dissent
// introducing the words, or the words ruling something illegal, false or wrong. Plain
// negation ("no one has ever …") and descriptive adjectives ("illegal immigrants")
// are too common to mark dissent.
const DISSENT_VERB =
  /\b(?:den(?:y|ies|ied|ying)|disput\w*|reject\w*|condemn\w*|critici[sz]\w*|oppos\w*|object(?:ed|s|ing)|challeng\w*|refut\w*|decr(?:y|ied|ies|ying)|slam(?:s|med|ming)|lambast\w*|denounc\w*|rebuk\w*|accus\w*|questioned|doubt\w*)\b/i
const DISSENT_WORDS =
  /\b(?:(?:is|are|was|were|be|been|being)\s+(?:\p{L}+ly\s+)?(?:illegal|unlawful|unconstitutional|prohibited|forbidden|banned|inhumane|false|untrue|wrong|misleading)|violat(?:e|es|ed|ing|ion)s?|inhumane|human rights abuses?)\b/iu
// The quote itself rules what it answers unlawful, false or wrong: the words, not a mention of a violation.
const RULING_WORDS =
  /\b(?:is|are|was|were|be|been|being)\s+(?:\p{L}+ly\s+)?(?:illegal|unlawful|unconstitutional|prohibited|forbidden|banned|false|untrue|wrong|misleading)\b/iu
const COUNTER = { test: (text: string) => DISSENT_VERB.test(text) || DISSENT_WORDS.test(text) }

/**
 * Whether the words that introduce a quote have its speaker dissent: a verb of
 * dissent after the speaker's mention ("Flores … criticized his president's
 * offer, saying"), not one said of someone else ("was criticized by").
 */
function dissentsInLead(lead: string, mentionAt: number, quote: string): string | null {
  if (!DISSENT_VERB.test(lead)) return null
  for (const m of lead.matchAll(DISSENT_VERBS)) {
    if (mentionAt >= 0 && m.index < mentionAt) continue
    const object = lead.slice(m.index + m[0].length)
    if (/^\s+by\b/i.test(object)) continue
    // Condemning an act ("condemning the attack") answers no one's words.
    if (ACTS.test(`${object} ${quote}`.split(/[,;:.]/)[0] ?? '')) continue
    return object
  }
  return null
}

const DISSENT_VERBS = new RegExp(DISSENT_VERB.source, 'giu')

// Acts of violence a voice condemns: no statement is contested by it.
const ACTS =
  /\b(?:attacks?|shootings?|bombings?|violence|killings?|murders?|massacres?|explosions?|terrorism|nuclear test|tests?|strikes?)\b/i

// Stems, as contentWords compares stems.
const COMMON_WORDS = new Set(COMMON_SPOKEN_WORDS.map((word) => stem(word)))

function contentWords(text: string): Set<string> {
  return new Set(
    // "U.S.", "US" and "the United States" name a country, not the pronoun "us" or a state.
    wordTokensOf(text.replace(/\bUnited States(?: of America)?\b/g, 'USA'))
      .map((t) =>
        /^(?:U\.?S\.?A?\.?|USA)$/.test(t.text) ? 'usa' : stem(t.norm.replace(/'s$/, '')),
      )
      .filter((w) => w.length > 2 && !isStopWord(w)),
  )
}

const spanStartOf = (sentence: { span: Span }) => sentence.span.start

/** A quote's sentence: the words that introduce it (`lead`), those after it (`tail`), where it starts. */
interface QuoteSentence {
  lead: string
  tail: string
  start: number
}

/** A quote's sentence: the words around it say whether the speaker objects. */
function quoteSentence(quote: Quote, articleById: ReadonlyMap<string, Article>): QuoteSentence {
  const article = articleById.get(quote.article)
  // Sentences are in text order: the last that starts at or before the quote.
  const sentences = article?.sentences ?? []
  const found = sentences[Math.max(0, bisectRight(sentences, quote.span.start, spanStartOf) - 1)]
  const sentence =
    found && found.span.start <= quote.span.start && found.span.end >= quote.span.start
      ? found
      : undefined
  if (!article || !sentence) return { lead: '', tail: '', start: quote.span.start }
  const end = Math.max(sentence.span.end, quote.span.end)
  return {
    lead: article.original.slice(sentence.span.start, quote.span.start),
    tail: article.original.slice(quote.span.end, end),
    start: sentence.span.start,
  }
}

/** A statement of the coverage: its cluster, the quote that says who made it, its content words. */
interface Voice {
  cluster: QuoteCluster
  quote: Quote
  words: Set<string>
}

/**
 * One voice per cluster: the speaker of its canonical wording, else of its longest
 * attributed member (a one-word fragment is too thin to say who a statement is by).
 * A speaker the model guessed, with nothing in the text naming them for these words
 * (`nearest-speaker`), makes no voice: "X contests what Y said" would repeat the guess
 * as a disagreement.
 */
function clusterVoices(
  clusters: readonly QuoteCluster[],
  quoteById: ReadonlyMap<string, Quote>,
): Voice[] {
  return clusters
    .map((cluster) => {
      const attributed = cluster.members.filter(
        (m) => m.speaker && quoteById.get(m.quote)?.rule !== 'nearest-speaker',
      )
      const member =
        attributed.find((m) => m.text === cluster.canonical) ??
        [...attributed].sort((a, b) => b.text.length - a.text.length)[0]
      const quote = member ? quoteById.get(member.quote) : undefined
      return quote?.speaker ? { cluster, quote, words: contentWords(cluster.canonical) } : null
    })
    .filter((v): v is NonNullable<typeof v> => v !== null)
}

function addPosting<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Speakers by the names a dissenting sentence may call them: surname, or a role's head word. */
interface SpeakerNames {
  bySurname: Map<string, string[]>
  byRole: Map<string, string[]>
  /** Every word of these people's names, as `contentWords` gives them. */
  words: Set<string>
}

/**
 * Who a dissenting sentence names: by surname, or by a role it gives them as
 * someone else's ("his president's offer"), not the dissenter's own title. Only
 * the speakers of these quotes: a corpus's list is read once per story otherwise.
 */
function speakerNames(input: DisputeInput): SpeakerNames {
  const bySurname = new Map<string, string[]>()
  const byRole = new Map<string, string[]>()
  const words = new Set<string>()
  const index = (map: Map<string, string[]>, word: string, id: string) => {
    const list = map.get(word)
    if (!list) map.set(word, [id])
    else if (!list.includes(id)) list.push(id)
  }
  const present = new Set(input.quotes.map((q) => q.speaker?.id))
  for (const speaker of input.speakers ?? []) {
    if (!present.has(speaker.id)) continue
    index(bySurname, (speaker.name.split(/\s+/).at(-1) ?? '').toLowerCase(), speaker.id)
    // People's names only: a country or an institution ("the United States") is often
    // what a statement is about.
    if (speaker.kind === 'person') for (const word of contentWords(speaker.name)) words.add(word)
    for (const role of speaker.roles) {
      const head = (role.split(/\s+/).at(-1) ?? '').toLowerCase()
      if (head.length > 4) index(byRole, head, speaker.id)
    }
  }
  return { bySurname, byRole, words }
}

/** The voices by content word (a word in very many voices links nothing: see `common`) and by speaker. */
interface VoiceIndex {
  byWord: Map<string, number[]>
  common: number
  bySpeaker: Map<string, number[]>
}

function indexVoices(voices: readonly Voice[]): VoiceIndex {
  const byWord = new Map<string, number[]>()
  voices.forEach((voice, i) => {
    for (const word of voice.words) addPosting(byWord, word, i)
  })
  const bySpeaker = new Map<string, number[]>()
  voices.forEach((voice, i) => {
    addPosting(bySpeaker, voice.quote.speaker?.id ?? '', i)
  })
  return { byWord, common: Math.max(50, voices.length / 10), bySpeaker }
}

/** How a voice dissents: by a verb of dissent (`object`, what it is said of) and/or by ruling words (`ruled`). */
interface Dissent {
  sentence: QuoteSentence
  /** Where the speaker's mention starts in `sentence.lead`; -1 when it is not there. */
  mentionAt: number
  object: string | null
  byVerb: boolean
  byRuling: boolean
  ruled: string
  /** The dissenter's own name's words ("Amnesty International"): no words of what it answers. */
  own: Set<string>
}

/**
 * How a quote dissents, or null: a verb of dissent the speaker is the subject of,
 * or words that rule what they answer unlawful, false or wrong. The dissent must
 * be in the words themselves or in what introduces them, not in whatever else
 * the sentence says after the quote; a word or four ("profane", "a total
 * lightweight") is a jab, not a statement contested.
 */
function dissentOf(quote: Quote, articleById: ReadonlyMap<string, Article>): Dissent | null {
  if (wordTokensOf(quote.text).length <= MAX_THIN) return null
  const sentence = quoteSentence(quote, articleById)
  const mention = quote.mention
  const mentionAt =
    mention && mention.span.start >= sentence.start && mention.span.start < quote.span.start
      ? mention.span.start - sentence.start
      : -1
  // What the verb of dissent is said of: the words after it, and the quote.
  const object = dissentsInLead(sentence.lead, mentionAt, quote.text)
  const byVerb = object !== null
  const byRuling = RULING_WORDS.test(quote.text)
  if (!byVerb && !byRuling) return null
  // What the dissent is said of: the words after the verb of dissent ("his president's
  // offer"), or the sentence of the quote that rules something unlawful or false.
  const ruled = quote.text.split(/(?<=[.!?])\s+/).find((part) => RULING_WORDS.test(part)) ?? ''
  const own = contentWords(quote.speaker?.name ?? '')
  return { sentence, mentionAt, object, byVerb, byRuling, ruled, own }
}

/**
 * The voices that share words with the dissent and its lead, one vote a word; the
 * dissenter's own name ("Amnesty International") is no word of what it answers.
 */
function sharedWordVotes(
  around: string,
  own: ReadonlySet<string>,
  { byWord, common }: VoiceIndex,
): Map<number, number> {
  const votes = new Map<number, number>()
  for (const word of contentWords(around)) {
    if (own.has(word)) continue
    const postings = byWord.get(word) ?? []
    if (postings.length > common || COMMON_WORDS.has(word)) continue
    for (const i of postings) votes.set(i, (votes.get(i) ?? 0) + 1)
  }
  return votes
}

/**
 * The speakers a dissenting sentence names ("…, which was dismissed by Bukele"),
 * before or after the words: a verb of dissent names whom it answers after it
 * ("criticized his president's offer"); words that rule something unlawful may
 * name them anywhere in the sentence. Names before the speaker's own mention are
 * their title ("Clinton spokesman Jesse Ferguson"); the speaker is never named.
 */
function namedSpeakers(quote: Quote, dissent: Dissent, names: SpeakerNames): Set<string> {
  const { sentence, mentionAt, object, byVerb, byRuling } = dissent
  const mention = quote.mention
  const afterMention =
    mention && mentionAt >= 0 ? sentence.lead.slice(mentionAt + mention.text.length) : sentence.lead
  const namingText = byVerb && !byRuling ? (object ?? '') : `${afterMention} ${sentence.tail}`
  const leadWords = new Set(wordTokensOf(namingText).map((t) => t.norm.replace(/'s$/, '')))
  const ownedRoles = new Set(
    [
      ...namingText
        .toLowerCase()
        .matchAll(/\b(?:his|her|their|its|the)\s+(?:[\p{L}-]+\s+)?([\p{L}-]+)(?:['’]s)?\b/gu),
    ].map((m) => m[1] as string),
  )
  const named = new Set<string>()
  for (const word of leadWords) for (const id of names.bySurname.get(word) ?? []) named.add(id)
  for (const role of ownedRoles) for (const id of names.byRole.get(role) ?? []) named.add(id)
  named.delete(quote.speaker?.id ?? '')
  return named
}

/**
 * What the dissent answers: a statement by someone the sentence names that shares a
 * telling word with it, or one that shares three (two when the words rule it unlawful
 * or false, which restate what they answer); the first of the most votes.
 */
function answeredVoice(
  voices: readonly Voice[],
  counterIndex: number,
  votes: ReadonlyMap<number, number>,
  dissent: Dissent,
  named: ReadonlySet<string>,
  nameWords: ReadonlySet<string>,
): { target: Voice; best: number } | null {
  const counter = voices[counterIndex] as Voice
  const { object, byVerb, byRuling, ruled, own } = dissent
  const objectWords = contentWords(object ?? '')
  const ruledWords = contentWords(ruled)
  // Names are no words of what is said: the dissenter's, the speaker's own, nor any
  // other person's ("accuses the Trump campaign of …" says nothing of a statement that
  // merely mentions "Mr. Trump").
  const telling = (words: ReadonlySet<string>, voice: Voice) => {
    const theirs = contentWords(voice.quote.speaker?.name ?? '')
    return [...voice.words].filter(
      (word) =>
        words.has(word) &&
        !COMMON_WORDS.has(word) &&
        !own.has(word) &&
        !theirs.has(word) &&
        !nameWords.has(word),
    ).length
  }
  let target: Voice | undefined
  let targetIndex = -1
  let best = byRuling ? 1 : 2
  for (const [i, shared] of votes) {
    const voice = voices[i] as Voice
    if (i === counterIndex || voice.quote.speaker?.id === counter.quote.speaker?.id) continue
    // Words that rule something unlawful answer a statement the sentence does not name
    // only from another report: within one, the sentence says whom it answers.
    if (
      byRuling &&
      !byVerb &&
      !named.has(voice.quote.speaker?.id ?? '') &&
      voice.quote.article === counter.quote.article
    )
      continue
    // What the dissent is said of must be in the statement: a word of what the verb of
    // dissent is said of ("criticized his president's offer"), or two of the ruling.
    const ofVerb = byVerb && telling(objectWords, voice) > 0
    const ofRuling = byRuling && telling(ruledWords, voice) > 1
    if (!ofVerb && !ofRuling) continue
    if (COUNTER.test(voice.cluster.canonical) || wordTokensOf(voice.cluster.canonical).length < 3)
      continue
    if (shared > best || (shared === best && target && i < targetIndex)) {
      best = shared
      target = voice
      targetIndex = i
    }
  }
  return target ? { target, best } : null
}

function contestedDispute(
  counter: Voice,
  target: Voice,
  counterSpeaker: SpeakerRef,
  targetSpeaker: SpeakerRef,
  best: number,
): Draft<Dispute> {
  return {
    kind: 'contested',
    summary: `${counterSpeaker.name} contests what ${targetSpeaker.name} said: “${short(counter.quote.text, 60)}”`,
    positions: [
      {
        article: target.quote.article,
        speaker: targetSpeaker,
        text: target.quote.text,
        span: target.quote.span,
      },
      {
        article: counter.quote.article,
        speaker: counterSpeaker,
        text: counter.quote.text,
        span: counter.quote.span,
      },
    ],
    confidence: Math.round(Math.min(0.7, 0.3 + 0.1 * best) * 100) / 100,
    needsJudgement: true,
    cluster: counter.cluster.id,
    slot: null,
  }
}

function contested(input: DisputeInput): Draft<Dispute>[] {
  const articleById = new Map(input.articles.map((a) => [a.id, a]))
  const quoteById = new Map(input.quotes.map((q) => [q.id, q]))
  const voices = clusterVoices(input.clusters, quoteById)
  const names = speakerNames(input)
  const index = indexVoices(voices)
  const seen = new Set<string>()
  const found: Draft<Dispute>[] = []
  voices.forEach((counter, counterIndex) => {
    const dissent = dissentOf(counter.quote, articleById)
    if (!dissent) return
    const votes = sharedWordVotes(
      `${dissent.sentence.lead} ${counter.quote.text}`,
      dissent.own,
      index,
    )
    // A statement by someone the dissenting sentence names weighs more.
    const named = namedSpeakers(counter.quote, dissent, names)
    for (const id of named)
      for (const i of index.bySpeaker.get(id) ?? []) {
        const shared = votes.get(i)
        if (shared !== undefined) votes.set(i, shared + 2)
      }
    const answered = answeredVoice(voices, counterIndex, votes, dissent, named, names.words)
    const counterSpeaker = counter.quote.speaker
    const targetSpeaker = answered?.target.quote.speaker
    if (!answered || !counterSpeaker || !targetSpeaker) return
    const key = `${counterSpeaker.id}|${targetSpeaker.id}`
    if (seen.has(key)) return
    seen.add(key)
    found.push(
      contestedDispute(counter, answered.target, counterSpeaker, targetSpeaker, answered.best),
    )
  })
  return found
}
