import { CorroborateError } from '../errors.js'
import {
  type ArticleLoadFailure,
  type ReadArticleSourcesOptions,
  readArticleSources,
} from '../ingest/index.js'
import { normalizeArticle } from '../segment/index.js'
import type { Article } from '../types.js'

/** Options of `loadArticles`. */
export interface LoadArticlesOptions extends ReadArticleSourcesOptions {
  /**
   * Called before each article is normalized, with the articles `done` of
   * `total` and the file being read, and once when all are (`done === total`, `path` '').
   */
  onProgress?: (done: number, total: number, path: string) => void
}

/** What `loadArticles` loaded, what it could not, and the files given more than once. */
export interface LoadedArticles {
  /** Normalized, each id once, in the order of the paths. */
  articles: Article[]
  /** The file each article was read from, by article id. */
  paths: Record<string, string>
  failures: ArticleLoadFailure[]
  /** Files given twice: read once. */
  repeated: string[]
}

// Articles normalized between two turns of the event loop, so that a signal can stop a long load.
const BATCH = 25

/**
 * Reads files and directories of articles (see `readArticleSources`, whose
 * failures it returns) and normalizes each article. An article with no story
 * text (a fatal message: empty, binary, too long, no body) is a failure with
 * `NO_STORY_TEXT` and the message's words, not an article. Stops between two
 * articles when `signal` aborts, rejecting with its reason.
 */
export async function loadArticles(
  paths: readonly string[],
  options: LoadArticlesOptions = {},
): Promise<LoadedArticles> {
  const { onProgress, ...readOptions } = options
  const { sources, failures, repeated } = await readArticleSources(paths, readOptions)
  const articles: Article[] = []
  const files: Record<string, string> = {}
  for (const [index, source] of sources.entries()) {
    if (index % BATCH === 0 && index > 0) {
      await new Promise((resolve) => setImmediate(resolve))
      options.signal?.throwIfAborted()
    }
    const path = source.path ?? source.id ?? `input ${index + 1}`
    onProgress?.(index, sources.length, path)
    const article = normalizeArticle(source)
    const fatal = article.messages.find((message) => message.severity === 'error')
    if (fatal)
      failures.push({
        path,
        error: new CorroborateError('NO_STORY_TEXT', fatal.message, { subject: path }),
      })
    else {
      articles.push(article)
      files[article.id] = path
    }
  }
  onProgress?.(sources.length, sources.length, '')
  return { articles, paths: files, failures, repeated }
}
