/*
 * Lower-case words inside a name: "Ursula von der Leyen", "Department of
 * State", "Rio de Janeiro". Four lists, one for each reader of names, and they
 * differ on purpose: a particle a reader takes lets a name run on over that
 * word, so each reader takes the ones its names hold and no more.
 */

/**
 * Particles inside a person's name, lower case: "von der Leyen", "bin Salman",
 * "da Silva", "ter Stegen". A mention's name words that are particles are no
 * given or family name of their own.
 */
export const SURNAME_PARTICLES: readonly string[] =
  'de da del della di du van von der den la le bin ibn al el dos das ter ten'.split(' ')

/**
 * The particles a name collected from running text may hold between its
 * capitalized words: the surname particles met most in news, and the "of"
 * and "for" of an organization ("Department of State", "Center for Public
 * Integrity"). Fewer surname particles than `SURNAME_PARTICLES`: the registry
 * reads every word of the text, where "ten" is mostly a number and "der" or
 * "den" mostly stand outside a name.
 */
export const NAME_PARTICLES: readonly string[] = 'of de van von bin al da del la le for'.split(' ')

/**
 * The particles the subject of a clause may hold before its verb ("Ursula von
 * der Leyen said"): "of", "de", "van", "von". The fewest: a subject may open
 * with any lower-case word, so every particle more is one more way for a
 * subject to run into its clause.
 */
export const SUBJECT_PARTICLES: readonly string[] = 'of de van von'.split(' ')

/**
 * Genitives and particles inside place names, lower case: "Gulf of Mexico",
 * "Côte d'Ivoire", "Rio de Janeiro", "Stratford-upon-Avon". Romance particles
 * ("do", "dos", "du", "des", "y") where persons' lists have Germanic ones.
 */
export const PLACE_NAME_PARTICLES: readonly string[] =
  'of de del la da do dos das du des di al el y upon on-the-sea'.split(' ')
