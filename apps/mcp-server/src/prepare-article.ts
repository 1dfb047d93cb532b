import {
  type Article,
  type ArticleFormat,
  type ArticleMetadataInput,
  type Corpus,
  isCorroborateError,
  normalizeArticle,
} from '@corroborate/core'
import { METADATA_LIMITS } from './limits.js'

/** What a caller gives `add_article`, checked for shape by the tool's schema. */
export interface AddArticleInput {
  content: string
  format: ArticleFormat
  id?: string
  metadata: ArticleMetadataInput
}

/** An article ready for the corpus and the warnings for the caller, or why it was refused. */
export type Prepared = { article: Article; warnings: string[] } | { refused: string }

// A letter or a digit: text without one holds no statement to cross-reference.
const WORD = /[\p{L}\p{N}]/u
const REPLACEMENT = /\uFFFD/g

/**
 * Normalizes an article given to `add_article` and checks it against the
 * corpus as it stands: no empty content, no id in use, some body text with
 * words in it, no text the corpus already holds. Pure: the corpus is only read,
 * so the check and the add that follows must not be separated by another add.
 */
export function prepareArticle(corpus: Corpus, input: AddArticleInput): Prepared {
  const { content, format, id, metadata } = input
  if (content.trim() === '')
    return { refused: 'content is empty; pass the article’s text (plain text, Markdown or HTML)' }
  if (id !== undefined && corpus.get(id))
    return {
      refused: `the corpus already has an article "${id}"; choose another id or leave id out to derive one from the content (list_sources shows the ids in use)`,
    }
  let article: Article
  try {
    article = normalizeArticle({ content, format, metadata, ...(id === undefined ? {} : { id }) })
  } catch (error) {
    if (isCorroborateError(error))
      return { refused: `the article could not be read: ${error.message}` }
    throw error
  }
  if (article.paragraphs.length === 0)
    return {
      refused: `the article has no body text (${article.messages.find((m) => m.severity === 'error')?.message ?? 'nothing was left after removing boilerplate'}); ${format === 'html' ? 'pass the HTML of an article page, or the story’s text with format text' : 'pass the story’s text'}`,
    }
  if (!WORD.test(article.text))
    return {
      refused:
        'the article has no words: its text holds no letter or digit (only punctuation, invisible characters or U+FFFD replacement characters); pass the story’s text, decoded as UTF-8',
    }
  const same = corpus.articles.find((a) => a.text === article.text)
  if (same)
    return {
      refused: `article "${same.id}" already has this text; nothing was added. Use get_article with id "${same.id}" to read it`,
    }
  if (corpus.get(article.id))
    return {
      refused: `the corpus already has an article "${article.id}"; pass another id to add this one`,
    }
  const warnings: string[] = []
  const bounded = boundMetadata(article)
  if (bounded !== article)
    warnings.push(
      'metadata read from the content was longer than a title, outlet or byline can be and was clipped; pass title, outlet or author to set them',
    )
  const replaced = content.match(REPLACEMENT)?.length ?? 0
  if (replaced > 0)
    warnings.push(
      `the content holds ${replaced} U+FFFD replacement character${replaced === 1 ? '' : 's'}: bytes that were not valid UTF-8 were replaced, and the words around them may be garbled; decode the page with its real character set and add it again under another id if quotes are missing`,
    )
  return { article: bounded, warnings }
}

/** What an added article's answer needs of it, without sending the whole article back. */
export interface AddedArticle {
  id: string
  title: string | null
  outlet: string | null
  published: string | null
  paragraphs: number
  /** Warnings and errors about the content, as the article's messages say them. */
  messages: string[]
}

/** The short account of an article that an add answers with. */
export function describeAdded(article: Article): AddedArticle {
  return {
    id: article.id,
    title: article.title?.value ?? null,
    outlet: article.outlet?.value ?? null,
    published: article.published?.value ?? null,
    paragraphs: article.paragraphs.length,
    messages: article.messages
      .filter((m) => m.severity !== 'info' && m.code !== 'boilerplate-removed')
      .map((m) => m.message),
  }
}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text

/**
 * The article with each metadata value clipped to {@link METADATA_LIMITS}
 * (its span still points at the whole value in the original), or the same
 * article when every value fits.
 */
export function boundMetadata(article: Article): Article {
  let bounded = article
  for (const [field, max] of Object.entries(METADATA_LIMITS) as Array<
    [keyof typeof METADATA_LIMITS, number]
  >) {
    const evidence = article[field]
    if (evidence && evidence.value.length > max)
      bounded = { ...bounded, [field]: { ...evidence, value: clip(evidence.value, max) } }
  }
  return bounded
}
