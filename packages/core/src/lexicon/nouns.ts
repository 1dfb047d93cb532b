/*
 * Nouns of those who speak in the news: people, the bodies that speak as one
 * and the writings that speak for their authors; general English, beyond titles.
 */

const wordsOf = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/))

/** Nouns for people and groups of people who speak in the news, beyond titles: "witness", "officials", "crowd". */
export const PEOPLE_NOUNS: ReadonlySet<string> = wordsOf(`
  people person critic resident protester protestor demonstrator supporter opponent voter source
  witness police authority neighbor neighbour family parent student worker doctor nurse teacher
  lawmaker republican democrat advocate observer investigator prosecutor scientist researcher
  expert analyst official aide adviser advisor activist leader member officer agent employee staff
  staffer organizer participant attendee victim survivor relative friend colleague ally rival
  spokesperson representative delegate citizen american villager local farmer owner executive
  assistant attendant correspondent applicant claimant defendant plaintiff contestant opponent
  proponent respondent dissident constituent resident student president participant immigrant
  crowd audience public mogul tycoon confidant heavyweight magnate insider operative
  economist historian scholar academic commentator pundit pollster strategist consultant insider
  diplomat minister senator congressman official judge lawyer attorney counsel defender campaigner
  volunteer veteran soldier troop fan player coach manager user customer client patient
  man woman child kid teen teenager youth immigrant migrant refugee inmate prisoner detainee
  guard medic firefighter rescuer emergency responder worker union negotiator mediator envoy
  physician surgeon therapist psychiatrist psychologist counselor pharmacist paramedic dentist
  neighbour landlord tenant partner spouse wife husband mother father son daughter brother sister
  cousin uncle aunt nephew niece grandmother grandfather widow widower`)

/** Bodies that speak as one: a campaign, a company, a newspaper, a crowd. */
export const GROUP_NOUNS: ReadonlySet<string> = wordsOf(`
  campaign family team office camp group board committee commission council company corporation
  firm business agency administration department ministry government party organization organisation
  network newspaper paper magazine tabloid outlet station channel media press crowd audience
  delegation union coalition alliance association foundation institute university school college
  court police army military navy service community caucus parliament congress senate panel jury
  public state city county nation country bureau charity club church embassy mission cabinet
  hospital bank fund society movement opposition regime`)

/** Writings that speak for their authors: "the report says", "the lawsuit alleges". */
export const DOCUMENT_NOUNS: ReadonlySet<string> = wordsOf(`
  report statement order memo memorandum lawsuit suit complaint filing brief ruling letter email
  e-mail message release transcript editorial column article piece story post tweet website site ad
  advertisement video book memoir survey poll study analysis assessment summary readout indictment
  petition resolution bill document note page passage headline update publication record card sign
  motion affidavit opinion decision verdict law act constitution guidance policy notice warning
  proposal manifesto agreement treaty accord contract charter movie film photo footnote account
  voice clip`)

/** Common words that end like agent nouns ("-er", "-or", "-ee") and name no one: "matter", "water", "degree". */
export const NOT_AGENT_NOUNS: ReadonlySet<string> = wordsOf(`
  matter number water letter paper order power center centre answer cancer corner summer winter
  dinner border chapter character computer manner river theater theatre quarter finger shoulder
  weather trigger barrier register filter banner layer offer cover murder disaster shelter
  error door floor color colour factor sector motor mirror horror terror favor honor labor major
  minor rumor humor tumor vapor flavor behavior behaviour interior exterior corridor
  guarantee degree fee tree free committee decree`)

/**
 * Works that carry a title: "a song called “…” by", "a book titled “…” by". Not a bill, a law,
 * a policy or a report: "a bill called “a giveaway” by Gov. Roe" is Roe's judgement of it.
 */
export const TITLED_WORK_NOUNS: ReadonlySet<string> = wordsOf(`
  song album play show series documentary novel poem painting opera musical podcast exhibit
  exhibition sculpture single track program programme episode book film movie article essay column
  memoir video`)

/**
 * Nouns of what someone said, whose owner said the words they hold: "Jane Roe’s claim that …",
 * "her remark that …", "his pledge to …", "Hale’s “floating palace” remark". Singular.
 */
export const SPEECH_NOUNS: ReadonlySet<string> = wordsOf(`
  claim assertion contention conclusion comment remark statement pledge promise vow warning
  threat accusation allegation insistence suggestion admission declaration prediction
  characterization complaint boast retort quip joke insult phrase catchphrase slogan motto mantra
  refrain plea demand response reply answer words call`)
