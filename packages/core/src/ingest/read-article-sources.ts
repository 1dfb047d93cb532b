import { CorroborateError, isCorroborateError } from '../errors.js'
import type { ArticleSource } from '../types.js'
import { uniqueArticleIds } from './article-id.js'
import {
  type ArticleLoadFailure,
  type LoadArticleFileOptions,
  loadArticleDirectory,
  loadArticleFile,
  statPath,
} from './load-article-file.js'

/** Options of `readArticleSources`: the loaders' options, and a signal to stop between two paths. */
export interface ReadArticleSourcesOptions extends LoadArticleFileOptions {
  /** Stops the read between two paths; the promise then rejects with the signal's reason. */
  signal?: AbortSignal
}

/** What `readArticleSources` read, what it could not, and the paths given more than once. */
export interface ArticleSources {
  /** Each id once, in the order of the paths (a directory's files in name order). */
  sources: ArticleSource[]
  failures: ArticleLoadFailure[]
  /** Files given twice (by two paths, or a directory and a file in it): read once. */
  repeated: string[]
}

/**
 * Reads the article files of files and directories (`loadArticleFile`,
 * `loadArticleDirectory`) with one set of rules: a path or a file that cannot
 * be read is a failure with its `CorroborateError` (a missing path
 * `FILE_NOT_FOUND`; permissions, a symbolic link loop, a name too long or a
 * file where a directory was expected `READ_FAILED`; a directory without
 * article files `NO_ARTICLE_FILES`) and the rest still load. Two files of one
 * name in two folders both load, the second's id qualified by its folder
 * (`b/name`, see `uniqueArticleIds`). Throws only the signal's reason, or an
 * error that is not the input's fault.
 */
export async function readArticleSources(
  paths: readonly string[],
  options: ReadArticleSourcesOptions = {},
): Promise<ArticleSources> {
  const { signal, ...loadOptions } = options
  const read: ArticleSource[] = []
  const failures: ArticleLoadFailure[] = []
  for (const path of paths) {
    signal?.throwIfAborted()
    try {
      if ((await statPath(path)).isDirectory()) {
        const loaded = await loadArticleDirectory(path, loadOptions)
        read.push(...loaded.sources)
        failures.push(...loaded.failures)
        if (loaded.sources.length === 0 && loaded.failures.length === 0)
          failures.push({
            path,
            error: new CorroborateError(
              'NO_ARTICLE_FILES',
              'holds no article files (.txt, .md, .html, or any of them .gz)',
              { subject: path },
            ),
          })
      } else {
        read.push(await loadArticleFile(path, loadOptions))
      }
    } catch (error) {
      if (!isCorroborateError(error)) throw error
      failures.push({ path, error })
    }
  }
  // uniqueArticleIds gives a repeated id only to the same file given twice: read it once.
  const sources: ArticleSource[] = []
  const repeated: string[] = []
  const seen = new Set<string>()
  for (const source of uniqueArticleIds(read)) {
    if (source.id !== undefined && seen.has(source.id)) repeated.push(source.path ?? source.id)
    else {
      if (source.id !== undefined) seen.add(source.id)
      sources.push(source)
    }
  }
  return { sources, failures, repeated }
}
