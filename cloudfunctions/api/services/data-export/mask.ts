/**
 * Personal numbers never leave in an export: a mobile number anywhere in a document (a member's
 * phone, a note, an issue's text) keeps its first 3 and last 4 digits (138****5678), an ID-card
 * number its last 4 only, and the keyed hash of an ID number (people's `idHash`, which would let
 * anyone holding the key test guesses) is dropped. Landline numbers of offices (0838-1234567) stay.
 */
// bounded by anything but letters and digits, so that no run of digits inside an id or a hash is taken
const MOBILE = /(?<![0-9A-Za-z])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9A-Za-z])/g
const ID_NUMBER = /(?<![0-9A-Za-z])[0-9]{17}([0-9Xx])(?![0-9A-Za-z])/g
const ID_NUMBER_15 = /(?<![0-9A-Za-z])[0-9]{11}([0-9]{4})(?![0-9A-Za-z])/g
const DROPPED_FIELDS = new Set(['idHash'])

export const maskText = (text: string): string =>
  text
    .replace(ID_NUMBER, m => `${'*'.repeat(14)}${m.slice(-4)}`)
    .replace(ID_NUMBER_15, m => `${'*'.repeat(11)}${m.slice(-4)}`)
    .replace(MOBILE, (_m, head: string, tail: string) => `${head}****${tail}`)

/** A copy of the value with every personal number masked, however deep it sits. */
export function masked(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value)
  if (Array.isArray(value)) return value.map(masked)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, DROPPED_FIELDS.has(key) ? '' : masked(v)]))
  return value
}
