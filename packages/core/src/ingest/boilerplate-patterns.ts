/*
 * Patterns of the non-story text that scraped news pages carry. Each is a
 * shape common across outlets, not a phrase of any one article.
 */

export const wordCount = (text: string): number => {
  const words = text.trim().split(/\s+/)
  return words[0] === '' ? 0 : words.length
}

const NON_SPACE_RUN = /\S+/g

/**
 * `Math.min(wordCount(text), limit + 1)`: the words counted no further than one past
 * `limit`, for a test of "at most `limit` words" that need not cut a long text into words.
 */
export function wordCountPast(text: string, limit: number): number {
  let count = 0
  NON_SPACE_RUN.lastIndex = 0
  while (count <= limit && NON_SPACE_RUN.test(text)) count++
  NON_SPACE_RUN.lastIndex = 0
  return count
}

/** Ad slots as scrapers leave them: a marker alone on its line. */
export const ADVERTISEMENT =
  /^[-–—\s[(]*(?:advertisement|advertising|advert|ad(?:[- ]?(?:image|slot|choices|feedback|unit))?|sponsored(?: content| post| links?)?|paid (?:content|post)|promoted(?: content)?|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading (?:below|the main story)|skip advertisement|scroll to continue(?: with content)?|report this ad)[-–—\s\])]*$/i

/** A heading that opens a box of links to other stories. */
export const SIDEBAR_MARKER =
  /^(?:view all|see all|see more|show more|load more|more stories|more news|more from [\p{L}\d '’&.-]{1,40}|related(?: stories| articles| coverage| content| news| reading| links| topics)?|read (?:more|next|also)|recommended(?: for you| stories| reading)?|trending(?: now| stories)?|most (?:read|popular|viewed|shared)|popular(?: now| stories)?|you (?:may|might) (?:also )?like|also (?:read|on [\p{L}\d '’&.-]{1,30})|top stories|latest(?: news| stories)?|editor'?s? picks|what to read next|don't miss|up next|in other news|around the web|from our partners)\s*[:»›>]?$/iu

/** What a page prints where a script did not run, and CMS shortcodes left unrendered. */
export const PAGE_MACHINERY =
  /^(?:(?:this|the) (?:slideshow|gallery|video|content|page|site|feature|player|interactive) requires javascript\.?|(?:please )?(?:enable|turn on) javascript\b.{0,80}|javascript is (?:disabled|required)\b.{0,80}|your browser does not support\b.{0,80}|\[\/?[a-z_]+(?:\s[^\]]*)?\].*)$/i

