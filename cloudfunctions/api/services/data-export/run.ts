import declaration from '../../../../core/collections.json'
import { COLLECTION_LABELS, DataExportProgress } from '../../../../core/contract/data-export'
import { AppError } from '../../../../core/contract/errors'
import type { CollectionName, DataExportDoc } from '../../../shared/data/documents'
import { SCHEMA_VERSION } from '../../../shared/data/schema-version'
import { fileContent, temporaryUrls } from '../../../shared/data/storage'
import { Collection, data } from '../../../shared/data/store'
import type { RouteCtx } from '../../router/route'
import { masked } from './mask'
import { AnyDoc, belongsTo } from './scope'

/**
 * All the data out, a bounded piece per call: each collection is walked by `_id` in batches, each
 * batch's documents of the county or town are masked and written to storage as one JSON-lines part
 * (at a path fixed by the part's number, so a call that died after writing a part and before
 * recording it writes the same part again, over it), and the progress is recorded after every part.
 * When every collection is walked, a call of its own packs the parts into one .zip.
 */

/** Not exported: the router's stored replies, the migrations' progress and the exports themselves. */
const LEFT_OUT = new Set(['requests', 'migrations', 'dataExports'])
export const EXPORTED_COLLECTIONS = (Object.keys(declaration.collections) as CollectionName[]).filter(
  c => !LEFT_OUT.has(c)
)

/** documents read per batch (the SDK's most per query) */
const BATCH_DOCS_MAX = 1000
/** the packing downloads every part and holds the archive: a county too big for it exports town by town */
const PACK_BYTES_MAX = 200 * 1024 * 1024

export interface ExportBudget {
  /** how long one call may walk before it answers (the api's timeout is 60 s) */
  walkMs: number
}
export const CALL_BUDGET: ExportBudget = { walkMs: 20_000 }

/** Walks on from where the export stopped until the budget is spent; packs when all is walked. */
export async function continueExport(ctx: RouteCtx, doc: DataExportDoc, budget = CALL_BUDGET): Promise<DataExportDoc> {
  if (doc.state === 'done') return doc
  const startedMs = Date.now()
  const belongs = await belongsTo(ctx, doc.townId)
  let progress = doc
  const walking = progress.collectionIndex < EXPORTED_COLLECTIONS.length
  while (progress.collectionIndex < EXPORTED_COLLECTIONS.length) {
    progress = await walkBatch(ctx, progress, belongs)
    await data(ctx).dataExports.set(progress)
    // checked after a batch, so that every call moves on however little time it has
    if (Date.now() - startedMs >= budget.walkMs) return progress
  }
  // packing gets a call of its own unless this one has used little of its time
  if (walking && Date.now() - startedMs >= budget.walkMs / 2) return progress
  const packed = await pack(ctx, progress)
  await data(ctx).dataExports.set(packed)
  return packed
}

async function walkBatch(ctx: RouteCtx, doc: DataExportDoc, belongs: Awaited<ReturnType<typeof belongsTo>>) {
  const collection = EXPORTED_COLLECTIONS[doc.collectionIndex]
  const batch = await new Collection<AnyDoc>(ctx.db, collection).find(
    { _id: ctx.db.command.gt(doc.lastId) },
    { orderBy: [['_id', 'asc']], limit: BATCH_DOCS_MAX }
  )
  const kept = await belongs(collection, batch)
  const parts = [...doc.parts]
  if (kept.length) {
    const text = kept.map(d => JSON.stringify(masked(d))).join('\n') + '\n'
    const partNo = parts.filter(p => p.collection === collection).length
    const cloudPath = `data-exports/${doc._id}/${collection}/${String(partNo).padStart(6, '0')}.jsonl`
    const content = Buffer.from(text, 'utf8')
    const uploaded = await ctx.storage.uploadFile({ cloudPath, fileContent: content })
    parts.push({ collection, fileId: uploaded.fileID, lines: kept.length, bytes: content.length })
  }
  const atEnd = batch.length < BATCH_DOCS_MAX
  return {
    ...doc,
    parts,
    collectionIndex: atEnd ? doc.collectionIndex + 1 : doc.collectionIndex,
    lastId: atEnd ? '' : batch[batch.length - 1]._id,
    updatedAt: ctx.now()
  }
}

/** The parts, collection by collection, as one .zip with a manifest; deflated. */
async function pack(ctx: RouteCtx, doc: DataExportDoc): Promise<DataExportDoc> {
  const bytes = doc.parts.reduce((n, p) => n + p.bytes, 0)
  if (bytes > PACK_BYTES_MAX) throw new AppError('INVALID_INPUT', '数据太多，一次导不完，请按镇街分别导出')
  const { default: JSZip } = await import('jszip')
  const zip = new JSZip()
  const counts: Record<string, number> = {}
  for (const collection of EXPORTED_COLLECTIONS) {
    const parts = doc.parts.filter(p => p.collection === collection)
    const contents = await Promise.all(parts.map(p => fileContent(ctx, p.fileId)))
    zip.file(`${collection}.jsonl`, Buffer.concat(contents))
    counts[collection] = parts.reduce((n, p) => n + p.lines, 0)
  }
  const manifest = {
    format: 'xiangcun-jifen-data-export',
    schemaVersion: SCHEMA_VERSION,
    townId: doc.townId,
    placeName: doc.placeName,
    exportedAt: ctx.now(),
    by: doc.byName,
    masked: '手机号只留前3位和后4位，身份证号只留后4位，身份证号的哈希不导出',
    counts
  }
  zip.file('manifest.json', JSON.stringify(manifest, null, 2))
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
  // the name the user sees travels beside the file: cloud paths are kept to plain characters
  const cloudPath = `data-exports/${doc._id}/archive.zip`
  const uploaded = await ctx.storage.uploadFile({ cloudPath, fileContent: content })
  return { ...doc, state: 'done', fileId: uploaded.fileID, updatedAt: ctx.now() }
}

/** What the page shows of an export. */
export async function progressOf(ctx: RouteCtx, doc: DataExportDoc): Promise<DataExportProgress> {
  const lines = new Map<string, number>()
  for (const p of doc.parts) lines.set(p.collection, (lines.get(p.collection) ?? 0) + p.lines)
  const total = doc.parts.reduce((n, p) => n + p.lines, 0)
  const walking = EXPORTED_COLLECTIONS[doc.collectionIndex]
  const url = doc.fileId ? (await temporaryUrls(ctx, [doc.fileId])).get(doc.fileId) : undefined
  return {
    exportId: doc._id,
    placeName: doc.placeName,
    done: doc.state === 'done',
    lines: total,
    collections: [...lines].map(([name, n]) => ({ name, label: COLLECTION_LABELS[name] ?? name, lines: n })),
    step: doc.state === 'done' ? '已打包' : walking ? `正在导出${COLLECTION_LABELS[walking] ?? walking}` : '正在打包',
    file: doc.fileId && url ? { url, fileName: doc.fileName, rows: total } : null
  }
}
