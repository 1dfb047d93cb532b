import { Worker } from 'node:worker_threads'
import type { JsonReply, JsonRequest } from './json-worker.js'

/**
 * Messages of more bytes than this are decoded and parsed in a worker thread:
 * a 10 MiB message of Cyrillic text takes 100 ms to decode and an escaped one
 * as long to parse, a turn of the event loop that every other call would wait
 * behind. Smaller ones take less than a few milliseconds here.
 */
export const PARSE_OFF_THREAD_BYTES = 1024 * 1024

let worker: Worker | null = null
let asked = 0
const waiting = new Map<
  number,
  { resolve: (value: unknown) => void; reject: (error: Error) => void }
>()

function started(): Worker {
  if (worker) return worker
  const fresh = new Worker(new URL('./json-worker.js', import.meta.url))
  // Idle, it must not keep the process alive.
  fresh.unref()
  fresh.on('message', (reply: JsonReply) => {
    const call = waiting.get(reply.id)
    waiting.delete(reply.id)
    if ('error' in reply) call?.reject(new SyntaxError(reply.error))
    else call?.resolve(reply.value)
  })
  const fail = (error: Error) => {
    if (worker === fresh) worker = null
    for (const call of waiting.values()) call.reject(error)
    waiting.clear()
  }
  fresh.once('error', fail)
  fresh.once('exit', (code) => fail(new Error(`the JSON parser stopped (exit code ${code})`)))
  worker = fresh
  return fresh
}

/**
 * The value of the UTF-8 JSON in `bytes`, as `JSON.parse(bytes.toString('utf8'))`
 * gives it, and rejects with a `SyntaxError` as it throws; over
 * {@link PARSE_OFF_THREAD_BYTES} the work is done in a worker thread, and
 * `bytes` is moved there: it is empty afterwards.
 */
export async function parseJson(bytes: Buffer): Promise<unknown> {
  if (bytes.length <= PARSE_OFF_THREAD_BYTES) return JSON.parse(bytes.toString('utf8'))
  const parser = started()
  const id = ++asked
  // A buffer of its own memory moves without a copy; a view into a larger one is copied.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
  const moved = (
    whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)
  ) as ArrayBuffer
  const value = new Promise((resolve, reject) => waiting.set(id, { resolve, reject }))
  const request: JsonRequest = { id, bytes: moved }
  parser.ref()
  parser.postMessage(request, [moved])
  try {
    return await value
  } finally {
    if (waiting.size === 0) parser.unref()
  }
}
