/** Prepositions of place, lower case: "at the embassy", "outside the court", "from Texas". */
export const PLACE_PREPOSITIONS: readonly string[] = [
  'at',
  'in',
  'on',
  'near',
  'inside',
  'outside',
  'from',
]

/** Common prepositions, lower case: "in", "on", "at", "with", "after", "despite" … */
export const PREPOSITIONS: readonly string[] = [
  'in',
  'on',
  'at',
  'for',
  'from',
  'with',
  'by',
  'of',
  'to',
  'after',
  'before',
  'during',
  'under',
  'over',
  'into',
  'about',
  'against',
  'among',
  'between',
  'through',
  'since',
  'until',
  'without',
  'despite',
]
