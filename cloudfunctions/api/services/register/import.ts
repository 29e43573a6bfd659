import type { ImportCounts } from '../../../../core/contract/county'
import { RegisterHousehold, RegisterPerson, RegisterProblem } from '../../../../core/domain/register'
import type { Ctx } from '../../../shared/context'
import type { HouseholdDoc, HouseholdMember, PersonDoc, PlaceDoc } from '../../../shared/data/documents'
import { idFor } from '../../../shared/data/ids'
import { Collection, data, QUERY_LIMIT_MAX } from '../../../shared/data/store'
import { mapWithLimit } from '../../../shared/limit'
import { doorPlateKey } from './door-plates'
import { idHashKey, storedNumbers } from './privacy'

/**
 * What importing a register's households would do to the archive, household by household: add,
 * change (and what), or leave as it is. A household is found by its village and door plate (the
 * plate's key document), a person by household and name (and ID number when both have one). Reads
 * only: the preview shows this plan, the apply carries it out.
 */

/** `in` queries are bounded by the cloud's 1,000 rows per read. */
const READ_CHUNK = 500
const READ_PARALLELISM = 4

export interface PlannedPerson {
  doc: PersonDoc
  state: 'add' | 'change' | 'same'
}

export interface PlannedHousehold {
  source: RegisterHousehold
  existing: HouseholdDoc | null
  householdId: string
  state: 'add' | 'change' | 'same'
  what: string[]
  people: PlannedPerson[]
  members: HouseholdMember[]
}

type ReadCtx = Pick<Ctx, 'db' | 'now'>

async function inChunks<T extends { _id: string }>(
  ctx: ReadCtx,
  collection: Collection<T>,
  field: keyof T & string,
  values: string[]
): Promise<T[]> {
  const _ = ctx.db.command
  const chunks: string[][] = []
  for (let i = 0; i < values.length; i += READ_CHUNK) chunks.push(values.slice(i, i + READ_CHUNK))
  const pages = await mapWithLimit(chunks, READ_PARALLELISM, chunk =>
    collection.find({ [field]: _.in(chunk) }, { limit: QUERY_LIMIT_MAX })
  )
  return pages.flat()
}

/** The household id an import gives a new household: fixed by the import, so a resumed import meets it. */
export const importedHouseholdId = (importId: string, plateKey: string) => idFor('household', importId, plateKey)
const personIdOf = (householdId: string, name: string) => idFor('person', householdId, name)

export async function planImport(
  ctx: ReadCtx,
  village: PlaceDoc,
  importId: string,
  households: RegisterHousehold[]
): Promise<{ plans: PlannedHousehold[]; problems: RegisterProblem[] }> {
  const key = idHashKey()
  const keys = households.map(h => doorPlateKey(village._id, h.doorPlate))
  const store = data(ctx)
  const holders = await inChunks(ctx, store.doorPlates, '_id', keys)
  const holderOf = new Map(holders.map(d => [d._id, d.householdId]))
  const existingIds = [...new Set(holders.map(d => d.householdId))]
  const withHashes = households.flatMap(h =>
    h.members.map(m => ({ h, m, numbers: storedNumbers(m.idNumber, m.phone, key) }))
  )
  const hashes = [...new Set(withHashes.map(x => x.numbers.idHash).filter(Boolean))]
  const [existing, people, sameIds] = await Promise.all([
    inChunks(ctx, store.households, '_id', existingIds),
    inChunks(ctx, store.people, 'householdId', existingIds),
    inChunks(ctx, store.people, 'idHash', hashes)
  ])
  const householdById = new Map(existing.map(h => [h._id, h]))
  const peopleOf = new Map<string, PersonDoc[]>()
  for (const p of people) peopleOf.set(p.householdId, [...(peopleOf.get(p.householdId) ?? []), p])

  const problems: RegisterProblem[] = []
  const plans: PlannedHousehold[] = []
  for (const [i, h] of households.entries()) {
    const found = householdById.get(holderOf.get(keys[i]) ?? '') ?? null
    const householdId = found?._id ?? importedHouseholdId(importId, h.plateKey)
    const elsewhere = withHashes.find(
      x =>
        x.h === h &&
        x.numbers.idHash &&
        sameIds.some(p => p.idHash === x.numbers.idHash && p.householdId !== householdId)
    )
    if (elsewhere) {
      problems.push({
        row: elsewhere.m.row,
        column: '身份证号',
        reason: `${elsewhere.m.name}已经在本县另一户的档案里，一个人只能在一户（如已分户，请先在那一户删去）`
      })
      continue
    }
    plans.push(planHousehold(ctx, village, h, found, householdId, peopleOf.get(householdId) ?? [], key))
  }
  return { plans, problems }
}

