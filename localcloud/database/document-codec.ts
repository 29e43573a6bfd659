import { EJSON } from 'bson'

/**
 * Documents are kept as relaxed Extended JSON: numbers stay plain JSON numbers, so SQLite's
 * json_extract can index and compare them; dates and other BSON types keep their EJSON wrappers
 * ({"$date": …}). Most documents hold no such type, and plain JSON is several times faster than
 * EJSON, so text without a "$" key takes the plain path; both paths give the same values.
 */
export type Doc = Record<string, any>

const mayHoldBsonTypes = (text: string) => text.includes('"$')

export const decodeStored = (text: string): Doc =>
  mayHoldBsonTypes(text) ? (EJSON.parse(text, { relaxed: true }) as Doc) : JSON.parse(text)

/** What the SDK sends: EJSON strings (canonical, numbers wrapped). */
export const decodeWire = (text: string): any => EJSON.parse(text, { relaxed: true })

/** Documents back to the SDK, which reads them with EJSON.parse and so accepts relaxed EJSON. */
export const encodeWire = (value: unknown): string => EJSON.stringify(value as Doc, { relaxed: true })
export const encodeStored = encodeWire
