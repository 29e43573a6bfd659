import { emptyLedgerState } from '../../../core/domain/ledger'
import { doorPlateOrder } from '../../../core/domain/door-plate'
import type { HouseholdDoc, HouseholdMember, PlaceDoc } from '../../shared/data/documents'

/** A new household starts at zero, with the village's facts the home card shows. */
export function newHousehold(
  id: string,
  village: Pick<PlaceDoc, '_id' | 'parentId' | 'name' | 'starThresholds' | 'postingDays'>,
  count: number,
  fields: Pick<HouseholdDoc, 'doorPlate' | 'head' | 'groupId' | 'gridId' | 'members'>
): HouseholdDoc {
  return {
    _id: id,
    villageId: village._id,
    townId: village.parentId ?? '',
    ...fields,
    plateOrder: doorPlateOrder(fields.doorPlate),
    village: {
      name: village.name,
      starThresholds: village.starThresholds ?? [],
      householdCount: count,
      postingDays: village.postingDays ?? 0
    },
    latest: [],
    boundUsers: [],
    headUser: null,
    purchases: {},
    ...emptyLedgerState()
  }
}

/**
 * The members as the cadre's form sends them (name, relation, party membership), each keeping what the
 * register import brought for the person of that name (gender, birth year, the ID number's last four,
 * the masked phone): the form has no field for those, and saving it must not wipe them.
 */
export function withRegisterFacts(
  edited: Pick<HouseholdMember, 'name' | 'relation' | 'partyMember'>[],
  stored: HouseholdMember[] = []
): HouseholdMember[] {
  return edited.map(m => {
    const before = stored.find(s => s.name === m.name)
    if (!before) return m
    const { gender, birthYear, idLast4, phoneMasked } = before
    return { ...m, ...definedOnly({ gender, birthYear, idLast4, phoneMasked }) }
  })
}

const definedOnly = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>
