import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'

/** `fact_check_story`: the order of tool calls that checks one story, or one claim in it, against every outlet. */
export function registerFactCheckStory(server: McpServer): void {
  server.registerPrompt(
    'fact_check_story',
    {
      title: 'Fact-check the story',
      description:
        'Check a story (or one claim in it) across every outlet that reports it: who said what, in which words, and where the reports disagree, with evidence.',
      argsSchema: {
        story: z
          .string()
          .optional()
          .describe(
            'A story id from list_stories; default: the story the claim is in, or the largest.',
          ),
        claim: z
          .string()
          .optional()
          .describe(
            'A claim or quote to check, e.g. "El Salvador will charge a fee"; default the whole story.',
          ),
      },
    },
    ({ story, claim }) => {
      const subject = claim?.trim()
      const storyId = story?.trim() || undefined
      const withStory = storyId ? ` with story "${storyId}"` : ''
      const steps = subject
        ? [
            `Fact-check this claim against the news reports in the Corroborate corpus: "${subject}".`,
            storyId
              ? `1. Call list_sources to see which articles (outlets, dates) the corpus holds; story "${storyId}" is the one to check.`
              : '1. Call list_stories to see the stories the corpus holds (the articles that report one event), then list_sources for the articles (outlets, dates).',
            `2. Call search with the claim's key words (a short exact phrase in double quotes when you have one) to find the sentences, quotes and claims that carry it; the articles it is in tell you its story.`,
            `3. For each quote hit, call get_quotes${withStory} with contains (or with the cluster ids it returns) to see how each outlet words it and to whom each attributes it.`,
            `4. Call list_disputed_claims with the story of the claim${storyId ? ` ("${storyId}")` : ''} (and article for the articles that carry it) to see attribution, wording, fact and contested disputes about it.`,
            '5. Where a dispute has needsJudgement or the evidence is thin, call get_article with original=true and read around the spans.',
          ]
        : [
            storyId
              ? `Fact-check story "${storyId}" as the news reports in the Corroborate corpus tell it.`
              : 'Fact-check a story told by the news reports in the Corroborate corpus.',
            storyId
              ? '1. Call list_stories to learn the story’s label, articles, outlets and dates, and list_sources for each article.'
              : '1. Call list_stories: the corpus may hold several stories (the articles that report one event). Check the largest unless the user asked about another; call list_sources for each article’s outlet and date.',
            '2. Call get_speakers to learn who is quoted and under which names and roles.',
            `3. Call list_disputed_claims with the story${storyId ? ` ("${storyId}")` : '’s id'}, then page with nextCursor until you have them all: attribution (the same words given to different people), wording (a statement quoted differently), fact (numbers, dates or places that do not meet) and contested (someone denies or criticizes a claim).`,
            `4. Call compare_sources with the story${storyId ? ` ("${storyId}")` : '’s id'} to see which statements and facts the outlets corroborate, and what only one outlet reports.`,
            `5. Where a dispute has needsJudgement or the evidence is thin, call get_quotes${withStory} (by cluster or speaker) or get_article with original=true and read around the spans.`,
          ]
      steps.push(
        'Then report: what is corroborated by several outlets, what is disputed and between whom, and what rests on a single source. Cite every point by article id and quote the exact words; do not state as fact what only one outlet says.',
      )
      return {
        messages: [{ role: 'user', content: { type: 'text', text: steps.join('\n') } }],
      }
    },
  )
}
