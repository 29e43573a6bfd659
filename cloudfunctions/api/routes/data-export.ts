import { AppError } from '../../../core/contract/errors'
import { dayOf } from '../../../core/domain/seal'
import type { DataExportDoc } from '../../shared/data/documents'
import { idFor } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { actorName } from '../router/identity'
import { roles, RouteCtx, Routes } from '../router/route'
import { CALL_BUDGET, continueExport, ExportBudget, progressOf } from '../services/data-export/run'

/**
 * 导出全部数据: a county administrator exports the county (or one town), a town administrator their
 * town; each call carries the export on for a bounded time (services/data-export/run.ts) and says how
 * far it is. The audit trail records the start and the finished archive.
 */
export const dataExportRoutes = {
  'dataExport.run': runExport(CALL_BUDGET)
} satisfies Partial<Routes>

/** The route, with how much of a call the export may use (the tests give it nothing, to make many calls). */
export function runExport(budget: ExportBudget): Routes['dataExport.run'] {
  return {
    access: roles('townAdmin', 'countyAdmin'),
    scope: 'area',
    audit: 'dataExport.run',
    async handle({ requestId, exportId, townId }, ctx) {
      const before = exportId ? await exportInScope(ctx, exportId) : await startExport(ctx, requestId, townId ?? null)
      const after = await continueExport(ctx, before, budget)
      const lines = after.parts.reduce((n, p) => n + p.lines, 0)
      const placeId = after.townId ?? undefined
      if (!exportId) ctx.audit.record({ placeId, target: before.placeName, before: null, after: { started: true } })
      else if (before.state !== 'done' && after.state === 'done')
        ctx.audit.record({ placeId, target: after.placeName, before: null, after: { lines, file: after.fileName } })
      return progressOf(ctx, after)
    }
  }
}

/** A town administrator exports their own town; a county administrator the county or any town. */
function townOf(ctx: RouteCtx<'area'>, asked: string | null): string | null {
  const { scope } = ctx
  if (scope.county) return asked
  if (!scope.townId || (asked && asked !== scope.townId)) throw new AppError('FORBIDDEN', '只能导出本镇街的数据')
  return scope.townId
}

async function startExport(ctx: RouteCtx<'area'>, requestId: string, asked: string | null): Promise<DataExportDoc> {
  const townId = townOf(ctx, asked)
  const town = townId ? await data(ctx).places.get(townId) : null
  if (townId && town?.kind !== 'town') throw new AppError('NOT_FOUND', '没有找到这个镇街')
  const placeName = town?.name ?? '全县'
  const doc: DataExportDoc = {
    _id: idFor('dataExport', ctx.openid, requestId),
    townId,
    placeName,
    by: ctx.openid,
    byName: actorName(ctx),
    state: 'walking',
    collectionIndex: 0,
    lastId: '',
    parts: [],
    fileId: null,
    fileName: `${placeName}全部数据-${dayOf(ctx.now())}.zip`,
    startedAt: ctx.now(),
    updatedAt: ctx.now()
  }
  await data(ctx).dataExports.set(doc)
  return doc
}

async function exportInScope(ctx: RouteCtx<'area'>, exportId: string): Promise<DataExportDoc> {
  const doc = await data(ctx).dataExports.get(exportId)
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这次导出，请重新开始')
  if (!ctx.scope.county && doc.townId !== ctx.scope.townId) throw new AppError('FORBIDDEN', '只能导出本镇街的数据')
  return doc
}
