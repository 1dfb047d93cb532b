import { expect, it } from 'vitest'
import * as store from '../src/index.js'

it('exports exactly the documented functions and constants', () => {
  expect(Object.keys(store).sort()).toEqual([
    'ANALYSIS_VERSION',
    'SCHEMA_VERSION',
    'analyseStory',
    'contentHash',
    'countPerStory',
    'defaultDataDir',
    'ingest',
    'openStore',
    'prepareArticle',
    'quoteRank',
    'scopeIds',
    'serializeArticle',
    'speakersWithArticles',
    'storedAnalysisText',
  ])
  expect(store.SCHEMA_VERSION).toBe(8)
  expect(store.defaultDataDir({ XDG_DATA_HOME: '/data' })).toBe('/data/corroborate')
  expect(store.contentHash('a')).toBe(
    'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',
  )
})
