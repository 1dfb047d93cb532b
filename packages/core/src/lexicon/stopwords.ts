import { COURTESY_TITLES } from './abbreviations.js'
import { WEEKDAYS } from './time-words.js'

/*
 * Words that say nothing for one purpose or another. Four lists, because the
 * purposes differ and so do the words: what a keyword or a noun phrase leaves
 * out is not what a quote index leaves out, and neither is what tells one news
 * story from another or one voice's answer from another's.
 */

const wordsOf = (list: string): string[] => list.trim().split(/\s+/)

/**
 * A general English stopword list (function words, auxiliaries, pronouns,
 * common adverbs and the verbs of reporting), lower case: no keyword, no
 * head of a noun phrase, no name.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  wordsOf(`
  a about above across after afterwards again against all almost alone along already also although
  always am among amongst an and another any anybody anyone anything anyway anywhere are aren't around
  as at back be became because become becomes been before beforehand behind being below beside besides
  between beyond both but by can can't cannot could couldn't did didn't do does doesn't doing don't done
  down during each either else elsewhere enough etc even ever every everybody everyone everything
  everywhere except few for former formerly from further had hadn't has hasn't have haven't having he
  he'd he'll he's hence her here here's hers herself him himself his how however i i'd i'll i'm i've if
  in indeed into is isn't it it's its itself just last latter least less let let's like made make many
  may me meanwhile might mine more moreover most mostly much must my myself namely neither never
  nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only onto
  or other others otherwise our ours ourselves out over own per perhaps please quite rather really same
  say said says saying seem seemed seeming seems several she she'd she'll she's should shouldn't since
  so some somehow someone something sometime sometimes somewhere still such than that that's the their
  theirs them themselves then thence there there's thereafter thereby therefore therein these they
  they'd they'll they're they've this those though through throughout thus to together told too toward
  towards under until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's
  whatever when whence whenever where where's whereas whereby wherein whether which while who who's
  whoever whole whom whose why will with within without won't would wouldn't yet you you'd you'll
  you're you've your yours yourself yourselves also according told tell tells telling added adding
  asked according get got gets go goes going went come came comes
`),
)

/**
 * Function words, lower case and normalized as the cross-reference compares
 * quote words ("one" is "1"): they carry no statement of their own, so an
 * index keyed on them finds everything. Fewer than `STOPWORDS`: adverbs
 * ("already", "really") and the verbs of reporting are no function words, and
 * the quote index keeps them.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  wordsOf(`a an the and or but nor so yet for of to in on at by with from into onto upon about as than then
  that this these those there here it its it's is are was were be been being am do does did has have had
  i me my we us our you your he him his she her they them their who whom whose which what when where why
  how not no all any some each every both either neither one such own same other very too just also
  only even still will would shall should can could may might must if because while although though
  after before since until once over under again further more most less least many much few 1`),
)

/**
 * Words common in news whatever the story, lower case: they say nothing of
 * which story an article tells.
 */
export const NEWS_WORDS: ReadonlySet<string> = new Set([
  ...wordsOf(`year years time times day days week weeks month months people percent new news report reports
  reported told statement official officials people thing things way ways lot part today yesterday
  tomorrow`),
  ...WEEKDAYS,
  ...COURTESY_TITLES.map((title) => title.toLowerCase()),
])

/**
 * Content words that any two voices of a news story use, lower case: that two
 * quotes share them is no sign that one answers the other.
 */
export const COMMON_SPOKEN_WORDS: readonly string[] =
  wordsOf(`people country time year way thing think know want going make good new need right work world
  believe lot come see take look day just like really get said say told tell also many much well
  even still back
  today week month last first great big important clear sure`)
