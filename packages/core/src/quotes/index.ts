export { extractQuotes, type QuoteExtraction } from './extract-quotes.js'
export { parseSpeakerMention, type SpeakerMention } from './speaker-mention.js'
