import { describe, expect, it } from 'vitest'
import * as core from '../src/index.js'

describe('public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(core).sort()).toEqual([
      'ARTICLE_FORMATS',
      'ATTRIBUTION_RULES',
      'BOILERPLATE_KINDS',
      'CLAIM_KINDS',
      'CLAIM_QUALIFIERS',
      'CLAIM_UPDATE_EVIDENCE',
      'CORROBORATE_ERROR_CODES',
      'CORROBORATION_KINDS',
      'CorroborateError',
      'DEFAULT_MAX_BYTES',
      'DEFAULT_MAX_HTML_BYTES',
      'DEFAULT_MAX_HTML_LENGTH',
      'DEFAULT_MAX_LENGTH',
      'DISPUTE_KINDS',
      'EVIDENCE_SOURCES',
      'MESSAGE_CODES',
      'MESSAGE_SEVERITIES',
      'NUMERIC_CLAIM_KINDS',
      'QUOTE_CHANNELS',
      'QUOTE_KINDS',
      'QUOTE_VARIANTS',
      'SEARCH_HIT_KINDS',
      'SPEAKER_KINDS',
      'WORD_CHANGE_OPS',
      'alignClaims',
      'analyzeArticle',
      'articleLabel',
      'clusterQuotes',
      'compareArticles',
      'contentId',
      'createCorpus',
      'createStoryIndex',
      'crossReference',
      'decodeArticleBytes',
      'decodeHtmlBytes',
      'describeFileError',
      'extractClaims',
      'extractQuotes',
      'fileStemId',
      'findDisputes',
      'foldText',
      'formatOfPath',
      'groupStories',
      'ingestArticle',
      'isCorroborateError',
      'isShortFragment',
      'loadArticleDirectory',
      'loadArticleFile',
      'loadArticles',
      'matchesSpeaker',
      'measureCoverage',
      'normalizeArticle',
      'normalizeDate',
      'packProfile',
      'parseSpeakerMention',
      'profileArticle',
      'readArticleSources',
      'resolveSpeakers',
      'restoreStoryIndex',
      'restoreStoryIndexInSteps',
      'searchEntries',
      'searchHits',
      'sortQuotesByWeight',
      'splitSentences',
      'textMatches',
      'toOriginalSpan',
      'uniqueArticleIds',
      'unpackProfile',
    ])
  })

  it('exports functions, a class and numeric limits', () => {
    expect(typeof core.normalizeArticle).toBe('function')
    expect(typeof core.CorroborateError).toBe('function')
    expect(new core.CorroborateError('INVALID_ARGUMENT', 'x')).toBeInstanceOf(Error)
    expect(core.DEFAULT_MAX_LENGTH).toBe(10_000_000)
    expect(core.DEFAULT_MAX_BYTES).toBe(10 * 1024 * 1024)
    expect(core.DEFAULT_MAX_HTML_LENGTH).toBe(64_000_000)
    expect(core.DEFAULT_MAX_HTML_BYTES).toBe(64 * 1024 * 1024)
  })
})
