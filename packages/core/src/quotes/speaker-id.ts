/** A speaker's stable id from their canonical name: lower-case ASCII words joined by hyphens ("Nayib Bukele" → "nayib-bukele"). */
export function speakerId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}
