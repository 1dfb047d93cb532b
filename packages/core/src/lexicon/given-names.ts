/*
 * Common English given names with a clear gender, from long-standing public
 * name-frequency lists; enough to tell "she" from "he" for most people named
 * in English news. Ambiguous names (Jordan, Taylor, Leslie, Jo) are left out.
 * A general lexicon like a stopword list: no story's names. A name rare outside one
 * person's news ("Reince", "Kellyanne") is not here: it would only fit the articles
 * about that person.
 */
const FEMALE = `mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie
rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce
virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline
martha gloria teresa ann anne sara madison frances kathryn janice jean abigail alice judy sophia grace
denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie
kayla alexis lori hillary hilary claire sonia elena loretta madeleine jill
chelsea debbie tammy marsha kirsten patty maxine dianne ursula melanie ava mia ella chloe zoe
lily sophie caroline gina tina rosa maya eva irene julia kate katie beth molly holly jane joanne lucy
penny sally wendy yvonne valerie vanessa veronica stacey carla rita sylvia gretchen meghan kristen
kristin erin colleen nina tanya susanne suzanne angelique adriana martina lucia carmen ana isabel
elisa paula monica sabrina theresa nikki haley betsy elaine jennifer
michele stephanie samantha whitney tiffany crystal april courtney brianna jasmine destiny morgan
kristina priscilla bianca gabriela daniela mariana camila valentina fernanda alejandra leticia
esther miriam naomi leah deborah judith tamar yael fatima aisha amina zainab mariam`
const MALE = `james robert john michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle ethan walter noah jeremy christian keith roger gerald harold sean
austin carl arthur lawrence dylan jesse bryan billy joe bruce gabriel logan albert willie alan juan
wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis bernie mike
mitch chuck ted marco rand rudy chris bill vladimir emmanuel boris jim tom tim dan dave steve charlie
rick rob bob jeff greg ben sam alex nick matt andy tony ken ron ed pete jon phil fred harry jimmy
hugh ian neil colin graham nigel angus hamish liam connor declan patrick brendan
luis carlos miguel jorge pedro manuel francisco antonio rafael alejandro ricardo eduardo fernando
sergio javier diego pablo andres mohammed muhammad ahmed ali omar hassan ibrahim yusuf mustafa
hamid abdul giuseppe giovanni marco luca matteo franz hans klaus jurgen wolfgang olaf friedrich
pierre jacques jean-claude francois nicolas benoit dmitry sergei alexei ivan igor viktor yuri
lloyd howard herbert stanley leonard norman martin glenn craig todd troy derek shawn
marcus curtis travis jared cody corey shane brett chad clint dustin garrett lance wesley elliot
oscar victor hector ramon ruben adrian marvin eddie leroy clarence earl harvey marshall dwight
lyndon franklin calvin herbert gerald jimmy`

const female = new Set(FEMALE.split(/\s+/).filter(Boolean))
const male = new Set(MALE.split(/\s+/).filter(Boolean))
const byName = new Map<string, 'male' | 'female'>()
// A name on both lists tells nothing and is left out.
for (const name of female) if (!male.has(name)) byName.set(name, 'female')
for (const name of male) if (!female.has(name)) byName.set(name, 'male')

// A character outside ASCII, for a cheap test before folding.
const NOT_ASCII = /[^ -~]/

/**
 * The gender a given name usually carries, or null when it is unknown or shared. The lists
 * are written without accents, so a name is read with its accents taken off as well:
 * "José", "Antônio" and "François" are "jose", "antonio" and "francois".
 */
export function genderOfGivenName(name: string): 'male' | 'female' | null {
  const lower = name.toLowerCase()
  const gender = byName.get(lower)
  if (gender !== undefined || !NOT_ASCII.test(lower)) return gender ?? null
  return byName.get(lower.normalize('NFD').replace(/\p{M}+/gu, '')) ?? null
}
