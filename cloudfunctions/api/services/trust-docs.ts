import type { Ctx } from '../../shared/context'
import { isNotFound } from '../../shared/data/db-errors'

/**
 * A document by id from any collection (the seals, which the typed store does not list, among them),
 * or null: wx-server-sdk rejects a missing document, which is not an error here.
 */
export async function getDoc<T>(ctx: Pick<Ctx, 'db'>, collection: string, id: string): Promise<T | null> {
  try {
    const res = (await ctx.db.collection(collection).doc(id).get()) as unknown as { data: T }
    return res.data ?? null
  } catch (e) {
    if (isNotFound(e)) return null
    throw e
  }
}
