/**
 * `fields` without those that are undefined, in the order given: a filter the
 * caller left out is absent from the query, not present as `undefined`.
 */
export function definedFields<T extends Record<string, unknown>>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const defined: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) defined[key] = value
  return defined as { [K in keyof T]?: Exclude<T[K], undefined> }
}
