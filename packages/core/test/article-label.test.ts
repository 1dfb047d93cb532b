import { describe, expect, it } from 'vitest'
import { articleLabel, loadArticleFile, normalizeArticle } from '../src/index.js'

const seed = async (name: string) =>
  normalizeArticle(
    await loadArticleFile(new URL(`../../../seeds/${name}`, import.meta.url).pathname),
  )

describe('articleLabel', () => {
  it('is the title when there is one', async () => {
    const article = await seed('004_cbbd90037d08fd37.txt')
    expect(articleLabel(article, { maxLength: 200 })).toBe(article.title?.value)
    expect(articleLabel(article)).toBe(
      "El Salvador 'willing to take in' convicted criminals from the US—both citizens and…",
    )
  })

  it('is the lead sentence, clipped at a word, when there is no title', async () => {
    const article = await seed('000_319bfdf5a655c3df.txt')
    expect(article.title).toBeNull()
    const label = articleLabel(article, { maxLength: 60 })
    expect(label).toBe('Secretary of State Marco Rubio said on Tuesday that…')
    expect(label.length).toBeLessThanOrEqual(60)
    expect(articleLabel(normalizeArticle({ content: 'The bridge opened.' }))).toBe(
      'The bridge opened.',
    )
  })

  it('leaves the dateline out of a lead', async () => {
    const article = await seed('001_b67738d60fcf9431.txt')
    expect(article.dateline?.text).toBe('SAN SALVADOR, El Salvador —')
    expect(articleLabel(article, { maxLength: 40 })).toBe('Secretary of State Marco Rubio said El…')
  })

  it('never exceeds its length, even for one long word, and is empty for no text', () => {
    const article = normalizeArticle({ content: `${'x'.repeat(300)} and more.` })
    expect(articleLabel(article, { maxLength: 20 })).toBe(`${'x'.repeat(19)}…`)
    expect(articleLabel(normalizeArticle({ content: '' }))).toBe('')
  })
})
