import { fileURLToPath } from 'node:url'
import { loadArticleDirectory, normalizeArticle } from '../src/index.js'
import type { Article, ArticleSource } from '../src/types.js'

/** The repository's seed articles, loaded once for every test file that reads them. */
export const SEEDS = fileURLToPath(new URL('../../../seeds', import.meta.url))
export const IDS = [
  '000_319bfdf5a655c3df',
  '001_b67738d60fcf9431',
  '002_14d3067ffab1f62e',
  '003_57a1effef5a16a55',
  '004_cbbd90037d08fd37',
] as const
export type SeedId = (typeof IDS)[number]

export const loaded = await loadArticleDirectory(SEEDS)
export const sources = new Map(loaded.sources.map((source) => [source.id, source]))
export const articles = new Map(
  loaded.sources.map((source) => [source.id, normalizeArticle(source)]),
)

export function sourceOf(id: SeedId): ArticleSource {
  const source = sources.get(id)
  if (!source) throw new Error(`seed ${id} was not loaded`)
  return source
}

export function seed(id: SeedId): Article {
  const article = articles.get(id)
  if (!article) throw new Error(`seed ${id} was not loaded`)
  return article
}

export { slice } from './helpers.js'
