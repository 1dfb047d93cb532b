/*
 * Verbs and phrases that introduce reported speech in English news, in the
 * forms they take there. General English, not any story's words.
 */

/** Verbs of speech, as lemmas: "say", "tell", "add", "warn", "tweet" … */
export const SPEECH_VERBS: readonly string[] = [
  'say',
  'tell',
  'add',
  'write',
  'continue',
  'state',
  'explain',
  'describe',
  'call',
  'respond',
  'reply',
  'ask',
  'answer',
  'note',
  'argue',
  'claim',
  'insist',
  'declare',
  'announce',
  'warn',
  'tweet',
  'post',
  'recall',
  'acknowledge',
  'admit',
  'suggest',
  'boast',
  'complain',
  'urge',
  'predict',
  'vow',
  'promise',
  'quip',
  'joke',
  'muse',
  'remark',
  'comment',
  'observe',
  'exclaim',
  'shout',
  'yell',
  'testify',
  'report',
  'conclude',
  'concede',
  'caution',
  'contend',
  'assert',
  'maintain',
  'emphasize',
  'emphasise',
  'stress',
  'counter',
  'retort',
  'agree',
  'echo',
  'lament',
  'blast',
  'slam',
  'criticize',
  'criticise',
  'praise',
  'thank',
  'deny',
  'confirm',
  'reveal',
  'disclose',
  'opine',
  'reiterate',
  'repeat',
  'whisper',
  'sing',
  'scream',
  'cry',
  'plead',
  'demand',
  'proclaim',
  'condemn',
  'accuse',
  'allege',
  'charge',
  'question',
  'wonder',
  'tout',
  'hail',
  'dub',
  'label',
  'brand',
  'mock',
  'rate',
  'read',
  'begin',
  'recount',
  'elaborate',
  'interject',
  'chime',
  'affirm',
  'pledge',
  'threaten',
  'grumble',
  'gush',
  'marvel',
  'quote',
  'cite',
  'estimate',
  'speculate',
  'surmise',
  'theorize',
  'summarize',
  'assure',
  'bark',
  'vent',
  'scoff',
  'fume',
  'rant',
  'gripe',
  'tease',
  'taunt',
  'assail',
  'mutter',
  'murmur',
  'sigh',
  'chant',
  'riff',
  'confess',
  'beam',
  'exhort',
  'chide',
  'protest',
]

/**
 * Verbs that report words, as lemmas ("say", "tell", "note", "mention"): what
 * they report is a quote, not an act of news. Narrower than `SPEECH_VERBS`, which
 * also holds speech that is news of its own ("deny", "announce", "praise").
 */
export const REPORTING_VERBS: readonly string[] = `say tell add state explain note write ask reply
  respond continue remark argue claim insist declare comment acknowledge admit warn tweet post
  mention suggest recall answer observe stress emphasize emphasise reiterate affirm assert contend
  maintain testify describe call quip muse speak repeat predict complain concede boast joke report
  reveal`.split(/\s+/)

const reporting = new Set(REPORTING_VERBS)

/** Whether a verb's lemma is one of `REPORTING_VERBS`. */
export const isReportingVerb = (lemma: string): boolean => reporting.has(lemma)

interface IrregularForms {
  past?: string
  participle?: string
  third?: string
  ing?: string
}

/**
 * Forms of verbs of speech that `verbForms` does not make ("said", "wrote",
 * "written"), or makes only for short stems (a doubled consonant: "admitted").
 */
