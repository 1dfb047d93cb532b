import { COMMON_TITLES } from './abbreviations.js'

/*
 * Titles are read two ways: before a name, capitalized as written and often
 * abbreviated ("President Bukele", "Gen. Smith"), and as the role a mention
 * names, in lower case among many more roles ("the spokeswoman", "a former
 * economist"). Hence two kinds of list: the capitalized ones where a name
 * follows, the lower-case roles where a mention is read.
 */

const wordsOf = (list: string): string[] => list.trim().split(/\s+/)

/** Titles and ranks before a person's name, as written: "Mr", "President", "Gen", "Rev". */
export const PERSON_TITLES: readonly string[] = [
  ...COMMON_TITLES,
  ...wordsOf(`
  President Secretary Minister Prime Senator Governor Mayor King Queen Prince Princess Pope
  Judge General Gen Col Capt Lt Sgt Chief Director Chairman CEO Justice Ambassador Officer
  Detective Professor Prof Sir Lord Lady Pastor Rev
`),
]

/**
 * Capitalized words that open a person's name: the titles, and offices written
 * before a name ("Vice", "Speaker", "President-elect", "Congresswoman").
 */
export const NAME_TITLES: readonly string[] = [
  ...PERSON_TITLES,
  ...wordsOf(`
  Vice Deputy Speaker Leader Premier Chancellor President-elect Representative Congressman
  Congresswoman Commissioner Superintendent
`),
]

/**
 * Roles and titles a mention may name, lower case, with the words that qualify
 * them: "former", "acting", "president", "spokeswoman", "economist", "quarterback".
 */
export const ROLE_WORDS: readonly string[] = wordsOf(`
  former acting interim then late outgoing incoming retired president vice secretary senator
  representative congressman congresswoman congressmember governor mayor minister premier
  chancellor judge justice general colonel lieutenant sergeant admiral captain major commander
  chief director commissioner chairman chairwoman chair chairperson speaker leader ambassador
  attorney prosecutor editor editor-in-chief publisher ceo cfo coo founder president-elect
  spokesman spokeswoman spokesperson officer detective inspector sheriff deputy councilman
  councilwoman councillor councilor assemblyman assemblywoman delegate king queen prince
  princess pope bishop archbishop cardinal rabbi imam pastor reverend father sister brother
  coach candidate nominee professor doctor analyst economist strategist adviser advisor aide
  official lawyer attorney-general superintendent trustee treasurer comptroller auditor clerk
  marshal dean provost rector principal host anchor correspondent reporter columnist author
  executive manager head owner partner member fellow researcher scientist emir sheikh sultan
  crown first lady lawmaker legislator activist organizer expert billionaire businessman
  businesswoman entrepreneur investor actor actress singer rapper star player striker forward
  defender goalkeeper pitcher quarterback
`)
