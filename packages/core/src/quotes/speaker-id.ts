/** A speaker's stable id from their canonical name: lower-case ASCII words joined by hyphens ("Nayib Bukele" → "nayib-bukele"). */
export function speakerId(name: string): string {
  // (ASCII has no decomposition and no combining mark: most names skip both steps.)
  return (isAscii(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function isAscii(text: string): boolean {
  for (let at = 0; at < text.length; at++) if (text.charCodeAt(at) >= 0x80) return false
  return true
}
