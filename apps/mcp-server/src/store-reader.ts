import type { CrossReference, SearchHit } from '@corroborate/core'
import type { Store } from '@corroborate/store'
import type { CorpusReader, Window } from './reader.js'

/** Options of {@link storeReader}. */
export interface StoreReaderOptions {
  /**
   * Cross-references one story and stores it (a worker thread), for a story
   * whose stored analysis is older than the story. Default: the store does it
   * on the calling thread.
   */
  analyseStory?: (story: string) => Promise<void>
}

/**
 * A reader over a lasting store: stories, articles, search and counts from
 * SQL; quotes, disputes and speakers from each story's stored cross-reference
 * (ids scoped by the story: `st-…#k0`), in SQL too. Nothing loads the whole
 * corpus; a story whose analysis is stale is analysed when read.
 */
export function storeReader(store: Store, options: StoreReaderOptions = {}): CorpusReader {
  const fresh = freshStory(store, options)
  return {
    count: () => store.count(),
    async get(id) {
      return (await store.getArticle(id))?.article
    },
    ids: () => allArticleIds(store),
    stories: () => store.stories(),
    storyOf: (id) => store.storyOf(id),
    storyCounts: () => store.storyCounts(),
    async labels(ids, maxLength) {
      const labels = await store.labels(ids)
      for (const [id, entry] of labels)
        if (entry.label.length > maxLength)
          labels.set(id, { ...entry, label: `${entry.label.slice(0, maxLength - 1)}…` })
      return labels
    },
    quotedIn: (person) => store.quotedIn(person),
    async sources(window) {
      const { items, total } = await store.sources(window)
      return {
        total,
        items: items.map((s) => ({
          id: s.id,
          outlet: s.outlet,
          title: s.title,
          label: s.label,
          date: s.published,
          quotes: s.quotes,
          disputes: s.disputes,
          story: s.story,
        })),
      }
    },
    analysisOf: (story, articles) => analysisOf(store, fresh, story, articles),
    async disputes(query, window) {
      await fresh(query.story)
      return store.disputes(query, window)
    },
    async quotes(query, window) {
      await fresh(query.story)
      return store.quotes(query, window)
    },
    speakers: () => store.speakers(),
    search: (query, window) => searchWindow(store, query, window),
    counts: () => store.totals(),
    version: () => store.version(),
  }
}

/** Brings one story's stored analysis up to date; nothing for no story. */
type FreshStory = (story?: string) => Promise<void>

// A story read on its own is brought up to date first. Lists over every story read what
// is stored (a story's previous analysis until its new one is kept): they never wait for an add.
function freshStory(store: Store, options: StoreReaderOptions): FreshStory {
  return async (story) => {
    if (story === undefined) return
    const analyse =
      options.analyseStory ?? (async (id: string) => void (await store.storyAnalysis(id)))
    if ((await store.staleStories()).includes(story)) await analyse(story)
  }
}

async function allArticleIds(store: Store): Promise<string[]> {
  const ids: string[] = []
  for (let cursor: string | null = null; ; ) {
    const page = await store.listArticles({ limit: 500, cursor })
    ids.push(...page.items.map((item) => item.id))
    if (page.next === null) return ids
    cursor = page.next
  }
}

/** See {@link CorpusReader.analysisOf}: the story given, else the articles' story (or stories), else the largest. */
async function analysisOf(
  store: Store,
  fresh: FreshStory,
  story: string | undefined,
  articles: readonly string[] | undefined,
): Promise<CrossReference> {
  let id = story
  if (id === undefined && articles !== undefined && articles.length > 0) {
    const ids = new Set<string>()
    for (const article of articles) {
      const of = await store.storyOf(article)
      if (of !== undefined) ids.add(of)
    }
    // Articles of several stories: those stories' analyses side by side.
    if (ids.size > 1) {
      const parts: CrossReference[] = []
      for (const of of ids) {
        await fresh(of)
        parts.push(await store.storyAnalysis(of))
      }
      return combine(parts)
    }
    id = [...ids][0]
  }
  if (id === undefined) {
    const stories = await store.stories()
    id = [...stories].sort((a, b) => b.articles.length - a.articles.length)[0]?.id
  }
  if (id === undefined) return emptyAnalysis
  await fresh(id)
  return store.storyAnalysis(id)
}

async function searchWindow(store: Store, query: string, window: Window) {
  // The store pages by its own cursor: ask for the window's end, keep the window.
  const hits: SearchHit[] = []
  let total = 0
  for (let cursor: string | null = null; ; ) {
    const page = await store.search(query, { limit: 500, cursor })
    for (const hit of page.items)
      hits.push({
        kind: hit.kind,
        article: hit.article,
        id: hit.id,
        text: hit.text,
        span: hit.span,
      })
    total = hits.length
    if (page.next === null || hits.length >= window.offset + window.limit + 1) {
      if (page.next !== null) total = hits.length + 1
      break
    }
    cursor = page.next
  }
  return { items: hits.slice(window.offset, window.offset + window.limit), total }
}

/** Several stories' analyses as one: lists one after another, speakers once each. */
function combine(parts: readonly CrossReference[]): CrossReference {
  const all = <K extends keyof CrossReference>(key: K) =>
    parts.flatMap((part) => part[key] as unknown[]) as CrossReference[K]
  const speakers = new Map(all('speakers').map((s) => [s.id, s]))
  return {
    articles: all('articles'),
    stories: all('stories'),
    speakers: [...speakers.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    quotes: all('quotes'),
    claims: all('claims'),
    clusters: all('clusters'),
    slots: all('slots'),
    agreements: all('agreements'),
    disputes: all('disputes'),
    updates: all('updates'),
    coverage: all('coverage'),
    messages: all('messages'),
  }
}

const emptyAnalysis: CrossReference = {
  articles: [],
  stories: [],
  speakers: [],
  quotes: [],
  claims: [],
  clusters: [],
  slots: [],
  agreements: [],
  disputes: [],
  updates: [],
  coverage: [],
  messages: [],
}
