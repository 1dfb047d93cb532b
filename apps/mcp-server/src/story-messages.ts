import type { StoryInput, StoryPieces } from '@corroborate/store'

/**
 * A story's input as the store worker is sent it: a head that says how many
 * pieces each text has (its articles', then their analyses'), then the pieces
 * in order, a few to a message. A 1 MB article's story is about 18 million
 * characters of JSON: copied in one message, or joined first, it held the
 * server's event loop for about 100 ms; a message of these is copied in well
 * under a millisecond, and the worker joins them.
 */
export type StoryMessage =
  | {
      type: 'story'
      story: StoryPieces['story']
      revision: string
      articles: number
      /** Pieces of each text, the articles' then the analyses'. */
      counts: number[]
    }
  | { type: 'pieces'; texts: string[] }

/** Characters of pieces per message (an article's pieces are about 65,536 each): about 1 ms of copying. */
const MESSAGE_CHARS = 256 * 1024

/** The messages that carry `input` to the worker, in order. */
export function* storyMessages(input: StoryPieces): Generator<StoryMessage> {
  const texts = [...input.articles, ...input.analyses]
  yield {
    type: 'story',
    story: input.story,
    revision: input.revision,
    articles: input.articles.length,
    counts: texts.map((pieces) => pieces.length),
  }
  let batch: string[] = []
  let chars = 0
  for (const piece of texts.flat()) {
    if (batch.length > 0 && chars + piece.length > MESSAGE_CHARS) {
      yield { type: 'pieces', texts: batch }
      batch = []
      chars = 0
    }
    batch.push(piece)
    chars += piece.length
  }
  if (batch.length > 0) yield { type: 'pieces', texts: batch }
}

/**
 * The worker's side: takes a story's messages in order and gives its input,
 * joined, once the last piece is in (at once for a story of no text).
 */
export function storyReceiver() {
  let head: Extract<StoryMessage, { type: 'story' }> | null = null
  let received: string[] = []
  let expected = 0
  const complete = (): StoryInput | undefined => {
    if (head === null || received.length < expected) return undefined
    const texts: string[] = []
    let at = 0
    for (const count of head.counts) {
      texts.push(received.slice(at, at + count).join(''))
      at += count
    }
    const input: StoryInput = {
      story: head.story,
      revision: head.revision,
      articles: texts.slice(0, head.articles),
      analyses: texts.slice(head.articles),
    }
    head = null
    received = []
    return input
  }
  return {
    /** The input, when `message` completes it. */
    take(message: StoryMessage): StoryInput | undefined {
      if (message.type === 'story') {
        head = message
        received = []
        expected = message.counts.reduce((sum, count) => sum + count, 0)
      } else {
        if (head === null) throw new Error('pieces of a story came before its head')
        received.push(...message.texts)
      }
      return complete()
    },
  }
}
