import {
  type Article,
  articleLabel,
  type CrossReference,
  type Dispute,
  matchesSpeaker,
  type Quote,
  type QuoteKind,
  type QuoteVariant,
  type Span,
  sortQuotesByWeight,
  type WordChange,
} from '@corroborate/core'
import type { InputFailure } from '../load-inputs.js'
import type { StoryRow } from '../stories.js'
import { sourceNames } from './names.js'
import { agreementSentence, disputeSummary } from './prose.js'

/** One article as the report lists it. */
export interface SourceRow {
  id: string
  path: string
  /** What the lines of the report call the article (see `sourceNames`). */
  name: string
  /** The title, else the lead sentence, clipped: never the id. */
  label: string
  title: string | null
  outlet: string | null
  author: string | null
  published: string | null
  url: string | null
  format: Article['format']
  paragraphs: number
  quotes: number
}

export interface QuoteRow {
  id: string
  article: string
  /** The outlet's name, else the article's short label: what a reader recognizes. */
  source: string
  speaker: string | null
  text: string
  kind: QuoteKind
  span: Span
}

export interface SpeakerRow {
  id: string
  name: string
  kind: string
  roles: string[]
  aliases: string[]
  quotes: QuoteRow[]
}

export interface ClusterColumn {
  article: string
  source: string
  text: string
  speaker: string | null
  variant: QuoteVariant
  diff: WordChange[]
  span: Span
}

export interface ClusterRow {
  id: string
  canonical: string
  speakers: string[]
  /** One column per member, in the order of the corpus's articles. */
  columns: ClusterColumn[]
}

export interface DisputeRow {
  id: string
  kind: Dispute['kind']
  /** One line for a reader, articles named as the report names them. */
  summary: string
  confidence: number
  needsJudgement: boolean
  /** The shared statement the dispute is about, when there is one. */
  cluster: string | null
  positions: Array<{
    article: string
    source: string
    speaker: string | null
    text: string
    span: Span
    /** This wording against the statement's fullest one, when the dispute is about a statement. */
    diff: WordChange[] | null
  }>
}

export interface AgreementRow {
  kind: 'quote' | 'fact'
  /** A sentence: "4 outlets agree: 40,000 people — “…”". */
  summary: string
  articles: string[]
}

/**
 * What the report is about, for its first lines: a headline (the first title
 * among the articles, else the first one's lead), the outlets they name,
 * and the span of publication dates. One story for now; a list of stories
 * can take its place at the top.
 */
export interface Overview {
  headline: string
  /** Outlets the articles name, in order of first appearance. */
  outlets: string[]
  /** Articles that name no outlet. */
  unknownOutlet: number
  articles: number
  first: string | null
  last: string | null
}

/** Everything a report says: plain data, rendered as text, JSON, Markdown or HTML. */
export interface Report {
  overview: Overview
  sources: SourceRow[]
  speakers: SpeakerRow[]
  unattributed: QuoteRow[]
  clusters: ClusterRow[]
  disputes: DisputeRow[]
  agreements: AgreementRow[]
  failures: InputFailure[]
  /** The stories of the articles read, largest first, when the command lists them; else empty. */
  stories: StoryRow[]
}

/**
 * Puts the corpus's cross-reference into the shape a reader follows: the
 * sources, who said what (statements first, then quoted fragments, the
 * one- and two-word ones last; terms left out), the statements several outlets carry with each outlet's words, and where
 * they disagree. `speaker` keeps only that person's quotes: any name, alias
 * or role, accents, case and apostrophes aside (`matchesSpeaker`).
 */
export function buildReport(
  articles: readonly Article[],
  paths: ReadonlyMap<string, string>,
  corpus: CrossReference,
  failures: readonly InputFailure[],
  speaker: string | null = null,
  stories: readonly StoryRow[] = [],
): Report {
  const names = sourceNames(articles)
  const scope: ReportScope = {
    corpus,
    names,
    source: (id: string) => names.get(id) ?? id,
    spoken: corpus.quotes.filter((quote) => quote.kind !== 'term'),
    wanted: speaker?.trim() || null,
  }
  const { spoken, wanted } = scope
  const speakers = speakerRows(scope)
  const speakerIds = new Set(speakers.map((s) => s.id))
  return {
    overview: overviewOf(articles),
    sources: articles.map((article) => ({
      id: article.id,
      path: paths.get(article.id) ?? '',
      name: scope.source(article.id),
      label: articleLabel(article),
      title: article.title?.value ?? null,
      outlet: article.outlet?.value ?? null,
      author: article.author?.value ?? null,
      published: article.published?.value ?? null,
      url: article.url?.value ?? null,
      format: article.format,
      paragraphs: article.paragraphs.length,
      quotes: spoken.filter((quote) => quote.article === article.id).length,
    })),
    speakers,
    unattributed:
      wanted === null ? spoken.filter((quote) => !quote.speaker).map(quoteRow(scope)) : [],
    clusters: clusterRows(scope, articles, speakerIds),
    disputes: disputeRows(scope, speakerIds),
    agreements:
      wanted === null
        ? corpus.agreements.map((a) => ({
            kind: a.kind,
            summary: agreementSentence(a, corpus, names),
            articles: a.articles,
          }))
        : [],
    failures: [...failures],
    stories: [...stories],
  }
}

