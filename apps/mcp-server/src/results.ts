import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'

/** A tool's answer: the same JSON as structured content and as text, for clients that read either. */
export function ok(data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(data) }], structuredContent: data }
}

/** A tool failure the model can recover from: what went wrong and what to call instead. */
export function fail(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] }
}
