import { expect } from 'vitest'
import { CorroborateError, isCorroborateError } from '../src/index.js'

/** The CorroborateError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<CorroborateError> {
  try {
    await promise
  } catch (error) {
    expect(isCorroborateError(error)).toBe(true)
    expect(error).toBeInstanceOf(CorroborateError)
    return error as CorroborateError
  }
  throw new Error('expected a rejection')
}