/** What every part of the report reads. */
interface ReportScope {
  corpus: CrossReference
  /** What the lines of the report call each article, by id (see `sourceNames`). */
  names: ReadonlyMap<string, string>
  /** An article's name, its id when it has none. */
  source: (id: string) => string
  /** The quotes the report lists: every one but terms. */
  spoken: Quote[]
  /** The speaker asked for, trimmed; null for everyone. */
  wanted: string | null
}

const quoteRow =
  ({ source }: ReportScope) =>
  (quote: Quote): QuoteRow => ({
    id: quote.id,
    article: quote.article,
    source: source(quote.article),
    speaker: quote.speaker?.name ?? null,
    text: quote.text,
    kind: quote.kind,
    span: quote.span,
  })

/** The speakers asked for who are quoted, most quoted first, each with their quotes by weight. */
function speakerRows(scope: ReportScope): SpeakerRow[] {
  const { corpus, spoken, wanted } = scope
  return corpus.speakers
    .filter((s) => wanted === null || matchesSpeaker(s, wanted))
    .map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      roles: s.roles,
      aliases: s.aliases,
      quotes: sortQuotesByWeight(
        spoken.filter((quote) => quote.speaker?.id === s.id).map(quoteRow(scope)),
      ),
    }))
    .filter((s) => s.quotes.length > 0)
    .sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name))
}

/** The statements two or more articles carry (of the speakers listed, when one is asked for), a column per member in article order. */
function clusterRows(
  { corpus, source, wanted }: ReportScope,
  articles: readonly Article[],
  speakerIds: ReadonlySet<string>,
): ClusterRow[] {
  const order = new Map(articles.map((article, index) => [article.id, index]))
  return corpus.clusters
    .filter((cluster) => cluster.articles.length > 1)
    .filter((cluster) => wanted === null || cluster.speakers.some((s) => speakerIds.has(s.id)))
    .map((cluster) => ({
      id: cluster.id,
      canonical: cluster.canonical,
      speakers: cluster.speakers.map((s) => s.name),
      columns: [...cluster.members]
        .sort((a, b) => (order.get(a.article) ?? 0) - (order.get(b.article) ?? 0))
        .map((member) => ({
          article: member.article,
          source: source(member.article),
          text: member.text,
          speaker: member.speaker?.name ?? null,
          variant: member.variant,
          diff: member.diff,
          span: member.span,
        })),
    }))
}

/** The disputes (those a listed speaker takes a side in, when one is asked for), each position with its wording's diff. */
function disputeRows(
  { corpus, names, source, wanted }: ReportScope,
  speakerIds: ReadonlySet<string>,
): DisputeRow[] {
  return corpus.disputes
    .filter(
      (dispute) =>
        wanted === null ||
        dispute.positions.some(
          (position) => position.speaker && speakerIds.has(position.speaker.id),
        ),
    )
    .map((dispute) => {
      const members = corpus.clusters.find((c) => c.id === dispute.cluster)?.members ?? []
      return {
        id: dispute.id,
        kind: dispute.kind,
        summary: disputeSummary(dispute, corpus, names),
        confidence: dispute.confidence,
        needsJudgement: dispute.needsJudgement,
        cluster: dispute.cluster,
        positions: dispute.positions.map((position) => ({
          article: position.article,
          source: source(position.article),
          speaker: position.speaker?.name ?? null,
          text: position.text,
          span: position.span,
          diff:
            members.find(
              (m) =>
                m.article === position.article &&
                m.span.start === position.span.start &&
                m.span.end === position.span.end,
            )?.diff ?? null,
        })),
      }
    })
}

/** What the report is about, for its first lines (see {@link Overview}). */
function overviewOf(articles: readonly Article[]): Overview {
  const dates = articles
    .flatMap((article) => (article.published ? [article.published.value] : []))
    .sort()
  const headline =
    articles.find((article) => article.title)?.title?.value ??
    (articles[0] ? articleLabel(articles[0]) : '')
  return {
    headline,
    outlets: [...new Set(articles.flatMap((article) => article.outlet?.value ?? []))],
    unknownOutlet: articles.filter((article) => !article.outlet).length,
    articles: articles.length,
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
  }
}
