import { type Readable, Transform } from 'node:stream'

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
  const endLine = (stream: Transform) => {
    if (oversize) onOversize({ bytes: size, id: readId(head, tail.toString('utf8')) })
    else stream.push(Buffer.concat([...parts, Buffer.from('\n')]))
    parts = []
    size = 0
    oversize = false
    head = ''
    tail = Buffer.alloc(0)
  }

  const lines = new Transform({
    // One line per chunk, never two lines joined by the stream's buffering.
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, callback) {
      let from = 0
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, from)) {
        take(chunk.subarray(from, at))
        endLine(this)
        from = at + 1
      }
      if (from < chunk.length) take(chunk.subarray(from))
      callback()
    },
    flush(callback) {
      if (size > 0) endLine(this)
      callback()
    },
  })
  return input.pipe(lines)
}
