import type { Article, ArticleProfile, Claim, Quote, Speaker } from '@corroborate/core'

/** The fields of an article that may be kept in pieces (`article_parts`). */
export type PartField = 'content' | 'article' | 'quotes' | 'speakers' | 'claims' | 'profile'

/** An article, its analysis and its story as `loadRows` reads them, values in parts joined. */
export interface AnalysisRow {
  id: string
  seq: string
  format: string
  content: string
  metadata: Record<string, unknown>
  path: string | null
  content_hash: string
  added_at: Date | string
  analysis_version: number
  article: Article
  quotes: Quote[]
  speakers: Speaker[]
  claims: Claim[]
  profile: ArticleProfile
  story_id: string
  parts: PartField[] | null
}
