import type { AttendeeView, ConsentView } from '../../../core/contract/participation'
import { consentState } from '../../../core/domain/credit'
import type { ConsentDoc, SignupDoc } from './participation-documents'

/** Participation documents as the pages see them: the mappers from a stored document to a view, in one place. */

export const toConsentView = (c: ConsentDoc, nowMs: number): ConsentView => ({
  bankId: c.bankId,
  bankName: c.bankName,
  purpose: c.purpose,
  scope: c.scope,
  grantedAt: c.grantedAt,
  expiresAt: c.expiresAt,
  revokedAt: c.revokedAt,
  state: consentState(c, nowMs),
  grantedByName: c.grantedByName
})

export const toAttendee = (s: SignupDoc): AttendeeView => ({
  id: s._id,
  label: s.name ? `${s.name}（${s.doorPlate}）` : s.doorPlate,
  householdId: s.householdId,
  state: s.state,
  checkedInAt: s.checkedInAt,
  checkedInBy: s.checkedInBy
})
