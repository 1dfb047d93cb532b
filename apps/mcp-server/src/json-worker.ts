import { parentPort } from 'node:worker_threads'

/** A message's bytes (UTF-8 JSON) to parse, and the id its answer carries. */
export interface JsonRequest {
  id: number
  bytes: ArrayBuffer
}

/** The parsed value, or the message of the `SyntaxError` that parsing threw. */
export type JsonReply = { id: number; value: unknown } | { id: number; error: string }

const port = parentPort
if (!port) throw new Error('json-worker runs as a worker thread of the MCP server')
port.on('message', ({ id, bytes }: JsonRequest) => {
  let reply: JsonReply
  try {
    // Decoded as the SDK decodes a message (Buffer's UTF-8, U+FFFD for invalid bytes).
    reply = { id, value: JSON.parse(Buffer.from(bytes).toString('utf8')) }
  } catch (error) {
    reply = { id, error: (error as Error).message }
  }
  port.postMessage(reply)
})
