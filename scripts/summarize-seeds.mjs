#!/usr/bin/env node
// Prints a readable summary of a corpus: clean articles, who said what, the
// statements outlets share and where they disagree. The main job until the MCP
// server exists. Usage: node scripts/summarize-seeds.mjs [DIR_OR_FILE ...]
import { stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import {
  crossReference,
  extractQuotes,
  loadArticleDirectory,
  loadArticleFile,
  normalizeArticle,
  resolveSpeakers,
} from '@corroborate/core'

const defaultCorpus = fileURLToPath(new URL('../seeds', import.meta.url))
const paths = process.argv.slice(2)
const sources = []
const failures = []
for (const path of paths.length > 0 ? paths : [defaultCorpus]) {
  try {
    if ((await stat(path)).isDirectory()) {
      const loaded = await loadArticleDirectory(path)
      sources.push(...loaded.sources)
      failures.push(...loaded.failures.map((f) => `${f.path}: ${f.error.message}`))
    } else {
      sources.push(await loadArticleFile(path))
    }
  } catch (error) {
    failures.push(`${path}: ${error.message}`)
  }
}

const field = (evidence) => (evidence ? evidence.value : '—')
const shorten = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
const extractions = []
for (const source of sources) {
  const article = normalizeArticle(source)
  const extraction = extractQuotes(article)
  extractions.push(extraction)
  console.log(`\n■ ${article.id}`)
  console.log(`  title:     ${shorten(field(article.title), 100)}`)
  console.log(
    `  author:    ${field(article.author)}    outlet: ${field(article.outlet)}    published: ${field(article.published)}    dateline: ${field(article.dateline)}`,
  )
  console.log(
    `  body:      ${article.paragraphs.length} paragraphs, ${article.sentences.length} sentences, ${article.text.length} characters`,
  )
  console.log(`  lead:      ${shorten(article.sentences[0]?.text ?? '', 110)}`)
  if (article.captions.length > 0)
    console.log(
      `  captions:  ${article.captions.map((c) => shorten(c.text || c.credit || '', 60)).join(' | ')}`,
    )
  const counts = new Map()
  for (const r of article.removed) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1)
  const removed = [...counts].map(([kind, n]) => `${kind} ×${n}`)
  if (removed.length > 0) console.log(`  removed:   ${removed.join(', ')}`)
  for (const message of article.messages)
    console.log(`  ${message.fatal ? 'error' : message.severity}:   ${message.message}`)
  const spoken = extraction.quotes.filter((q) => q.kind !== 'term')
  console.log(
    `  quotes:    ${spoken.length} (${extraction.quotes.length - spoken.length} terms left aside)`,
  )
}

// Who said what, across the corpus: one canonical speaker per person or organization.
const { speakers, quotes } = resolveSpeakers(extractions)
console.log('\nWho said what')
for (const speaker of speakers) {
  const theirs = quotes.filter((q) => q.speaker?.id === speaker.id && q.kind !== 'term')
  if (theirs.length === 0) continue
  const articles = new Set(theirs.map((q) => q.article)).size
  const role = speaker.roles.length > 0 ? ` (${speaker.roles.join(', ')})` : ''
  console.log(`\n  ${speaker.name}${role}: ${theirs.length} quote(s) in ${articles} article(s)`)
  for (const quote of theirs.slice(0, 3)) {
    console.log(`    “${shorten(quote.text, 90)}” — ${quote.article}`)
  }
}
const unattributed = quotes.filter((q) => !q.speaker && q.kind !== 'term').length
if (unattributed > 0)
  console.log(`\n  ${unattributed} quote(s) whose speaker the text does not name`)
for (const failure of failures) console.error(`could not read ${failure}`)
console.log(
  `\n${sources.length} article(s) normalized${failures.length > 0 ? `, ${failures.length} could not be read` : ''}.`,
)
process.exitCode = failures.length > 0 ? 1 : 0

// Across outlets: the same statement in several articles, and where they part.
const articles = sources.map((source) => normalizeArticle(source))
const corpus = crossReference(articles)
const shared = corpus.clusters.filter((cluster) => cluster.articles.length > 1)
console.log(`\nStatements carried by more than one article: ${shared.length}`)
for (const cluster of shared) {
  console.log(
    `\n  “${shorten(cluster.canonical, 100)}” — ${cluster.speakers.map((s) => s.name).join(' / ') || 'no speaker'}`,
  )
  for (const member of cluster.members) {
    const changes = member.diff
      .filter((step) => step.op === 'replace' || step.op === 'insert')
      .map((step) =>
        step.op === 'replace' ? `${step.canonical} → ${step.member}` : `+ ${step.member}`,
      )
    console.log(
      `    ${member.article}  ${member.variant}${changes.length > 0 ? `: ${shorten(changes.join('; '), 80)}` : ''}`,
    )
  }
}
console.log('\nDisputes')
for (const dispute of corpus.disputes)
  console.log(
    `  [${dispute.kind}${dispute.needsJudgement ? ', needs judgement' : ''}] ${shorten(dispute.summary, 150)}`,
  )
console.log('\nAgreed facts')
for (const agreement of corpus.agreements.filter((a) => a.kind === 'fact'))
  console.log(`  ${shorten(agreement.summary, 150)}`)