function planHousehold(
  ctx: ReadCtx,
  village: PlaceDoc,
  h: RegisterHousehold,
  found: HouseholdDoc | null,
  householdId: string,
  stored: PersonDoc[],
  key: string
): PlannedHousehold {
  const plannedPeople = h.members.map(m => planPerson(ctx, village, householdId, m, stored, key))
  const inFile = new Set(plannedPeople.map(p => p.doc._id))
  // people of the household the file does not name stay: an import adds and changes, never deletes
  const kept = stored.filter(p => !inFile.has(p._id))
  const members = [...plannedPeople.map(p => p.doc), ...kept].map(memberOf)
  if (!found) return { source: h, existing: null, householdId, state: 'add', what: [], people: plannedPeople, members }
  const what: string[] = []
  if (found.head !== h.head) what.push(`户主：${found.head} → ${h.head}`)
  if (found.groupId !== h.groupId) what.push('村民小组')
  if (h.gridId && found.gridId !== h.gridId) what.push('网格')
  const added = plannedPeople.filter(p => p.state === 'add').length
  const changed = plannedPeople.filter(p => p.state === 'change').length
  if (added) what.push(`新增${added}人`)
  if (changed) what.push(`${changed}人信息有变`)
  if (what.length === 0 && JSON.stringify(found.members) !== JSON.stringify(members)) what.push('成员')
  return {
    source: h,
    existing: found,
    householdId,
    state: what.length ? 'change' : 'same',
    what,
    people: plannedPeople,
    members
  }
}

function planPerson(
  ctx: ReadCtx,
  village: PlaceDoc,
  householdId: string,
  m: RegisterPerson,
  stored: PersonDoc[],
  key: string
): PlannedPerson {
  const numbers = storedNumbers(m.idNumber, m.phone, key)
  const match =
    stored.find(p => p.name === m.name && (!p.idHash || !numbers.idHash || p.idHash === numbers.idHash)) ?? null
  const doc: PersonDoc = {
    _id: match?._id ?? personIdOf(householdId, m.name),
    householdId,
    villageId: village._id,
    townId: village.parentId ?? '',
    name: m.name,
    relation: m.relation,
    partyMember: m.partyMember,
    gender: m.gender || match?.gender || '',
    birthYear: m.birthYear ?? match?.birthYear ?? null,
    // a number left empty in the sheet keeps what is stored
    idHash: numbers.idHash || match?.idHash || '',
    idLast4: numbers.idLast4 || match?.idLast4 || '',
    phoneMasked: numbers.phoneMasked || match?.phoneMasked || '',
    updatedAt: match?.updatedAt ?? ctx.now()
  }
  if (!match) return { doc, state: 'add' }
  const same = (['relation', 'partyMember', 'gender', 'birthYear', 'idHash', 'idLast4', 'phoneMasked'] as const).every(
    f => (match[f] ?? '') === (doc[f] ?? '')
  )
  return same ? { doc: match, state: 'same' } : { doc: { ...doc, updatedAt: ctx.now() }, state: 'change' }
}

const memberOf = (p: PersonDoc): HouseholdMember => ({
  name: p.name,
  relation: p.relation,
  partyMember: p.partyMember,
  gender: p.gender ?? '',
  birthYear: p.birthYear ?? null,
  idLast4: p.idLast4 ?? '',
  phoneMasked: p.phoneMasked ?? ''
})

export function countsOf(plans: PlannedHousehold[]): ImportCounts {
  const people = plans.flatMap(p => p.people)
  return {
    householdsAdded: plans.filter(p => p.state === 'add').length,
    householdsChanged: plans.filter(p => p.state === 'change').length,
    householdsUnchanged: plans.filter(p => p.state === 'same').length,
    peopleAdded: people.filter(p => p.state === 'add').length,
    peopleChanged: people.filter(p => p.state === 'change').length
  }
}
