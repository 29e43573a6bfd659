import { EJSON } from 'bson'

/**
 * Documents are kept as relaxed Extended JSON: numbers stay plain JSON numbers, so SQLite's
 * json_extract can index and compare them; dates and other BSON types keep their EJSON wrappers.
 */
export type Doc = Record<string, any>

export const encodeStored = (doc: Doc): string => EJSON.stringify(doc, { relaxed: true })
export const decodeStored = (text: string): Doc => EJSON.parse(text, { relaxed: true }) as Doc

/** What the SDK sends (canonical EJSON strings) and expects back in lists. */
export const decodeWire = (text: string): any => EJSON.parse(text, { relaxed: true })
export const encodeWire = (value: unknown): string => EJSON.stringify(value as Doc, { relaxed: false })
