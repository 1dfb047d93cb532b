import type {
  Article,
  Claim,
  ClaimSlot,
  Corroboration,
  Dispute,
  DisputePosition,
  Quote,
  QuoteCluster,
  SpeakerRef,
} from '../types.js'
import { isStopWord, wordTokens } from './word-tokens.js'

/** What {@link findDisputes} reads: the corpus's quotes and claims, already clustered and aligned. */
export interface DisputeInput {
  articles: readonly Article[]
  quotes: readonly Quote[]
  clusters: readonly QuoteCluster[]
  claims: readonly Claim[]
  slots: readonly ClaimSlot[]
}

const short = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
const stem = (word: string) => word.replace(/(?:ies|es|s|ed|ing|ly)$/, '')

/** A replacement that changes a content word, not an inflection or a function word. */
function isMaterial(canonical: string, member: string): boolean {
  const others = wordTokens(member)
  return wordTokens(canonical).some((word, i) => {
    const other = others[i]
    return !isStopWord(word.norm) && (!other || stem(other.norm) !== stem(word.norm))
  })
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
} {
  const quoteById = new Map(input.quotes.map((q) => [q.id, q]))
  const claimById = new Map(input.claims.map((c) => [c.id, c]))
  const disputes: Omit<Dispute, 'id'>[] = []
  const agreements: Omit<Corroboration, 'id'>[] = []

  for (const cluster of input.clusters) {
    // Attribution: who each article says spoke these words.
    const bySpeaker = new Map<string, { speaker: SpeakerRef; members: typeof cluster.members }>()
    for (const member of cluster.members) {
      if (!member.speaker || wordTokens(member.text).length < 3) continue
      const entry = bySpeaker.get(member.speaker.id) ?? { speaker: member.speaker, members: [] }
      entry.members.push(member)
      bySpeaker.set(member.speaker.id, entry)
    }
    const sides = [...bySpeaker.values()]
    const articlesOf = (side: (typeof sides)[number]) => [
      ...new Set(side.members.map((m) => m.article)),
    ]
    const crossArticle =
      sides.length > 1 &&
      sides.some((a) =>
        sides.some((b) => a !== b && articlesOf(a).some((x) => !articlesOf(b).includes(x))),
      )
    if (crossArticle) {
      const positions: DisputePosition[] = []
      let weakest = 1
      for (const side of sides) {
        for (const article of articlesOf(side)) {
          const member = side.members.find((m) => m.article === article)
          if (!member) continue
          positions.push({ article, speaker: side.speaker, text: member.text, span: member.span })
          weakest = Math.min(weakest, quoteById.get(member.quote)?.confidence ?? 0)
        }
      }
      disputes.push({
        kind: 'attribution',
        summary: `“${short(cluster.canonical)}” is given to ${list(
          sides.map((side) => `${side.speaker.name} (${articlesOf(side).join(', ')})`),
        )}`,
        positions,
        confidence: Math.round(Math.max(0.3, weakest) * 100) / 100,
        needsJudgement: weakest < 0.8,
        cluster: cluster.id,
        slot: null,
      })
    } else if (cluster.articles.length > 1) {
      const speaker = sides.sort((a, b) => b.members.length - a.members.length)[0]?.speaker
      agreements.push({
        kind: 'quote',
        summary: `${list(cluster.articles)} quote${speaker ? ` ${speaker.name}` : ''}: “${short(cluster.canonical)}”`,
        articles: cluster.articles,
        cluster: cluster.id,
        slot: null,
      })
    }

    // Wording: content words changed, beyond inflection and function words.
    const changed = cluster.members.filter((member) =>
      member.diff.some((step) => step.op === 'replace' && isMaterial(step.canonical, step.member)),
    )
    if (changed.length > 0 && cluster.articles.length > 1) {
      const canonicalMember =
        cluster.members.find((m) => m.text === cluster.canonical) ?? cluster.members[0]
      const swaps = changed.flatMap((member) =>
        member.diff
          .filter((step) => step.op === 'replace' && isMaterial(step.canonical, step.member))
          .map((step) => `“${step.canonical}” → “${step.member}” (${member.article})`),
      )
      const positions: DisputePosition[] = [canonicalMember, ...changed]
        .filter((m): m is NonNullable<typeof m> => m !== undefined)
        .map((m) => ({ article: m.article, speaker: m.speaker, text: m.text, span: m.span }))
      disputes.push({
        kind: 'wording',
        summary: `${cluster.speakers[0]?.name ?? 'A statement'} quoted in different words: ${list([...new Set(swaps)].slice(0, 4))}`,
        positions,
        confidence: 0.6,
        needsJudgement: true,
        cluster: cluster.id,
        slot: null,
      })
    }
  }

  for (const slot of input.slots) {
    const articles = new Set(slot.values.flatMap((v) => v.articles))
    if (articles.size < 2) continue
    if (slot.agrees) {
      agreements.push({
        kind: 'fact',
        summary: `${list([...articles].sort())} agree: ${slot.values[0]?.value}${slot.unit ? ` ${slot.unit}` : ''} (${slot.keywords.slice(0, 4).join(', ')})`,
        articles: [...articles].sort(),
        cluster: null,
        slot: slot.id,
      })
      continue
    }
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
    disputes.push({
      kind: 'fact',
      summary: `${slot.kind}${slot.unit ? ` (${slot.unit})` : ''} of ${slot.keywords.slice(0, 4).join(', ') || 'one fact'}: ${list(
        slot.values.map((v) => `${v.value} in ${v.articles.join(', ')}`),
      )}`,
      positions,
      confidence: slot.keywords.length >= 3 ? 0.7 : 0.5,
      needsJudgement: slot.keywords.length < 3,
      cluster: null,
      slot: slot.id,
    })
  }

  disputes.push(...contested(input))
  const order = ['attribution', 'wording', 'fact', 'contested']
  disputes.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
  return {
    disputes: disputes.map((d, i) => ({ id: `d${i}`, ...d })),
    agreements: agreements.map((a, i) => ({ id: `a${i}`, ...a })),
  }
}

