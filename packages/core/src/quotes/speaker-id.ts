const BEYOND_ASCII = /[\u0080-\uffff]/

/** A speaker's stable id from their canonical name: lower-case ASCII words joined by hyphens ("Nayib Bukele" → "nayib-bukele"). */
export function speakerId(name: string): string {
  // Accents come off by decomposition ("José" → "jose"), which leaves ASCII as it is: a
  // name of ASCII alone, most of them, skips it (it cost more than the rest).
  const folded = BEYOND_ASCII.test(name)
    ? name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    : name
  return folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}
