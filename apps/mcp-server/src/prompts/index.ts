import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { registerCompareCoverage } from './compare-coverage.js'
import { registerFactCheckStory } from './fact-check-story.js'

/** Registers every prompt of the server. */
export function registerPrompts(server: McpServer): void {
  registerFactCheckStory(server)
  registerCompareCoverage(server)
}
