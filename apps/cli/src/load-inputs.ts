import {
  type Article,
  type ArticleLoadFailure,
  type ArticleSource,
  loadArticles,
  readArticleSources,
} from '@corroborate/core'

/** An input that could not be read or held no article, and why. */
export interface InputFailure {
  path: string
  message: string
}

export interface LoadedInputs {
  articles: Article[]
  /** The file each article came from, by article id. */
  paths: Map<string, string>
  failures: InputFailure[]
}

const inWords = ({ path, error }: ArticleLoadFailure): InputFailure => ({
  path,
  message: error.message,
})

/**
 * Reads every path (files, or directories of article files) into article
 * sources, each id once, without normalizing them (the core's
 * `readArticleSources`); what cannot be read is a failure.
 */
export async function readInputs(
  paths: readonly string[],
): Promise<{ sources: ArticleSource[]; failures: InputFailure[] }> {
  const { sources, failures } = await readArticleSources(paths)
  return { sources, failures: failures.map(inWords) }
}

/**
 * Reads every path (files, or directories of `.txt`, `.md`, `.html` and
 * `.gz` files) and normalizes each article (the core's `loadArticles`). A bad
 * file is reported and the rest still read: one broken page never loses the
 * others. Articles with no story text count as failures too. Two files of one
 * name in two folders both load: the second's id is qualified by its folder
 * (`b/name`).
 */
export async function loadInputs(
  paths: readonly string[],
  onProgress: (done: number, total: number, path: string) => void = () => {},
): Promise<LoadedInputs> {
  const loaded = await loadArticles(paths, { onProgress })
  return {
    articles: loaded.articles,
    paths: new Map(Object.entries(loaded.paths)),
    failures: loaded.failures.map(inWords),
  }
}