/** A truncated teaser excerpt: cut off mid-text with an ellipsis. */
export const TRUNCATED = /(?:\.{3,}|…)["”’']?$/

/** Lines of a site's footer: copyright, terms, account prompts. */
export const FOOTER =
  /(?:^©|^\(c\)\s*\d{4}|^copyright\b|all rights reserved|terms (?:of|and) (?:use|service|conditions)|privacy (?:policy|notice|settings)|cookie (?:policy|settings|preferences)|^(?:sign|log) ?(?:in|up)\b|create (?:a |an )?(?:free )?account|^subscribe\b|^by (?:continuing|signing up|clicking|registering|creating)|use of this (?:site|website)|may not be (?:reproduced|republished|published)|^(?:already (?:a subscriber|have an account))|newsletter|^share (?:this|on)\b|^(?:manage|do not sell)\b)/i

/** An agency or photographer credit: `AP/Mark Schiefelbein`, `Photo: Reuters`, `(Getty Images)`. */
const CREDIT_BODY = String.raw`(?:(?:AP|AFP|EPA|Reuters|REUTERS|Getty Images|Getty|Shutterstock|Alamy|Bloomberg|Xinhua|Anadolu|PA|UPI|ZUMA(?: Press)?|NurPhoto|SOPA Images|Pool|File)(?: Photo| Images| via Getty Images)?(?:\s*/\s*[\p{Lu}][\p{L}.'’ -]{1,60})?|[\p{Lu}][\p{L}'’&-]*(?: [\p{Lu}][\p{L}'’&-]*){0,3}\s*/\s*(?:AP|AFP|EPA|Reuters|REUTERS|Getty Images|Getty|Bloomberg|Shutterstock|Alamy|Pool|[\p{Lu}][\p{L}.'’ -]{1,40}))`
const CREDIT_LABEL = String.raw`(?:(?:photo|image|picture|photograph|illustration|video|credit)s?(?:\s+(?:by|credit|courtesy(?: of)?))?\s*[:|–—-]\s*|(?:photo|image)s?\s+(?:by|courtesy(?: of)?)\s+)`
export const CREDIT_ONLY = new RegExp(
  String.raw`^\(?(?:${CREDIT_LABEL}.{1,80}|${CREDIT_LABEL}?${CREDIT_BODY})\)?\.?$`,
  'iu',
)
export const CREDIT_SUFFIX = new RegExp(
  String.raw`(?:(?<=[.!?”"’])\s+|\s+(?=\())(\(?(?:${CREDIT_LABEL}[^.()]{1,80}|${CREDIT_LABEL}?${CREDIT_BODY})\)?\.?)$`,
  'u',
)

/** "Follow her on Twitter", "You can follow him on X here." */
export const SOCIAL_FOLLOW =
  /\bfollow (?:him|her|them|me|us|@\w+|[\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+)?) (?:on|at) (?:Twitter|X|Facebook|Instagram|Threads|Bluesky|LinkedIn|Mastodon|TikTok|YouTube|Substack)\b/iu

/** The opening of an author bio: "Jane Q. Doe is a reporter …". */
export const AUTHOR_BIO =
  /^((?:[\p{Lu}][\p{L}'’-]+|[\p{Lu}]\.)(?:\s+(?:[\p{Lu}][\p{L}'’-]+|[\p{Lu}]\.|(?:de|da|van|von|al|el|bin|del|la|le)(?=\s))){1,4})\s+(?:is|was|has been|serves as|covers|reports|writes)\b/u
export const JOURNALIST =
  /\b(?:writer|reporter|journalist|correspondent|editor|columnist|contributor|author|producer|freelancer|freelance|staff|bureau|covers|reporting|anchor|photographer|fellow at)\b/i

/** A byline near the top: "By Jane Doe", "By Jane Doe and John Roe, Reuters". */
const NAME = String.raw`[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3}`
export const BYLINE = new RegExp(
  String.raw`^(?:By|BY)\s+(${NAME}(?:(?:\s*,\s*|\s+)(?:and|&)\s+${NAME})?)(?=\s*(?:[,|•·]|$|\s+(?:for|in|at|of)\s))`,
  'u',
)

/** A date header a scraper or CMS leaves at the top: `date 2025-02-04`, `Published: Feb. 4, 2025`. */
export const DATE_HEADER =
  /^(?:date|dated|published(?: on)?|posted(?: on)?|updated(?: on)?|first published(?: on)?)\s*[:-]?\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4})(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?)(?:\s+|$)/i

/** A wire dateline: "SAN SALVADOR, El Salvador —", "WASHINGTON (AP) --". */
export const DATELINE =
  /^((?:[\p{Lu}][\p{Lu}.'’ -]{1,40}[\p{Lu}.])(?:,\s*[\p{Lu}][\p{L}.'’ -]{1,40}?){0,2}(?:\s*\([\p{L}\d .&'’-]{1,30}\))?)\s*(?:—|–|--|-)\s+/u

/** Legal suffixes dropped when a copyright line names the outlet. */
export const CORPORATE_SUFFIX =
  /(?:,?\s+(?:Company|Co\.|Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|Corp\.?|Corporation|PLC|plc|GmbH|S\.A\.|LP|L\.P\.))+\.?$/
export const COPYRIGHT_HOLDER =
  /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(.+?)\.?\s*(?:all rights reserved\.?)?$/i
