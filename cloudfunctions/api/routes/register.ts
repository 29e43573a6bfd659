import { createHash } from 'node:crypto'
import { periodKeys } from '../../../core/domain/period'
import {
  parseRegister,
  REGISTER_BYTES_MAX,
  REGISTER_PROBLEMS_SHOWN_MAX,
  RegisterHousehold,
  RegisterProblem
} from '../../../core/domain/register'
import type { ImportDoc, PlaceDoc } from '../../shared/data/documents'
import { idFor } from '../../shared/data/ids'
import { toImportProgress } from '../../shared/data/views'
import { data } from '../../shared/data/store'
import { actorName } from '../router/identity'
import { roles, RouteCtx, Routes } from '../router/route'
import { villageIdOf, villageInScope } from '../services/county-scope'
import { publishFile, readUploadedFile } from '../services/files'
import { childPlaces } from '../services/places'
import { addCounts, applyHouseholds, countIntoVillage, zeroCounts } from '../services/register/apply'
import { countsOf, planImport } from '../services/register/import'
import { registerTemplate, readRegister } from '../services/register/xlsx'

/**
 * The register's import (花名册导入): a cadre for their village, a town administrator for any village
 * of the town. Template → upload → preview (nothing written) → apply, in bounded steps.
 */
const WHO = roles('cadre', 'townAdmin')

/** Households an apply call writes before it answers, so that a call stays far inside the time limit. */
const HOUSEHOLDS_PER_CALL = 500
/** …and the time it may spend writing them (the api's timeout is 60 s, cloudfunctions/api/config.json). */
const APPLY_BUDGET_MS = 30_000

async function villagePlaces(ctx: RouteCtx, villageId: string) {
  const places = await childPlaces(ctx, [villageId])
  const names = (kind: string) => places.filter(p => p.kind === kind).sort((a, b) => a.name.localeCompare(b.name))
  return {
    groups: new Map(names('group').map(p => [p.name, p._id])),
    grids: new Map(names('grid').map(p => [p.name, p._id]))
  }
}

/** The file read, checked and planned: what preview shows and apply does. */
async function readAndPlan(ctx: RouteCtx, asked: string | undefined, fileId: string) {
  const villageId = villageIdOf(ctx, asked)
  const village = await villageInScope(ctx, villageId, ['cadre', 'townAdmin'])
  const [content, places] = await Promise.all([
    readUploadedFile(ctx, fileId, REGISTER_BYTES_MAX),
    villagePlaces(ctx, villageId)
  ])
  const rows = await readRegister(content)
  const parsed = parseRegister(rows, places, Number(periodKeys(ctx.now()).year))
  // one import per village and file content: the same upload resumes, never starts over
  const importId = idFor('import', villageId, fileId, createHash('sha256').update(content).digest('hex'))
  // a stable order, so that a resumed apply continues where the last call stopped
  const households: RegisterHousehold[] = [...parsed.households].sort((a, b) => a.plateKey.localeCompare(b.plateKey))
  const { plans, problems } = await planImport(ctx, village, importId, households)
  const allProblems: RegisterProblem[] = [...parsed.problems, ...problems].sort((a, b) => a.row - b.row)
  return { village, importId, rows: parsed.rows, plans, problems: allProblems }
}

export const registerRoutes = {
  'register.template': {
    access: WHO,
    scope: 'area',
    async handle({ villageId: asked }, ctx) {
      const villageId = villageIdOf(ctx, asked)
      const village = await villageInScope(ctx, villageId, ['cadre', 'townAdmin'])
      const { groups, grids } = await villagePlaces(ctx, villageId)
      const file = await registerTemplate([...groups.keys()], [...grids.keys()])
      return publishFile(ctx, `${village.name}花名册模板.xlsx`, file, 1)
    }
  },

  'register.preview': {
    access: WHO,
    scope: 'area',
    async handle({ villageId: asked, fileId }, ctx) {
      const villageId = villageIdOf(ctx, asked)
      const { village, importId, rows, plans, problems } = await readAndPlan(ctx, villageId, fileId)
      return {
        importId,
        rows,
        ...countsOf(plans),
        changes: plans
          .filter(p => p.state === 'change')
          .slice(0, 50)
          .map(p => ({ doorPlate: p.source.doorPlate, what: p.what })),
        problems: problems.slice(0, REGISTER_PROBLEMS_SHOWN_MAX),
        problemCount: problems.length,
        villageName: village.name
      }
    }
  },

  /**
   * Applies an import in bounded steps; the client calls again, with a new request id, until it is
   * done. Its writes are keyed by the import (the file's content) and each household's plate, so the
   * next call resumes. A step is claimed by its request id like any write: a duplicate of a step in
   * flight waits for it and answers with its progress, instead of running beside it and answering
   * with counts of its own that describe nothing stored.
   */
  'register.apply': {
    access: WHO,
    scope: 'area',
    audit: 'register.import',
    async handle({ villageId: asked, fileId }, ctx) {
      const villageId = villageIdOf(ctx, asked)
      const started = Date.now()
      const { village, importId, plans, problems } = await readAndPlan(ctx, villageId, fileId)
      const progress = await importDoc(ctx, village, importId, fileId, plans.length, problems.length)
      if (progress.state === 'done') return toImportProgress(progress)

      let counts = zeroCounts()
      let handled = progress.handled
      while (handled < plans.length && handled - progress.handled < HOUSEHOLDS_PER_CALL) {
        if (Date.now() - started > APPLY_BUDGET_MS) break
        const step = plans.slice(handled, Math.min(handled + 100, progress.handled + HOUSEHOLDS_PER_CALL))
        counts = addCounts(counts, await applyHouseholds(ctx, village, step))
        handled += step.length
      }
      await countIntoVillage(ctx, villageId, counts)
      const done = handled >= plans.length
      const _ = ctx.db.command
      const total = addCounts(progress, counts)
      await data(ctx).imports.update(importId, {
        handled,
        state: done ? 'done' : 'running',
        updatedAt: ctx.now(),
        ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, _.inc(v)]))
      })
      if (done)
        ctx.audit.record({
          target: `${village.name} ${plans.length}户`,
          before: null,
          after: { ...total, problems: problems.length },
          placeId: villageId
        })
      return toImportProgress({ ...progress, ...total, handled, state: done ? 'done' : 'running' })
    }
  }
} satisfies Partial<Routes>

async function importDoc(
  ctx: RouteCtx,
  village: PlaceDoc,
  importId: string,
  fileId: string,
  total: number,
  problemCount: number
): Promise<ImportDoc> {
  const imports = data(ctx).imports
  const found = await imports.get(importId)
  if (found) return found
  const doc: ImportDoc = {
    _id: importId,
    villageId: village._id,
    townId: village.parentId ?? '',
    fileId,
    by: ctx.openid,
    byName: actorName(ctx),
    state: 'running',
    handled: 0,
    total,
    problemCount,
    startedAt: ctx.now(),
    updatedAt: ctx.now(),
    ...zeroCounts()
  }
  return (await imports.add(doc)) ? doc : (await imports.get(importId))!
}
