export { type ResolvedSpeakers, resolveSpeakers } from './resolve-speakers.js'