// How a voice denies, rules out or criticizes, in general English: a verb of dissent
// introducing the words, or the words ruling something illegal, false or wrong. Plain
// negation ("no one has ever …") and descriptive adjectives ("illegal immigrants")
// are too common to mark dissent.
const DISSENT_VERB =
  /\b(?:den(?:y|ies|ied|ying)|disput\w*|reject\w*|condemn\w*|critici[sz]\w*|oppos\w*|object(?:ed|s|ing)|challeng\w*|refut\w*|decr(?:y|ied|ies|ying)|slam(?:s|med|ming)|lambast\w*|denounc\w*|rebuk\w*|warn(?:ed|s|ing)|accus\w*|questioned|doubt\w*)\b/i
const DISSENT_WORDS =
  /\b(?:(?:is|are|was|were|be|been|being)\s+(?:\p{L}+ly\s+)?(?:illegal|unlawful|unconstitutional|prohibited|forbidden|banned|inhumane|false|untrue|wrong|misleading)|violat(?:e|es|ed|ing|ion)s?|inhumane|human rights abuses?)\b/iu
const COUNTER = { test: (text: string) => DISSENT_VERB.test(text) || DISSENT_WORDS.test(text) }

function contentWords(text: string): Set<string> {
  return new Set(
    wordTokens(text)
      // "U.S." and "US" name a country, not the pronoun "us".
      .map((t) =>
        /^(?:U\.?S\.?A?\.?|USA)$/.test(t.text) ? 'usa' : stem(t.norm.replace(/'s$/, '')),
      )
      .filter((w) => w.length > 2 && !isStopWord(w)),
  )
}

function contested(input: DisputeInput): Omit<Dispute, 'id'>[] {
  const articleById = new Map(input.articles.map((a) => [a.id, a]))
  const quoteById = new Map(input.quotes.map((q) => [q.id, q]))
  // A quote's sentence: the words around it say whether the speaker objects.
  // The words that introduce a quote: its sentence up to the quote.
  const leadOf = (quote: Quote) => {
    const article = articleById.get(quote.article)
    const sentence = article?.sentences.find(
      (s) => s.span.start <= quote.span.start && s.span.end >= quote.span.start,
    )
    return article && sentence ? article.original.slice(sentence.span.start, quote.span.start) : ''
  }
  // One voice per cluster: its first attributed member.
  const voices = input.clusters
    .map((cluster) => {
      const member = cluster.members.find((m) => m.speaker)
      const quote = member ? quoteById.get(member.quote) : undefined
      return quote?.speaker ? { cluster, quote, words: contentWords(cluster.canonical) } : null
    })
    .filter((v): v is NonNullable<typeof v> => v !== null)
  // Inverted index of content words; a word in very many voices links nothing.
  const byWord = new Map<string, number[]>()
  voices.forEach((voice, i) => {
    for (const word of voice.words) {
      const postings = byWord.get(word)
      if (postings) postings.push(i)
      else byWord.set(word, [i])
    }
  })
  const common = Math.max(50, voices.length / 10)
  const seen = new Set<string>()
  const found: Omit<Dispute, 'id'>[] = []
  voices.forEach((counter, counterIndex) => {
    // The dissent must be in the words themselves or in what introduces them, not in
    // whatever else the sentence says after the quote.
    const lead = leadOf(counter.quote)
    const around = `${lead} ${counter.quote.text}`
    if (!COUNTER.test(around)) return
    const votes = new Map<number, number>()
    for (const word of contentWords(around)) {
      const postings = byWord.get(word) ?? []
      if (postings.length > common) continue
      for (const i of postings) votes.set(i, (votes.get(i) ?? 0) + 1)
    }
    let target: (typeof voices)[number] | undefined
    let best = 1
    for (const [i, shared] of votes) {
      const voice = voices[i] as (typeof voices)[number]
      if (i === counterIndex || voice.quote.speaker?.id === counter.quote.speaker?.id) continue
      if (COUNTER.test(voice.cluster.canonical)) continue
      if (shared > best || (shared === best && target && i < voices.indexOf(target))) {
        best = shared
        target = voice
      }
    }
    const counterSpeaker = counter.quote.speaker
    const targetSpeaker = target?.quote.speaker
    if (!target || !counterSpeaker || !targetSpeaker) return
    const key = `${counterSpeaker.id}|${targetSpeaker.id}`
    if (seen.has(key)) return
    seen.add(key)
    found.push({
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
      confidence: Math.min(0.7, 0.3 + 0.1 * best),
      needsJudgement: true,
      cluster: counter.cluster.id,
      slot: null,
    })
  })
  return found
}
