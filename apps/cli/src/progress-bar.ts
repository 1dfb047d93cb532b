/** Where a progress bar draws: a stream with a width, like process.stderr. */
export interface ProgressStream {
  write(text: string): unknown
  columns?: number
}

/**
 * A one-line progress bar redrawn in place ("\r") on stderr, so that stdout
 * keeps only the report. `done()` clears the line.
 */
export function progressBar(stream: ProgressStream, total: number, label: string) {
  let last = ''
  const width = () => Math.max(10, Math.min(40, (stream.columns ?? 80) - 40))
  return {
    update(done: number, item: string) {
      const filled = Math.round((done / Math.max(1, total)) * width())
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width() - filled)}`
      const name = item.length > 24 ? `…${item.slice(-23)}` : item
      const line = `${label} ${bar} ${done}/${total} ${name}`
      if (line === last) return
      last = line
      stream.write(`\r\x1b[2K${line}`)
    },
    done() {
      if (last !== '') stream.write('\r\x1b[2K')
      last = ''
    },
  }
}
