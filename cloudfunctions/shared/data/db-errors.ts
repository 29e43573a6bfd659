/**
 * The one place that recognises the database's errors. wx-server-sdk rejects with objects whose
 * `errCode`/`code` and message vary between the cloud and the SDK's own checks; everything else in the
 * functions asks these questions instead of matching messages itself.
 */
type DbError = { errCode?: number; code?: string | number; errMsg?: string; message?: string }

const messageOf = (e: unknown) => {
  const err = (e ?? {}) as DbError
  return String(err.errMsg ?? err.message ?? e)
}

/** A document with this _id exists already (an insert met an earlier insert of the same request). */
export const isDuplicate = (e: unknown) => /duplicate/i.test(messageOf(e))

/**
 * The transaction is gone: the database ended it after it idled too long (its next call was starved
 * of its turn under load). Nothing of it was written, so it may be run again; and it is not a missing
 * document, which its message ("transaction … does not exist") would otherwise read as.
 */
export const isTransactionGone = (e: unknown) => /transaction\b.*(not exist|timed out)/i.test(messageOf(e))

/** The document asked for by id does not exist (the SDK rejects a missing document). */
export const isNotFound = (e: unknown) => !isTransactionGone(e) && /does not exist|not exist|不存在/i.test(messageOf(e))

/** The collection exists already (setup creating collections a second time). */
export const isCollectionExisting = (e: unknown) => /exist/i.test(messageOf(e))

/** Another transaction changed what this one read; the work may be retried. */
export function isConflict(e: unknown) {
  const err = (e ?? {}) as DbError
  return (
    err.code === 'DATABASE_TRANSACTION_CONFLICT' || (err.errCode === -501001 && /conflict|冲突/i.test(messageOf(e)))
  )
}

export const describeError = messageOf
