import {
  type ArticleLoadFailure,
  type ArticleSource,
  type Corpus,
  createCorpus,
  loadArticles,
  readArticleSources,
} from '@corroborate/core'
import { boundMetadata } from './prepare-article.js'

/** The seeds that ship inside the package: the default corpus. */
export const SEEDS_DIR = new URL('../seeds/', import.meta.url)

/** Options of {@link loadCorpus}. */
export interface LoadCorpusOptions {
  /** Told of each file or article left out, one line each. */
  onProblem?: (message: string) => void
  /** Called before each article is normalized and once at the end: `done` of `total` articles read from disk. */
  onProgress?: (done: number, total: number) => void
  /** Stops the load between two articles; the promise then rejects with the signal's reason. */
  signal?: AbortSignal
}

function report(
  failures: readonly ArticleLoadFailure[],
  repeated: readonly string[],
  onProblem: (message: string) => void,
): void {
  for (const failure of failures) onProblem(`${failure.path}: ${failure.error.message}`)
  for (const path of repeated) onProblem(`${path}: given twice, read once`)
}

/**
 * Reads the article files of files and directories, each id once (the core's
 * `readArticleSources`); what cannot be read is reported through `onProblem` and left out.
 */
export async function readSources(
  paths: readonly string[],
  options: Pick<LoadCorpusOptions, 'onProblem' | 'signal'> = {},
): Promise<ArticleSource[]> {
  const { onProblem = () => {}, signal } = options
  const { sources, failures, repeated } = await readArticleSources(paths, signal ? { signal } : {})
  report(failures, repeated, onProblem)
  return sources
}

/**
 * Loads articles from files and directories into a corpus (the core's
 * `loadArticles`). A path or file that cannot be read, and an article the
 * corpus refuses (no body, text already in it), is reported through
 * `onProblem` and left out; the rest load.
 */
export async function loadCorpus(
  paths: readonly string[],
  options: LoadCorpusOptions = {},
): Promise<Corpus> {
  const { onProblem = () => {}, onProgress, signal } = options
  const { articles, failures, repeated } = await loadArticles(paths, {
    ...(onProgress ? { onProgress: (done: number, total: number) => onProgress(done, total) } : {}),
    ...(signal ? { signal } : {}),
  })
  report(failures, repeated, onProblem)
  const corpus = createCorpus()
  for (const article of articles) {
    try {
      corpus.add(boundMetadata(article))
    } catch (error) {
      onProblem(`${article.id}: ${(error as Error).message}`)
    }
  }
  return corpus
}
