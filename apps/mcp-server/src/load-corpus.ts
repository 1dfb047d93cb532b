import { stat } from 'node:fs/promises'
import {
  type Corpus,
  createCorpus,
  loadArticleDirectory,
  loadArticleFile,
  normalizeArticle,
} from '@corroborate/core'

/** The seeds that ship inside the package: the default corpus. */
export const SEEDS_DIR = new URL('../seeds/', import.meta.url)

/**
 * Loads articles from files and directories into a corpus. A file that cannot
 * be read is reported through `onProblem` and left out; the rest load.
 */
export async function loadCorpus(
  paths: readonly string[],
  onProblem: (message: string) => void,
  onProgress?: (done: number, total: number) => void,
): Promise<Corpus> {
  const corpus = createCorpus()
  const sources = []
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) {
        const loaded = await loadArticleDirectory(path)
        sources.push(...loaded.sources)
        for (const failure of loaded.failures)
          onProblem(`${failure.path}: ${failure.error.message}`)
      } else {
        sources.push(await loadArticleFile(path))
      }
    } catch (error) {
      onProblem(`${path}: ${(error as Error).message}`)
    }
  }
  sources.forEach((source, index) => {
    try {
      corpus.add(normalizeArticle(source))
    } catch (error) {
      onProblem(`${source.id ?? 'article'}: ${(error as Error).message}`)
    }
    onProgress?.(index + 1, sources.length)
  })
  return corpus
}
