import { createHash } from 'node:crypto'
import { expect, it } from 'vitest'
import { MIGRATIONS } from '../src/migrations.js'

// The SHA-256 of each released step's SQL, by version: a store migrated by an earlier
// build ran exactly this, so a step is never edited (a change is a new step).
const RELEASED = [
  '7be478bb47e56fa55d94ce63c0c9f2e039cf32a90e14961d64780c6dcf5a8260',
  '06d87c59a22387675fad7240233b269bd72e17a3b1ef15ddae5db852decdbb07',
  '7ea4096aea9d1698ef6d9152a991850d0189f3490ea507f1e107a75f4b8e941a',
  '5e2ea096fc65fbdfd4c2730d236d74a5efc8ccd70c2d05571f8264a015971bbe',
  '3c08721f6b8a2b7830e52c8e2698612354a694ad907a696b9a207f8847b6882e',
  '66b84cc2369a57f8f023567c60cfb5692b0b7e7d163ca08b7166b41dea698aa1',
  '03da1c5e319b40923af3aa020f3ba98dd10b6ab1641bde5224eb05b561f048b2',
]

it('runs the SQL of each released schema step as it was released', () => {
  const sha256 = (sql: string) => createHash('sha256').update(sql).digest('hex')
  expect(MIGRATIONS.map((step) => step.version).slice(0, RELEASED.length)).toEqual([
    1, 2, 3, 4, 5, 6, 7,
  ])
  expect(MIGRATIONS.slice(0, RELEASED.length).map((step) => sha256(step.sql))).toEqual(RELEASED)
})
