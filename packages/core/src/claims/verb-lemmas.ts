import { STOPWORDS } from '../lexicon/index.js'

// The lemma of an English verb form: "offered" → "offer", "conducting" → "conduct", "signs" → "sign".

/** Irregular past tenses and participles → lemma. */
const IRREGULAR = new Map<string, string>(
  Object.entries({
    met: 'meet',
    made: 'make',
    took: 'take',
    taken: 'take',
    gave: 'give',
    given: 'give',
    sent: 'send',
    held: 'hold',
    led: 'lead',
    won: 'win',
    lost: 'lose',
    left: 'leave',
    brought: 'bring',
    bought: 'buy',
    sold: 'sell',
    struck: 'strike',
    built: 'build',
    paid: 'pay',
    spent: 'spend',
    kept: 'keep',
    found: 'find',
    saw: 'see',
    seen: 'see',
    chose: 'choose',
    chosen: 'choose',
    drew: 'draw',
    drawn: 'draw',
    drove: 'drive',
    driven: 'drive',
    fought: 'fight',
    threw: 'throw',
    thrown: 'throw',
    sought: 'seek',
    caught: 'catch',
    beat: 'beat',
    beaten: 'beat',
    broke: 'break',
    broken: 'break',
    began: 'begin',
    begun: 'begin',
    became: 'become',
    forgave: 'forgive',
    froze: 'freeze',
    frozen: 'freeze',
    hid: 'hide',
    hidden: 'hide',
    rode: 'ride',
    shot: 'shoot',
    stole: 'steal',
    stolen: 'steal',
    swore: 'swear',
    sworn: 'swear',
    tore: 'tear',
    torn: 'tear',
    withdrew: 'withdraw',
    withdrawn: 'withdraw',
    undertook: 'undertake',
    undertaken: 'undertake',
    upheld: 'uphold',
    oversaw: 'oversee',
    overseen: 'oversee',
    overturned: 'overturn',
    ate: 'eat',
    eaten: 'eat',
    bore: 'bear',
    borne: 'bear',
    laid: 'lay',
    sank: 'sink',
    sunk: 'sink',
    shook: 'shake',
    shaken: 'shake',
    wore: 'wear',
    worn: 'wear',
    bit: 'bite',
    bitten: 'bite',
    fed: 'feed',
    felt: 'feel',
    heard: 'hear',
    lent: 'lend',
    meant: 'mean',
    sped: 'speed',
    spun: 'spin',
    stood: 'stand',
    understood: 'understand',
    wound: 'wind',
  }),
)

/** Participle stems that end in e before -ed though the general rules below miss them. */
const TAKES_E = new Set(
  `invit unit cit excit incit ignit recit writ expedit creat ignor explor restor scor stor deplor
  implor ador`.split(/\s+/),
)

/** The base form of a regular verb stem left when -ed or -ing is taken off. */
function withE(stem: string): string {
  if (stem.length < 2) return stem
  if (TAKES_E.has(stem)) return `${stem}e`
  const last = stem.charAt(stem.length - 1)
  const before = stem.charAt(stem.length - 2)
  const vowel = (c: string) => 'aeiou'.includes(c)
  // A doubled consonant: "planned" → "plan"; "called", "passed", "staffed" keep theirs.
  if (last === before && !vowel(last) && !'lsfz'.includes(last)) return stem.slice(0, -1)
  if (/ell$/.test(stem) && stem.length >= 6) return stem.slice(0, -1)
  if ('vzu'.includes(last)) return `${stem}e`
  if (last === 'c') return `${stem}e`
  if (last === 'g') return /(?:ng|gg)$/.test(stem) && !/[ae]ng$/.test(stem) ? stem : `${stem}e`
  if (last === 's') return before === 's' ? stem : `${stem}e`
  if (/[^aeiou][iua]r$/.test(stem)) return `${stem}e`
  if (/(?:[^aeiou]|[iu])at$/.test(stem) || /ut$/.test(stem) || /[lp]et$/.test(stem))
    return `${stem}e`
  if (/(?:[vnq]|m)ot$/.test(stem)) return `${stem}e`
  if (/[^aeiou][aiou]d$/.test(stem) || /[io]b$/.test(stem)) return `${stem}e`
  if (/[^aeiou]in$/.test(stem)) return `${stem}e`
  if (/[^aeiou][aeiou][mk]$/.test(stem) || /[^aeiou][aiuy]p$/.test(stem)) return `${stem}e`
  if (/[^aeiou][iuo]l$/.test(stem) || /[bcdfgkpstz]l$/.test(stem)) return `${stem}e`
  // One syllable ending in a consonant after one vowel would have doubled it: "hoped" → "hope".
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(stem)) return `${stem}e`
  return stem
}

/** The lemma of a verb in the past ("offered" → "offer"), or null when the word is no past form. */
export function pastLemma(word: string): string | null {
  const irregular = IRREGULAR.get(word)
  if (irregular !== undefined) return irregular
  if (word.length < 5 || !word.endsWith('ed') || STOPWORDS.has(word)) return null
  if (word.endsWith('ied')) return `${word.slice(0, -3)}y`
  if (word.endsWith('eed')) return word.slice(0, -1)
  return withE(word.slice(0, -2))
}

/** The lemma of a present-participle ("conducting" → "conduct"). */
export function ingLemma(word: string): string | null {
  if (word.length < 6 || !word.endsWith('ing')) return null
  return withE(word.slice(0, -3))
}

/** The lemma of a third-person present form ("signs" → "sign"), without telling it from a plural. */
export function presentLemma(word: string): string | null {
  if (word.length < 4 || !word.endsWith('s') || word.endsWith('ss') || STOPWORDS.has(word))
    return null
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (/(?:ss|x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2)
  return word.slice(0, -1)
}
