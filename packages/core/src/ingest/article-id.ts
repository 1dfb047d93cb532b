import type { ArticleSource } from '../types.js'

/**
 * A stable 16-hex-digit id for an article's content: two 32-bit FNV-1a style
 * hashes with different seeds over the UTF-16 code units. Not cryptographic;
 * it only has to tell articles apart and stay the same across runs.
 */
export function contentId(content: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ content.length
  for (let i = 0; i < content.length; i++) {
    const code = content.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995)
    b ^= b >>> 15
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0')
  return hex(a) + hex(b)
}

/** The id a file gives an article: its name without directory and extension(s) such as `.txt` or `.md`. */
export function fileStemId(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path
  return name.replace(/\.(?:txt|text|md|markdown|mdown|mkd|html?|xhtml|json)(?:\.gz)?$/i, '')
}

/** A path with `\\` as `/`, and without `./` steps or doubled slashes: one file, one spelling. */
const samePath = (path: string) =>
  path
    .replace(/\\/g, '/')
    .replace(/\/(?:\.\/)+/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/^(?:\.\/)+/, '')

/**
 * The sources with ids that no two files share, in the same order (the input is not changed):
 * the first source with an id keeps it, and a later one from another file with the same id is
 * qualified by the folders of its `path`, nearest first (`b/name`, then `a/b/name`), or, when
 * its path cannot tell it apart, numbered (`name-2`). Two files of one name in two folders,
 * read together, thus both load. A qualified id never takes an id another source holds. The
 * same file read twice (same id, same normalized path) gets the same id both times, so that
 * a duplicate-id check still skips the repeat. Sources without an id keep none (theirs is
 * their content's hash).
 */
export function uniqueArticleIds(sources: readonly ArticleSource[]): ArticleSource[] {
  const own = new Set(sources.flatMap((source) => (source.id === undefined ? [] : [source.id])))
  const taken = new Set<string>()
  const byFile = new Map<string, string>()
  const free = (id: string) => !taken.has(id) && !own.has(id)
  return sources.map((source) => {
    const { id } = source
    if (id === undefined) return source
    const file = source.path === undefined ? undefined : `${id}\0${samePath(source.path)}`
    const again = file === undefined ? undefined : byFile.get(file)
    let unique = again ?? (taken.has(id) ? undefined : id)
    const folders = (source.path ?? '').split(/[\\/]/).slice(0, -1).filter(Boolean)
    for (let depth = 1; depth <= folders.length && unique === undefined; depth++) {
      const qualified = [...folders.slice(-depth), id].join('/')
      if (free(qualified)) unique = qualified
    }
    for (let n = 2; unique === undefined; n++) if (free(`${id}-${n}`)) unique = `${id}-${n}`
    taken.add(unique)
    if (file !== undefined && again === undefined) byFile.set(file, unique)
    return unique === id ? source : { ...source, id: unique }
  })
}
