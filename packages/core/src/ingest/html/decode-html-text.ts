import { decodeHTML } from 'entities'

/** What a piece of decoded text is: a copy of the source, a replacement, or white space. */
export type PieceKind = 'verbatim' | 'replaced' | 'space'

// Character references, white space (NBSP included: a reader sees a space) and
// invisible characters that only break words apart: soft hyphens, zero-width
// spaces and byte-order marks.
const SPECIAL =
  /&(?:#\d{1,8};?|#[xX][\da-fA-F]{1,8};?|[A-Za-z][A-Za-z\d]{1,31};?)|[\s\u00a0]+|[\u00ad\u200b\ufeff]+/g
// Scripts whose text can hold decomposed characters that NFC composes.
// Besides combining marks, the characters NFC replaces on their own: the
// angstrom and ohm signs, Greek tonos forms, CJK compatibility ideographs.
const MAY_DECOMPOSE =
  /[\u0300-\u036f\u0340\u0341\u0343\u0344\u0374\u037e\u0387\u0591-\u05c7\u0900-\u0dff\u1100-\u11ff\u1f70-\u1ffe\u2000\u2001\u2126\u212a\u212b\u2329\u232a\u3099\u309a\uf900-\ufaff]|\ud87e[\udc00-\ude1d]/

function emitText(
  text: string,
  offset: number,
  emit: (piece: string, original: number, originalLength: number, kind: PieceKind) => void,
) {
  if (text === '') return
  if (MAY_DECOMPOSE.test(text)) {
    const composed = text.normalize('NFC')
    if (composed !== text) {
      emit(composed, offset, text.length, 'replaced')
      return
    }
  }
  emit(text, offset, text.length, 'verbatim')
}

/**
 * Decodes raw HTML text (as written between tags) piece by piece, calling
 * `emit` with each piece and the range of `raw` (shifted by `offset`) it came
 * from: verbatim runs, decoded character references, and white space (given as
 * written) for the caller to collapse. Output is NFC.
 */
export function decodeHtmlText(
  raw: string,
  offset: number,
  emit: (piece: string, original: number, originalLength: number, kind: PieceKind) => void,
): void {
  let last = 0
  SPECIAL.lastIndex = 0
  for (let match = SPECIAL.exec(raw); match; match = SPECIAL.exec(raw)) {
    const found = match[0]
    const at = match.index
    if (found[0] === '&') {
      const decoded = decodeHTML(found)
      // Not a reference a browser knows ("AT&T"): plain text.
      if (decoded === found) continue
      emitText(raw.slice(last, at), offset + last, emit)
      last = at + found.length
      if (/^[\u00ad\u200b\ufeff]*$/.test(decoded)) {
        // An invisible character (JavaScript counts U+FEFF as white space): it maps to nothing.
      } else if (/^[\s\u00a0]+$/.test(decoded)) emit(found, offset + at, found.length, 'space')
      else emit(decoded.normalize('NFC'), offset + at, found.length, 'replaced')
      continue
    }
    emitText(raw.slice(last, at), offset + last, emit)
    last = at + found.length
    if (found[0] === '\u00ad' || found[0] === '\u200b' || found[0] === '\ufeff') continue
    emit(found, offset + at, found.length, 'space')
  }
  emitText(raw.slice(last), offset + last, emit)
}
