import { emptyLedgerState } from '../../../core/domain/ledger'
import { doorPlateOrder } from '../../../core/domain/door-plate'
import type { HouseholdDoc, PlaceDoc } from '../../shared/data/documents'

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
