import { open, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { MessageChannel } from 'node:worker_threads'

/**
 * Which stored articles a saved story index holds: those added up to `seq`
 * (`size` of them, the last `last`), placed in that order.
 */
export interface SnapshotMark {
  seq: number
  size: number
  last: string | null
}

// File: this magic (u32), the mark's length (u32), the mark (UTF-8 JSON) padded to 8 bytes,
// then the core's snapshot, so that its typed arrays are read where they lie.
const MAGIC = 0x31495343
const pad8 = (n: number) => (n + 7) & ~7

/** Where a PGlite store on disk keeps its story index between runs. */
export const snapshotPath = (dataDir: string) => join(dataDir, 'story-index.snapshot')

/**
 * Writes a saved index whole or not at all: into a file beside it, flushed,
 * then renamed over the old one (a kill leaves the old one or the new one).
 */
export async function writeIndexSnapshot(
  path: string,
  mark: SnapshotMark,
  snapshot: Uint8Array,
): Promise<void> {
  const markBytes = new TextEncoder().encode(JSON.stringify(mark))
  const head = new Uint8Array(pad8(8 + markBytes.length)).fill(0x20)
  const view = new DataView(head.buffer)
  view.setUint32(0, MAGIC, true)
  view.setUint32(4, markBytes.length, true)
  head.set(markBytes, 8)
  const temporary = `${path}.tmp`
  const handle = await open(temporary, 'w')
  try {
    await handle.writev([head, snapshot])
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temporary, path)
}

/**
 * A saved index and its mark; null when there is none.
 * @throws Error when the file is not one `writeIndexSnapshot` made.
 */
export async function readIndexSnapshot(
  path: string,
): Promise<{ mark: SnapshotMark; snapshot: Uint8Array } | null> {
  let bytes: Buffer
  try {
    bytes = await readWhole(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length < 8 || view.getUint32(0, true) !== MAGIC)
    throw new Error('it does not start as a saved story index does')
  const length = view.getUint32(4, true)
  if (8 + length > bytes.length) throw new Error('it ends inside its mark')
  const mark = JSON.parse(bytes.subarray(8, 8 + length).toString('utf8')) as SnapshotMark
  if (!Number.isSafeInteger(mark?.seq) || !Number.isSafeInteger(mark?.size))
    throw new Error('its mark names no articles')
  return { mark, snapshot: bytes.subarray(pad8(8 + length)) }
}

/**
 * A file's bytes in as few reads as the system gives: readFile reads 512 KiB at a
 * time, each waiting for a turn of the event loop, so that a busy server took
 * seconds over a saved index of 34 MB.
 */
async function readWhole(path: string): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    // Never a slice of Node's shared pool: the file's memory is its own, for releaseSnapshot.
    const bytes = Buffer.allocUnsafeSlow(size)
    let at = 0
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at)
      if (bytesRead === 0) break
      at += bytesRead
    }
    return at === size ? bytes : bytes.subarray(0, at)
  } finally {
    await handle.close()
  }
}

/**
 * Gives a saved index's bytes, as `readIndexSnapshot` read them, back to the system
 * at once: their buffer is moved into a message that is never read, freed when its
 * channel closes. Left to the collector, the 36 MB of a 10,000-article store's index
 * stayed in the server's memory until V8's next full collection, through every read and
 * add of a restart bench. The index restored from them holds copies, no view of them.
 */
export function releaseSnapshot(snapshot: Uint8Array): void {
  const { port1, port2 } = new MessageChannel()
  port1.postMessage(null, [snapshot.buffer as ArrayBuffer])
  port1.close()
  port2.close()
}

/** Removes a saved index (the stored profiles changed under it). */
export async function removeIndexSnapshot(path: string): Promise<void> {
  await rm(path, { force: true })
}
