export { type ClaimExtraction, extractClaims } from './extract-claims.js'
