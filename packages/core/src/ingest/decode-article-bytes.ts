import { CorroborateError } from '../errors.js'

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** Offset of the first byte that breaks UTF-8, found by walking the encoding rules. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0
    if (length === 0 || i + length > bytes.length) return i
    for (let k = 1; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i
    i += length
  }
  return -1
}

/**
 * Decodes article bytes as UTF-8 (a leading BOM dropped). Throws
 * `CorroborateError` `BINARY_INPUT` for data with NUL bytes and `INVALID_UTF8`
 * for bytes that are not UTF-8, naming `subject` (a file path) and the offset.
 */
export function decodeArticleBytes(bytes: Uint8Array, subject = 'input'): string {
  const nul = bytes.indexOf(0)
  if (nul >= 0) {
    throw new CorroborateError(
      'BINARY_INPUT',
      `${subject} holds a NUL byte at offset ${nul}: it is binary data, not article text`,
      { subject },
    )
  }
  try {
    return decoder.decode(bytes)
  } catch (cause) {
    const at = firstInvalidByte(bytes)
    throw new CorroborateError(
      'INVALID_UTF8',
      `${subject} is not valid UTF-8${at >= 0 ? ` (first bad byte at offset ${at})` : ''}; convert it to UTF-8 first`,
      { subject, cause },
    )
  }
}

// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first bytes.
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i

/**
 * Decodes the bytes of an HTML page. UTF-8 (the web's default, and what a BOM
 * or `<meta charset>` usually says) goes through `decodeArticleBytes`; a page
 * that declares another encoding (`windows-1252`, `shift_jis`, `gbk` …) in its
 * first 1,024 bytes is decoded as it declares, since a browser would.
 */
export function decodeHtmlBytes(bytes: Uint8Array, subject = 'input'): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  const declared = META_CHARSET.exec(head)?.[1]?.toLowerCase()
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  if (!declared || hasBom || declared === 'utf-8' || declared === 'utf8')
    return decodeArticleBytes(bytes, subject)
  let decoder: InstanceType<typeof TextDecoder>
  try {
    decoder = new TextDecoder(declared)
  } catch {
    // An encoding name no decoder knows: read it as UTF-8, as browsers fall back.
    return decodeArticleBytes(bytes, subject)
  }
  const nul = bytes.indexOf(0)
  if (nul >= 0 && decoder.encoding !== 'utf-16le' && decoder.encoding !== 'utf-16be') {
    throw new CorroborateError(
      'BINARY_INPUT',
      `${subject} holds a NUL byte at offset ${nul}: it is binary data, not an HTML page`,
      { subject },
    )
  }
  return decoder.decode(bytes)
}
