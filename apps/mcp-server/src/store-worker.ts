import { fileURLToPath } from 'node:url'
import { parentPort } from 'node:worker_threads'
import { type Corpus, createStoryIndex } from '@corroborate/core'
import {
  prepareArticle as analyse,
  analyseStory,
  type SerializedArticle,
  type StoryAnalysis,
  serializeArticle,
  storedAnalysisText,
} from '@corroborate/store'
import { readSources, SEEDS_DIR } from './load-corpus.js'
import {
  type AddArticleInput,
  type AddedArticle,
  describeAdded,
  prepareArticle,
} from './prepare-article.js'
import { type StoryMessage, storyReceiver } from './story-messages.js'

/**
 * What the stored article store asks of its worker. A story to cross-reference
 * comes in several messages (`story-messages.ts`), answered after the last.
 * `warm` analyses the seeds and cross-references them as a story, keeping
 * nothing: what a first add would otherwise wait for (the analysis's code compiled).
 */
export type StoreWorkerRequest =
  | { type: 'prepare'; input: AddArticleInput }
  | StoryMessage
  | { type: 'warm' }

/** The worker's replies: one per request. */
export type StoreWorkerReply =
  | { type: 'prepared'; prepared: SerializedArticle; article: AddedArticle; warnings: string[] }
  | { type: 'analysed'; analysis: StoryAnalysis }
  | { type: 'warmed'; articles: number }
  | { type: 'refused'; message: string }
  | { type: 'failed'; message: string }

// The store checks ids and repeated text in its transaction: here only the article itself.
const nothingYet = { get: () => undefined, articles: [] } as unknown as Corpus

/** One article analysed as the store keeps it, or why it is refused. */
function prepare(
  input: AddArticleInput,
): Extract<StoreWorkerReply, { type: 'prepared' | 'refused' }> {
  const checked = prepareArticle(nothingYet, input)
  if ('refused' in checked) return { type: 'refused', message: checked.refused }
  const source = {
    content: input.content,
    format: input.format,
    metadata: input.metadata,
    id: checked.article.id,
  }
  return {
    type: 'prepared',
    prepared: serializeArticle(analyse(source, checked.article)),
    article: describeAdded(checked.article),
    warnings: checked.warnings,
  }
}

/** The seeds through what an add does here: their analyses, then their story's cross-reference. */
async function warm(): Promise<StoreWorkerReply> {
  const sources = await readSources([fileURLToPath(SEEDS_DIR)])
  const prepared: SerializedArticle[] = []
  for (const source of sources) {
    const made = prepare({
      content: source.content,
      format: source.format ?? 'text',
      metadata: source.metadata ?? {},
    })
    if (made.type === 'prepared') prepared.push(made.prepared)
  }
  const index = createStoryIndex()
  const stories = prepared.map((p) => index.add(p.profile).story)
  const story = stories[0] === undefined ? undefined : index.story(stories[0])
  if (story) {
    const decoder = new TextDecoder()
    const text = (bytes: Uint8Array) => decoder.decode(bytes)
    const members = prepared.filter((p) => index.storyOf(p.id) === story.id)
    analyseStory({
      story,
      revision: '1',
      articles: members.map((p) => text(p.json.article)),
      analyses: members.map((p) =>
        storedAnalysisText({
          quotes: text(p.json.quotes),
          speakers: text(p.json.speakers),
          claims: text(p.json.claims),
        }),
      ),
    })
  }
  return { type: 'warmed', articles: prepared.length }
}

/**
 * The buffers of a reply's byte arrays, moved to the server rather than copied
 * (the JSON of a 1 MB article and of its story's analysis are megabytes): each
 * array made here holds a buffer of its own, and the worker keeps nothing it sends.
 */
function movedBuffers(reply: StoreWorkerReply): ArrayBuffer[] {
  const arrays =
    reply.type === 'prepared'
      ? [
          ...[
            reply.prepared.json.article,
            reply.prepared.json.quotes,
            reply.prepared.json.speakers,
          ],
          ...[reply.prepared.json.claims, reply.prepared.json.profile],
          ...reply.prepared.json.passages,
        ]
      : reply.type === 'analysed'
        ? [reply.analysis.json.analysis]
        : []
  const buffers = new Set<ArrayBuffer>()
  // A view of part of a buffer, or of a pooled one (Node's Buffer), is copied as it was.
  for (const array of arrays)
    if (
      !Buffer.isBuffer(array) &&
      array.byteOffset === 0 &&
      array.byteLength === array.buffer.byteLength
    )
      buffers.add(array.buffer as ArrayBuffer)
  return [...buffers]
}

const port = parentPort
if (port) {
  const story = storyReceiver()
  port.on('message', async (request: StoreWorkerRequest) => {
    const reply = (message: StoreWorkerReply) => port.postMessage(message, movedBuffers(message))
    try {
      if (request.type === 'story' || request.type === 'pieces') {
        const input = story.take(request)
        if (input) reply({ type: 'analysed', analysis: analyseStory(input) })
        return
      }
      if (request.type === 'warm') return reply(await warm())
      reply(prepare(request.input))
    } catch (error) {
      reply({ type: 'failed', message: (error as Error).message })
    }
  })
}
