import { stat } from 'node:fs/promises'
import {
  type Article,
  type ArticleSource,
  isCorroborateError,
  loadArticleDirectory,
  loadArticleFile,
  normalizeArticle,
  uniqueArticleIds,
} from '@corroborate/core'

// What the file system says of a path the user gave, in words: the user's problem, not a bug.
const PATH_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no file or directory at',
  ENOTDIR: 'a part of the path is not a directory:',
  ELOOP: 'too many symbolic links (a link that points to itself?):',
  ENAMETOOLONG: 'the name is too long:',
  EACCES: 'permission denied:',
  EPERM: 'operation not permitted:',
  ERR_INVALID_ARG_VALUE: 'a path cannot hold a NUL character:',
}

/** A file system error on `path` in words, or null when the error is not one of a path. */
function pathProblem(error: unknown, path: string): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code
  const words = code === undefined ? undefined : PATH_ERRORS[code]
  return words === undefined ? null : `${words} ${path}`
}

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

/**
 * Reads every path (files, or directories of article files) into article
 * sources, each id once, without normalizing them; what cannot be read is a failure.
 */
export async function readInputs(
  paths: readonly string[],
): Promise<{ sources: ArticleSource[]; failures: InputFailure[] }> {
  const sources: ArticleSource[] = []
  const failures: InputFailure[] = []
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) {
        const loaded = await loadArticleDirectory(path)
        sources.push(...loaded.sources)
        for (const failure of loaded.failures)
          failures.push({ path: failure.path, message: failure.error.message })
        if (loaded.sources.length === 0 && loaded.failures.length === 0)
          failures.push({ path, message: `${path} holds no .txt, .md or .html files` })
      } else {
        sources.push(await loadArticleFile(path))
      }
    } catch (error) {
      const message = isCorroborateError(error) ? error.message : pathProblem(error, path)
      // Anything else is a bug of ours: let it through as one.
      if (message === null) throw error
      failures.push({ path, message })
    }
  }
  return { sources: uniqueArticleIds(sources), failures }
}

/**
 * Reads every path (files, or directories of `.txt`, `.md`, `.html` and
 * `.gz` files) and normalizes each article. A bad file is reported and the
 * rest still read: one broken page never loses the others. Articles with no
 * story text count as failures too. Two files of one name in two folders both
 * load: the second's id is qualified by its folder (`b/name`).
 */
export async function loadInputs(
  paths: readonly string[],
  onProgress: (done: number, total: number, path: string) => void = () => {},
): Promise<LoadedInputs> {
  const { sources, failures } = await readInputs(paths)
  const articles: Article[] = []
  const pathsById = new Map<string, string>()
  sources.forEach((source, index) => {
    const path = source.path ?? `input ${index + 1}`
    onProgress(index, sources.length, path)
    const article = normalizeArticle(source)
    const fatal = article.messages.find((message) => message.fatal)
    if (fatal) failures.push({ path, message: fatal.message })
    // uniqueArticleIds gives a repeated id only to the same file given twice: read it once.
    else if (!pathsById.has(article.id)) {
      articles.push(article)
      pathsById.set(article.id, path)
    }
  })
  onProgress(sources.length, sources.length, '')
  return { articles, paths: pathsById, failures }
}
