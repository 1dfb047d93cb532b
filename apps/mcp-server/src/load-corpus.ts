import { stat } from 'node:fs/promises'
import {
  type ArticleSource,
  type Corpus,
  createCorpus,
  loadArticleDirectory,
  loadArticleFile,
  normalizeArticle,
  uniqueArticleIds,
} from '@corroborate/core'
import { boundMetadata } from './prepare-article.js'

/** The seeds that ship inside the package: the default corpus. */
export const SEEDS_DIR = new URL('../seeds/', import.meta.url)

/** Options of {@link loadCorpus}. */
export interface LoadCorpusOptions {
  /** Told of each file or article left out, one line each. */
  onProblem?: (message: string) => void
  /** Called after each article is normalized: `done` of `total` articles read from disk. */
  onProgress?: (done: number, total: number) => void
  /** Stops the load between two articles; the promise then rejects with the signal's reason. */
  signal?: AbortSignal
}

// Articles normalized between two turns of the event loop, so that a signal can stop a long load.
const BATCH = 25

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
}

/** A stat failure in words, without the syscall's name and the path again. */
export function describePathError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  return (code && SYSTEM_ERRORS[code]) || (error as Error).message
}

/**
 * Reads the article files of files and directories, each id once (two files of
 * one name in two folders: the second's id is qualified by its folder, `b/name`).
 * A path or file that cannot be read is reported through `onProblem` and left out.
 */
export async function readSources(
  paths: readonly string[],
  options: Pick<LoadCorpusOptions, 'onProblem' | 'signal'> = {},
): Promise<ArticleSource[]> {
  const { onProblem = () => {}, signal } = options
  const sources: ArticleSource[] = []
  for (const path of paths) {
    signal?.throwIfAborted()
    try {
      if ((await stat(path)).isDirectory()) {
        const loaded = await loadArticleDirectory(path)
        sources.push(...loaded.sources)
        for (const failure of loaded.failures)
          onProblem(`${failure.path}: ${failure.error.message}`)
        if (loaded.sources.length === 0 && loaded.failures.length === 0)
          onProblem(`${path}: holds no article files (.txt, .md, .html, or any of them .gz)`)
      } else {
        sources.push(await loadArticleFile(path))
      }
    } catch (error) {
      onProblem(`${path}: ${describePathError(error)}`)
    }
  }
  return uniqueArticleIds(sources)
}

/**
 * Loads articles from files and directories into a corpus. A path or file that
 * cannot be read, and an article the corpus refuses (no body, text already in it), is
 * reported through `onProblem` and left out; the rest load (see {@link readSources}).
 */
export async function loadCorpus(
  paths: readonly string[],
  options: LoadCorpusOptions = {},
): Promise<Corpus> {
  const { onProblem = () => {}, onProgress, signal } = options
  const corpus = createCorpus()
  const sources = await readSources(paths, options)
  for (const [index, source] of sources.entries()) {
    if (index % BATCH === 0 && index > 0) {
      await new Promise((resolve) => setImmediate(resolve))
      signal?.throwIfAborted()
    }
    try {
      // uniqueArticleIds gives a repeated id only to the same file given twice: read it once.
      if (source.id !== undefined && corpus.get(source.id))
        onProblem(`${source.path ?? source.id}: given twice, read once`)
      else corpus.add(boundMetadata(normalizeArticle(source)))
    } catch (error) {
      onProblem(`${source.id ?? 'article'}: ${(error as Error).message}`)
    }
    onProgress?.(index + 1, sources.length)
  }
  return corpus
}
