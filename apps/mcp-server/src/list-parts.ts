import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads'

/** One piece of a long list, sent on its own: `items` go at the end of `owner`'s list `key`. */
export interface ListPart {
  owner: string
  key: string
  items: unknown[]
}

/**
 * Size of a part, in bytes by {@link messageSize}: about what the receiving
 * thread copies in in 2 ms.
 */
export const PART_BYTES = 256 * 1024

/**
 * Roughly how many bytes `value` takes in a message, strings counted at two
 * bytes a character: what copying it in costs the receiver, without the
 * copy. Plain data only (the JSON-safe results of the core).
 */
export function messageSize(value: unknown): number {
  if (typeof value === 'string') return 8 + 2 * value.length
  if (typeof value !== 'object' || value === null) return 8
  let size = 8
  if (Array.isArray(value)) for (const item of value) size += messageSize(item)
  else for (const [key, item] of Object.entries(value)) size += key.length + messageSize(item)
  return size
}

/**
 * `value` cut for sending: a shallow copy (`head`) with each top-level list
 * that takes more than `partBytes` (by {@link messageSize}) empty, and those
 * lists in parts of about `partBytes` (an item larger than that alone), in
 * order; {@link appendPart} puts them back. `owner` names `value` among the
 * objects of one message. Copies no item.
 */
export function splitLists<T extends object>(
  owner: string,
  value: T,
  partBytes: number,
): { head: T; parts: ListPart[] } {
  const head: Record<string, unknown> = {}
  const parts: ListPart[] = []
  for (const [key, list] of Object.entries(value)) {
    const sizes = Array.isArray(list) ? list.map(messageSize) : []
    if (!Array.isArray(list) || sizes.reduce((sum, size) => sum + size, 0) <= partBytes) {
      head[key] = list
      continue
    }
    head[key] = []
    for (let from = 0; from < list.length; ) {
      let to = from
      for (
        let bytes = 0;
        to < list.length && (to === from || bytes + (sizes[to] ?? 0) <= partBytes);
        to++
      )
        bytes += sizes[to] ?? 0
      parts.push({ owner, key, items: list.slice(from, to) })
      from = to
    }
  }
  return { head: head as T, parts }
}

/** Puts a part back at the end of its list in `owners`; false when there is no such list. */
export function appendPart(owners: Record<string, object>, { owner, key, items }: ListPart) {
  const list = (owners[owner] as Record<string, unknown[]> | undefined)?.[key]
  if (!Array.isArray(list)) return false
  for (const item of items) list.push(item)
  return true
}

/**
 * Posts the long lists of `value` on `port` in parts ({@link splitLists}) and
 * returns its head and how many parts were posted, for
 * {@link receiveListParts} at the other end.
 */
export function postListParts<T extends object>(
  port: MessagePort,
  owner: string,
  value: T,
  partBytes: number,
): { head: T; parts: number } {
  const { head, parts } = splitLists(owner, value, partBytes)
  for (const part of parts) port.postMessage(part)
  return { head, parts: parts.length }
}

/** Gives up the event loop's turn: other calls run before the work goes on. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Takes `parts` parts from `port` (posted there by {@link postListParts}
 * before the reply that counts them) onto the lists of `owners`, a few per
 * turn of the event loop: at most `sliceMs` of copying each, then the turn is
 * given up (one part at the least). A port's listener would copy in every
 * queued message in one turn, which for the analysis of a 1,000,000-character
 * article held the event loop for 400 ms. Resolves to false when the port
 * holds fewer parts than counted.
 */
export async function receiveListParts(
  port: MessagePort,
  parts: number,
  owners: Record<string, object>,
  sliceMs: number,
): Promise<boolean> {
  for (let left = parts; left > 0; ) {
    const started = performance.now()
    do {
      const received = receiveMessageOnPort(port)
      if (received === undefined || !appendPart(owners, received.message as ListPart)) return false
      left--
    } while (left > 0 && performance.now() - started < sliceMs)
    if (left > 0) await nextTurn()
  }
  return true
}