export const IRREGULAR_SPEECH_FORMS: ReadonlyMap<string, IrregularForms> = new Map([
  ['say', { past: 'said', third: 'says', ing: 'saying' }],
  ['tell', { past: 'told', third: 'tells', ing: 'telling' }],
  ['write', { past: 'wrote', participle: 'written', third: 'writes', ing: 'writing' }],
  ['sing', { past: 'sang', third: 'sings', ing: 'singing' }],
  ['cry', { past: 'cried', third: 'cries', ing: 'crying' }],
  ['reply', { past: 'replied', third: 'replies', ing: 'replying' }],
  ['deny', { past: 'denied', third: 'denies', ing: 'denying' }],
  ['testify', { past: 'testified', third: 'testifies', ing: 'testifying' }],
  ['begin', { past: 'began', third: 'begins' }],
  ['speak', { past: 'spoke', third: 'speaks', ing: 'speaking' }],
  ['read', { past: 'read', third: 'reads', ing: 'reading' }],
  ['quote', { past: 'quoted', ing: 'quoting' }],
  ['prophesy', { past: 'prophesied' }],
  ['imply', { past: 'implied', third: 'implies' }],
  ['query', { past: 'queried' }],
  // Stress on the last syllable doubles the consonant, which verbForms reads only in short stems.
  ['admit', { past: 'admitted', ing: 'admitting' }],
  ['quip', { past: 'quipped', ing: 'quipping' }],
  ['snap', { past: 'snapped', ing: 'snapping' }],
])

/** Phrases of speech, in their forms: "went on", "pointed out", "according to". */
export const SPEECH_PHRASES: readonly string[] = [
  'went on',
  'goes on',
  'going on',
  'pointed out',
  'points out',
  'pointing out',
  'chimed in',
  'fired back',
  'shot back',
  'put it',
  'puts it',
  'summed up',
  'sums up',
  'followed up',
  'according to',
  'in the words of',
]

/**
 * The regular forms of an English verb: base, past, third person, -ing
 * ("state", "stated", "states", "stating"; "cry", "cried", "cries",
 * "crying"; "dub", "dubbed", "dubs", "dubbing").
 */
export function verbForms(stem: string): [string, string, string, string] {
  const e = stem.endsWith('e')
  const y = /[^aeiou]y$/.test(stem)
  const cvc = /^(?:[^aeiou]*[aeiou][bdgmnprt])$/.test(stem) && stem.length <= 4
  const past = y
    ? `${stem.slice(0, -1)}ied`
    : e
      ? `${stem}d`
      : cvc
        ? `${stem}${stem.at(-1)}ed`
        : `${stem}ed`
  const third = y
    ? `${stem.slice(0, -1)}ies`
    : /(?:s|sh|ch|x|z|o)$/.test(stem)
      ? `${stem}es`
      : `${stem}s`
  const ing =
    e && !stem.endsWith('ee')
      ? `${stem.slice(0, -1)}ing`
      : cvc
        ? `${stem}${stem.at(-1)}ing`
        : `${stem}ing`
  return [stem, past, third, ing]
}

/** The past tense of a verb of speech, irregular ones included: "said", "told", "stated". */
export const pastOf = (verb: string): string => verbForm(verb, 'past')

/** The third person of a verb of speech, irregular ones included: "says", "writes". */
export const thirdPersonOf = (verb: string): string => verbForm(verb, 'third')

/**
 * Every form of every verb of speech (regular forms of `SPEECH_VERBS`, and
 * `IRREGULAR_SPEECH_FORMS`) and every phrase of speech, each once.
 */
export function speechForms(): string[] {
  const irregular = [...IRREGULAR_SPEECH_FORMS.values()].flatMap((forms) => Object.values(forms))
  return [...new Set([...SPEECH_VERBS.flatMap(verbForms), ...irregular, ...SPEECH_PHRASES])]
}

/** A form of a verb: its base, past tense, third person or -ing form. */
export type VerbForm = 'base' | 'past' | 'third' | 'ing'

const FORM_INDEX: Readonly<Record<VerbForm, 0 | 1 | 2 | 3>> = { base: 0, past: 1, third: 2, ing: 3 }

/** One form of a verb, irregular forms of verbs of speech included. */
export function verbForm(verb: string, form: VerbForm): string {
  const irregular = form === 'base' ? undefined : IRREGULAR_SPEECH_FORMS.get(verb)?.[form]
  return irregular ?? verbForms(verb)[FORM_INDEX[form]]
}

/**
 * Forms of verbs as a regular-expression alternation, verb by verb in the
 * order given: `verbAlternation(['say', 'tell'], ['past', 'third'])` is
 * "said|says|told|tells".
 */
export function verbAlternation(verbs: readonly string[], forms: readonly VerbForm[]): string {
  return verbs.flatMap((verb) => forms.map((form) => verbForm(verb, form))).join('|')
}
