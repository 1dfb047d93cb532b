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
