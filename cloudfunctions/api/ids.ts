import { createHash } from 'node:crypto'

/**
 * Ids derived from what makes a write unique (the actor, the request, the household…), so that a
 * retried request meets the document it made the first time. Hashing keeps openids out of ids that
 * other people see.
 */
export const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex')

/** `prefix` + the first `length` hex digits of the parts' hash. */
export const hashId = (prefix: string, length: number, ...parts: string[]) => prefix + hash(...parts).slice(0, length)

/** The error of adding a document whose id is taken: the write was already done (or done by another). */
export const isDuplicate = (e: any) => /duplicate/i.test(String(e?.errMsg ?? e?.message))
