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
