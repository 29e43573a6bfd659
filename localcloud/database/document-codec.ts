import { BSONRegExp, EJSON } from 'bson'
import { parseJsonText } from '../json-text'
import { errors } from '../errors'

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

/** What the SDK sends: EJSON strings (canonical, numbers wrapped), nested no deeper than MongoDB allows. */
export const decodeWire = (text: string): any => {
  const value = parseJsonText(
    text,
    why => errors.invalidParam(`query or data ${why}`),
    wire => EJSON.parse(wire, { relaxed: true })
  ) as Doc
  return text.includes('"$regularExpression"') ? withNativeRegExps(value) : value
}

/** db.RegExp arrives as a BSON regular expression; mingo matches with JavaScript RegExps. */
function withNativeRegExps(value: any): any {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^imsu]/g, ''))
  if (Array.isArray(value)) return value.map(withNativeRegExps)
  if (value && typeof value === 'object' && value.constructor === Object) {
    for (const key of Object.keys(value)) value[key] = withNativeRegExps(value[key])
  }
  return value
}

/** Documents back to the SDK, which reads them with EJSON.parse and so accepts relaxed EJSON. */
export const encodeWire = (value: unknown): string => EJSON.stringify(value as Doc, { relaxed: true })
export const encodeStored = encodeWire
