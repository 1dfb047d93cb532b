import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { CorroborateError, isCorroborateError } from '../errors.js'
import type { ArticleFormat, ArticleSource } from '../types.js'
import { fileStemId } from './article-id.js'
import { decodeArticleBytes } from './decode-article-bytes.js'
import { readMetadataObject } from './metadata.js'

export interface LoadArticleFileOptions {
  /** Largest file read, in bytes. Default 10 MiB: far above any news article. */
  maxBytes?: number
  /** Overrides the format that the file's extension gives. */
  format?: ArticleFormat
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024
const MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/i
const TEXT = /\.(?:txt|text)$/i
const HTML = /\.html?(?:\.gz)?$/i

/** The format a file name implies, or null for a name that is not an article file. */
export function formatOfPath(path: string): ArticleFormat | null {
  if (MARKDOWN.test(path)) return 'markdown'
  if (TEXT.test(path)) return 'text'
  return null
}

async function statOrThrow(path: string) {
  try {
    return await stat(path)
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new CorroborateError('FILE_NOT_FOUND', `no file or directory at ${path}`, {
        subject: path,
        cause,
      })
    throw new CorroborateError('READ_FAILED', `cannot read ${path}: ${(cause as Error).message}`, {
      subject: path,
      cause,
    })
  }
}

/**
 * Reads one article file (`.txt`, `.md`) into an `ArticleSource`: id from the
 * file name, format from the extension, and metadata from a sidecar
 * `<name>.json` beside it when there is one. Throws `CorroborateError` with
 * `FILE_NOT_FOUND`, `NOT_A_FILE`, `INPUT_TOO_LARGE`, `BINARY_INPUT`,
 * `INVALID_UTF8`, `INVALID_METADATA` or `UNSUPPORTED_FORMAT`.
 */
export async function loadArticleFile(
  path: string,
  options: LoadArticleFileOptions = {},
): Promise<ArticleSource> {
  const info = await statOrThrow(path)
  if (!info.isFile()) {
    throw new CorroborateError(
      'NOT_A_FILE',
      `${path} is ${info.isDirectory() ? 'a directory' : 'not a regular file'}; expected an article file (use loadArticleDirectory for a directory)`,
      { subject: path },
    )
  }
  const format = options.format ?? formatOfPath(path) ?? (HTML.test(path) ? null : 'text')
  if (format === null) {
    throw new CorroborateError(
      'UNSUPPORTED_FORMAT',
      `${path} is HTML, which this version does not read yet; supported: .txt and .md`,
      { subject: path },
    )
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (info.size > maxBytes) {
    throw new CorroborateError(
      'INPUT_TOO_LARGE',
      `${path} is ${info.size.toLocaleString('en-US')} bytes, over the limit of ${maxBytes.toLocaleString('en-US')}; pass maxBytes to read it anyway`,
      { subject: path },
    )
  }
  const content = decodeArticleBytes(await readFile(path), path)
  const source: ArticleSource = { content, format, id: fileStemId(path), path }
  const sidecarPath = `${path.replace(/\.[^./\\]+$/, '')}.json`
  if (sidecarPath !== path) {
    const sidecar = await readSidecar(sidecarPath)
    if (sidecar) {
      source.metadata = sidecar
      source.metadataSource = 'sidecar'
    }
  }
  return source
}

async function readSidecar(path: string) {
  let raw: string
  try {
    raw = await readFile(path, 'utf8')
  } catch {
    return null
  }
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch (cause) {
    throw new CorroborateError(
      'INVALID_METADATA',
      `sidecar ${path} is not valid JSON: ${(cause as Error).message}`,
      { subject: path, cause },
    )
  }
  const read = readMetadataObject(value)
  if ('error' in read)
    throw new CorroborateError('INVALID_METADATA', `sidecar ${path}: ${read.error}`, {
      subject: path,
    })
  return read.metadata
}

/** A file of a directory that could not be loaded, and why. */
export interface ArticleLoadFailure {
  path: string
  error: CorroborateError
}

/**
 * Reads every article file (`.txt`, `.md`) directly inside a directory, in
 * name order. A file that fails is reported in `failures` and the others are
 * still read: one bad file never loses the rest. Sidecar `.json` files are
 * read with their article, hidden files skipped.
 */
export async function loadArticleDirectory(
  path: string,
  options: LoadArticleFileOptions = {},
): Promise<{ sources: ArticleSource[]; failures: ArticleLoadFailure[] }> {
  const info = await statOrThrow(path)
  if (!info.isDirectory()) {
    throw new CorroborateError(
      'NOT_A_DIRECTORY',
      `${path} is a file, not a directory; use loadArticleFile for one file`,
      { subject: path },
    )
  }
  const names = (await readdir(path))
    .filter((name) => !name.startsWith('.') && formatOfPath(name) !== null)
    .sort()
  const sources: ArticleSource[] = []
  const failures: ArticleLoadFailure[] = []
  for (const name of names) {
    const file = join(path, name)
    try {
      sources.push(await loadArticleFile(file, options))
    } catch (error) {
      if (!isCorroborateError(error)) throw error
      failures.push({ path: file, error })
    }
  }
  return { sources, failures }
}
