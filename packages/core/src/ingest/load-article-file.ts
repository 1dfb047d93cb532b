import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import { CorroborateError, isCorroborateError } from '../errors.js'
import { ARTICLE_FORMATS, type ArticleFormat, type ArticleSource } from '../types.js'
import { fileStemId } from './article-id.js'
import { decodeArticleBytes, decodeHtmlBytes } from './decode-article-bytes.js'
import { readMetadataObject } from './metadata.js'

export interface LoadArticleFileOptions {
  /**
   * Largest file read, in bytes (after decompression for `.gz`). Default
   * 10 MiB for text and Markdown, far above any news article, and 64 MiB for
   * HTML, where markup and inline scripts are most of a page.
   */
  maxBytes?: number
  /** Overrides the format that the file's extension gives. */
  format?: ArticleFormat
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024
export const DEFAULT_MAX_HTML_BYTES = 64 * 1024 * 1024
const MARKDOWN = /\.(?:md|markdown|mdown|mkd)(?:\.gz)?$/i
const TEXT = /\.(?:txt|text)(?:\.gz)?$/i
const HTML = /\.(?:html?|xhtml)(?:\.gz)?$/i
const GZIP = /\.gz$/i
const FORMATS: readonly ArticleFormat[] = ARTICLE_FORMATS
const gunzipAsync = promisify(gunzip)

/** The format a file name implies, or null for a name that is not an article file. */
export function formatOfPath(path: string): ArticleFormat | null {
  if (MARKDOWN.test(path)) return 'markdown'
  if (TEXT.test(path)) return 'text'
  if (HTML.test(path)) return 'html'
  return null
}

// Path errors of the file system in words: what went wrong without the syscall's name.
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links (a link that points to itself?)',
  ENAMETOOLONG: 'the name is too long',
  EISDIR: 'it is a directory',
  EMFILE: 'too many open files',
  ERR_INVALID_ARG_VALUE: 'a path cannot hold a NUL character',
}

/**
 * A file system failure in words, without the syscall's name and the path:
 * "permission denied", "a part of the path is not a directory"; the error's
 * own message for a failure it does not know.
 */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return (code && SYSTEM_ERRORS[code]) || (error as Error).message
}

/** A file system failure as `READ_FAILED`, in words. */
function readFailed(path: string, cause: unknown): CorroborateError {
  return new CorroborateError('READ_FAILED', `cannot read ${path}: ${describeFileError(cause)}`, {
    subject: path,
    cause,
  })
}

async function readBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (cause) {
    // A file that may not be read (permissions, a vanished file): one failure, not a crash.
    throw readFailed(path, cause)
  }
  if (!GZIP.test(path)) return bytes
  try {
    // The limit applies to what the file holds, so a small archive cannot unpack into gigabytes.
    return await gunzipAsync(bytes, { maxOutputLength: maxBytes })
  } catch (cause) {
    const tooLarge = (cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
    throw new CorroborateError(
      tooLarge ? 'INPUT_TOO_LARGE' : 'READ_FAILED',
      tooLarge
        ? `${path} unpacks to more than ${maxBytes.toLocaleString('en-US')} bytes; pass maxBytes to read it anyway`
        : `${path} is not a valid gzip file: ${(cause as Error).message}`,
      { subject: path, cause },
    )
  }
}

/** `stat` of a path the caller gave, its failure a `CorroborateError` (`FILE_NOT_FOUND`, `READ_FAILED`). */
export async function statPath(path: string) {
  try {
    return await stat(path)
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new CorroborateError('FILE_NOT_FOUND', `no file or directory at ${path}`, {
        subject: path,
        cause,
      })
    throw readFailed(path, cause)
  }
}

/**
 * Reads one article file (`.txt`, `.md`, `.html`, any of them gzipped as `.gz`) into an `ArticleSource`: id from the
 * file name, format from the extension, and metadata from a sidecar
 * `<name>.json` beside it when there is one. Throws `CorroborateError` with
 * `FILE_NOT_FOUND`, `NOT_A_FILE`, `INPUT_TOO_LARGE`, `BINARY_INPUT`,
 * `INVALID_UTF8`, `INVALID_METADATA` or `UNSUPPORTED_FORMAT`.
 */
export async function loadArticleFile(
  path: string,
  options: LoadArticleFileOptions = {},
): Promise<ArticleSource> {
  const info = await statPath(path)
  if (!info.isFile()) {
    throw new CorroborateError(
      'NOT_A_FILE',
      `${path} is ${info.isDirectory() ? 'a directory' : 'not a regular file'}; expected an article file (use loadArticleDirectory for a directory)`,
      { subject: path },
    )
  }
  if (options.format !== undefined && !FORMATS.includes(options.format))
    throw new CorroborateError(
      'UNSUPPORTED_FORMAT',
      `format "${String(options.format)}" is not supported; expected one of ${FORMATS.join(', ')}`,
      { subject: path },
    )
  const format = options.format ?? formatOfPath(path) ?? 'text'
  const maxBytes =
    options.maxBytes ?? (format === 'html' ? DEFAULT_MAX_HTML_BYTES : DEFAULT_MAX_BYTES)
  if (info.size > maxBytes) {
    throw new CorroborateError(
      'INPUT_TOO_LARGE',
      `${path} is ${info.size.toLocaleString('en-US')} bytes, over the limit of ${maxBytes.toLocaleString('en-US')}; pass maxBytes to read it anyway`,
      { subject: path },
    )
  }
  const bytes = await readBytes(path, maxBytes)
  const content = format === 'html' ? decodeHtmlBytes(bytes, path) : decodeArticleBytes(bytes, path)
  const source: ArticleSource = { content, format, id: fileStemId(path), path }
  const sidecarPath = `${path.replace(GZIP, '').replace(/\.[^./\\]+$/, '')}.json`
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
 * Reads every article file (`.txt`, `.md`, `.html`, `.gz`) directly inside a directory, in
 * name order. A file that fails is reported in `failures` and the others are
 * still read: one bad file never loses the rest. Sidecar `.json` files are
 * read with their article, hidden files skipped. Throws `CorroborateError` with
 * `FILE_NOT_FOUND`, `NOT_A_DIRECTORY` or `READ_FAILED` (a path that cannot be
 * listed: permissions, a symbolic link loop, a name too long).
 */
export async function loadArticleDirectory(
  path: string,
  options: LoadArticleFileOptions = {},
): Promise<{ sources: ArticleSource[]; failures: ArticleLoadFailure[] }> {
  const info = await statPath(path)
  if (!info.isDirectory()) {
    throw new CorroborateError(
      'NOT_A_DIRECTORY',
      `${path} is a file, not a directory; use loadArticleFile for one file`,
      { subject: path },
    )
  }
  let entries: string[]
  try {
    entries = await readdir(path)
  } catch (cause) {
    // A directory that may be seen but not listed (no read permission): READ_FAILED as documented.
    throw readFailed(path, cause)
  }
  const names = entries
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
