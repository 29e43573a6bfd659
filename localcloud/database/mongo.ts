import 'mingo/init/system'
import { Aggregator, Query } from 'mingo'
import { update as mingoUpdate } from 'mingo/updater'
import type { Doc } from './document-codec'
import { errors } from '../errors'

/** MongoDB semantics, from mingo: matching, projection, update operators and aggregation. */

export const matcher = (query: Doc) => {
  try {
    return new Query(query)
  } catch (e: any) {
    throw errors.invalidCommand(`invalid query: ${e?.message ?? e}`)
  }
}

export function project(doc: Doc, projection: Doc | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return doc
  return new Query({}).find([doc], projection).all()[0] as Doc
}

const isOperatorDoc = (data: Doc) => Object.keys(data).some(k => k.startsWith('$'))

/**
 * Applies what modifyDocument carries: with merge, update operators (plain fields become $set);
 * without merge, a replacement of everything but `_id`. Returns the new document.
 */
export function applyUpdate(current: Doc, data: Doc, merge: boolean): Doc {
  if (!merge) {
    if (isOperatorDoc(data)) throw errors.invalidCommand('update operators are not allowed when replacing a document')
    return { ...data, _id: current._id }
  }
  const next = structuredClone(current)
  const operations = isOperatorDoc(data) ? data : { $set: data }
  for (const [op, fields] of Object.entries(operations)) {
    if (!op.startsWith('$')) throw errors.invalidCommand(`cannot mix update operators and fields: ${op}`)
    if (fields && typeof fields === 'object' && '_id' in fields) throw errors.invalidParam('不能更新_id的值')
    try {
      mingoUpdate(next, { [op]: fields } as any)
    } catch (e: any) {
      throw errors.invalidCommand(`invalid update ${op}: ${e?.message ?? e}`)
    }
  }
  return next
}

export function aggregate(pipeline: Doc[], docs: Iterable<Doc>): Doc[] {
  try {
    return new Aggregator(pipeline as any).run(Array.from(docs)) as Doc[]
  } catch (e: any) {
    throw errors.invalidCommand(`invalid aggregation: ${e?.message ?? e}`)
  }
}
