import { type Readable, Transform } from 'node:stream'
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js'
import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js'
import { parseJson } from './parse-json.js'

/** A line too long to take: its size and, when it could be read off its ends, its JSON-RPC id. */
export interface OversizeMessage {
  bytes: number
  /** The request's id as written (`7`, `"abc"`), or null when neither end shows it. */
  id: string | number | null
}

// Enough of each end of a long line to read an id written first or last.
const END = 512
const ID_LAST = /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.){0,200}")\s*\}\s*$/
const ID_FIRST =
  /^\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.){0,200}")/

function readId(head: string, tail: string): string | number | null {
  const found = ID_LAST.exec(tail)?.[1] ?? ID_FIRST.exec(head)?.[1]
  if (found === undefined) return null
  try {
    const id: unknown = JSON.parse(found)
    return typeof id === 'string' || typeof id === 'number' ? id : null
  } catch {
    return null
  }
}

/** Options of {@link limitLines}. */
export interface LimitLinesOptions {
  /**
   * Lines of more bytes than `bytes` (and at most the limit) are given to
   * `take` instead of the stream, without their newline, once the lines
   * before it have been read from the stream; the next line waits until its
   * promise settles, so that messages keep their order.
   */
  large?: { bytes: number; take: (line: Buffer) => Promise<void> }
}

/** Resolves once every line pushed to `stream` has been read from it. */
function drained(stream: Transform): Promise<void> {
  if (stream.readableLength === 0) return Promise.resolve()
  return new Promise((resolve) => {
    const read = () => {
      if (stream.readableLength > 0) return
      stream.off('data', read)
      resolve()
    }
    stream.on('data', read)
  })
}

/**
 * Newline-delimited messages from `input`, each whole line in one chunk, with
 * every line over `maxBytes` left out and told to `onOversize` instead: the
 * MCP SDK's stdio reader closes the transport on a message over its buffer,
 * which would end the session and every article added in it. Keeps at most
 * `maxBytes` of one line in memory.
 */
export function limitLines(
  input: Readable,
  maxBytes: number,
  onOversize: (message: OversizeMessage) => void,
  { large }: LimitLinesOptions = {},
): Readable {
  let parts: Buffer[] = []
  let size = 0
  let oversize = false
  let head = ''
  let tail = Buffer.alloc(0)

  const take = (piece: Buffer) => {
    size += piece.length
    if (!oversize && size <= maxBytes) return void parts.push(piece)
    if (oversize) {
      tail = Buffer.concat([tail, piece]).subarray(-END)
      return
    }
    // The line just passed the limit: keep its two ends, let go of the rest.
    oversize = true
    const all = Buffer.concat([...parts, piece])
    head = all.subarray(0, END).toString('utf8')
    tail = all.subarray(-END)
    parts = []
  }
  /** Ends the line read so far; a promise when it went to `large.take`. */
  const endLine = (stream: Transform): Promise<void> | undefined => {
    let taken: Promise<void> | undefined
    if (oversize) onOversize({ bytes: size, id: readId(head, tail.toString('utf8')) })
    else if (large !== undefined && size > large.bytes) {
      const line = Buffer.concat(parts)
      taken = drained(stream).then(() => large.take(line))
    } else stream.push(Buffer.concat([...parts, Buffer.from('\n')]))
    parts = []
    size = 0
    oversize = false
    head = ''
    tail = Buffer.alloc(0)
    return taken
  }
  /** Reads the lines of `chunk`; resolves once every large line among them is taken. */
  const readLines = async (stream: Transform, chunk: Buffer): Promise<void> => {
    let from = 0
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, from)) {
      take(chunk.subarray(from, at))
      from = at + 1
      const taken = endLine(stream)
      if (taken) await taken
    }
    if (from < chunk.length) take(chunk.subarray(from))
  }

  const lines = new Transform({
    // One line per chunk, never two lines joined by the stream's buffering.
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, callback) {
      readLines(this, chunk).then(() => callback(), callback)
    },
    flush(callback) {
      const taken = size > 0 ? endLine(this) : undefined
      if (taken) taken.then(() => callback(), callback)
      else callback()
    },
  })
  return input.pipe(lines)
}

/**
 * Hands a large stdio message to `transport` as its own reader would (a
 * JSON-RPC message to `onmessage`, a problem to `onerror`), parsed in a
 * worker thread (`parseJson`) rather than on the event loop: the `take` of
 * {@link LimitLinesOptions}.
 */
export async function deliverParsed(transport: Transport, line: Buffer): Promise<void> {
  try {
    transport.onmessage?.(JSONRPCMessageSchema.parse(await parseJson(line)))
  } catch (error) {
    transport.onerror?.(error as Error)
  }
}
