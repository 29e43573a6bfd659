import { auditLabel } from '../../../core/contract/audit-actions'
import type { AuditChange, AuditView } from '../../../core/contract/views'
import { CONSENT_STATE_NAMES } from '../../../core/domain/credit'
import { MEMBER_CATEGORY_NAMES, MemberCategory, RATING_STATE_NAMES } from '../../../core/domain/party'
import { formatDateTime } from '../../../core/domain/period'
import { ROLE_NAMES } from '../../../core/domain/roles'
import { ORDER_STATE_NAMES } from '../../../core/domain/shop'
import { VOTE_STATE_NAMES } from '../../../core/domain/votes'
import { ISSUE_STATE_NAMES, OBJECTION_STATE_NAMES, PENDING_STATE_NAMES } from '../../../core/domain/workflow'
import type { AuditDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'
import type { Ctx } from '../../shared/context'

/**
 * The audit trail as people read it (审计记录): each record a sentence with door plates, names and rule
 * titles, and its changes as "状态：待领取 → 已领取". Records keep what the act was about as written
 * (some older acts wrote an id there), so ids are looked up when the trail is read, a page at a time.
 * A field this table does not know is left out rather than shown by its name in the code.
 */

type Format = (value: unknown, action: string) => string | null

const count =
  (unit: string): Format =>
  v =>
    typeof v === 'number' ? `${v}${unit}` : Array.isArray(v) ? `${v.length}${unit}` : null
const plain: Format = v => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : null)
const yesNo: Format = v => (typeof v === 'boolean' ? (v ? '是' : '否') : null)
const time: Format = v => (typeof v === 'number' ? formatDateTime(v) : null)
const roleOf = (v: unknown) =>
  typeof v === 'string' && v in ROLE_NAMES ? ROLE_NAMES[v as keyof typeof ROLE_NAMES] : null

/** A state's Chinese name, from the table of the act's own kind of thing (an order, a claim, an issue…). */
const STATE_TABLES: [prefix: string, names: Record<string, string>][] = [
  ['shop.', ORDER_STATE_NAMES],
  ['review.', PENDING_STATE_NAMES],
  ['partyClaim.', PENDING_STATE_NAMES],
  ['objection.', OBJECTION_STATE_NAMES],
  ['partyObjection.', OBJECTION_STATE_NAMES],
  ['issue.', ISSUE_STATE_NAMES],
  ['partyRating.', RATING_STATE_NAMES],
  ['vote.', VOTE_STATE_NAMES],
  ['credit.', CONSENT_STATE_NAMES]
]
const state: Format = (v, action) => {
  if (typeof v !== 'string') return null
  const own = STATE_TABLES.find(([prefix]) => action.startsWith(prefix))?.[1]
  return own?.[v] ?? STATE_TABLES.map(([, names]) => names[v]).find(Boolean) ?? null
}

const FIELDS: Record<string, [label: string, format: Format]> = {
  state: ['状态', state],
  points: ['分值', count('分')],
  refund: ['退回积分', count('分')],
  price: ['价格', count('分')],
  stock: ['库存', count('件')],
  quantity: ['数量', count('件')],
  members: ['家庭成员', count('人')],
  items: ['细则', count('条')],
  added: ['新增', count('个')],
  ballots: ['已投票', count('票')],
  reviews: ['民主评议', count('人')],
  serves: ['服务的地方', count('处')],
  appliedTo: ['打分的户', count('户')],
  households: ['户数', count('户')],
  people: ['人数', count('人')],
  problems: ['有问题的行', count('行')],
  stars: ['星级', count('星')],
  year: ['年度', v => (typeof v === 'string' || typeof v === 'number' ? `${v}年` : null)],
  name: ['姓名', plain],
  head: ['户主', plain],
  headBinding: ['户主的微信', plain],
  doorPlate: ['门牌号', plain],
  goods: ['商品', plain],
  rule: ['细则', plain],
  present: ['到会', count('人')],
  absent: ['缺席', count('人')],
  absentRule: ['缺席扣分细则', plain],
  title: ['标题', plain],
  note: ['备注', plain],
  reason: ['理由', plain],
  reply: ['答复', plain],
  // a rule's or an issue's category is written in Chinese; a party member's is a code (无职党员 …)
  category: [
    '类别',
    (v, action) =>
      typeof v === 'string' && v in MEMBER_CATEGORY_NAMES
        ? MEMBER_CATEGORY_NAMES[v as MemberCategory]
        : plain(v, action)
  ],
  by: ['经办', plain],
  pinned: ['置顶', yesNo],
  withdrawn: ['已撤回', yesNo],
  onShelf: ['上架', yesNo],
  secret: ['不记名', yesNo],
  until: ['截止', time],
  expiresAt: ['有效期到', time],
  deadlineAt: ['截止', time],
  role: ['角色', roleOf],
  grant: ['角色', v => (v && typeof v === 'object' && 'role' in v ? roleOf((v as { role: unknown }).role) : null)],
  per: ['投票方式', v => (v === 'household' ? '每户一票' : v === 'person' ? '每人一票' : null)],
  options: ['选项', v => (Array.isArray(v) ? v.filter(o => typeof o === 'string').join('、') || null : null)]
}

/** A value that is a list of numbers (the village's star thresholds) or a single figure. */
const bare = (v: unknown): string | null =>
  Array.isArray(v) && v.every(n => typeof n === 'number') ? v.join(' / ') : typeof v === 'number' ? String(v) : null

/** What changed, field by field, in the words of the page. */
export function changesOf(action: string, before: unknown, after: unknown): AuditChange[] {
  const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)
  if (!isRecord(before) && !isRecord(after)) {
    const [b, a] = [bare(before), bare(after)]
    return b === null && a === null ? [] : [{ label: '数值', before: b, after: a }]
  }
  const b = isRecord(before) ? before : {}
  const a = isRecord(after) ? after : {}
  const changes: AuditChange[] = []
  // an act records in `after` the fields it wrote: one it leaves out kept its value (pinning a notice
  // records pinned alone, beside a `before` of pinned and withdrawn)
  const partial = isRecord(before) && isRecord(after)
  for (const key of Object.keys(FIELDS)) {
    if (!(key in b) && !(key in a)) continue
    if (partial && !(key in a)) continue
    const [label, format] = FIELDS[key]
    const was = key in b ? format(b[key], action) : null
    const now = key in a ? format(a[key], action) : null
    if ((was !== null || now !== null) && was !== now) changes.push({ label, before: was, after: now })
  }
  return changes
}

/** Ids that acts wrote as what they were about, looked up in the collections they come from. */
async function namesOf(ctx: Pick<Ctx, 'db'>, targets: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  let left = [...new Set(targets)]
  const lookups: ((ids: string[]) => Promise<[string, string][]>)[] = [
    async ids =>
      [...(await data(ctx).households.getMany(ids))].map(([id, h]) => [id, `${h.doorPlate}（户主${h.head}）`]),
    async ids => [...(await data(ctx).partyMembers.getMany(ids))].map(([id, m]) => [id, `党员${m.name}`]),
    async ids => [...(await data(ctx).users.getMany(ids))].map(([id, u]) => [id, u.name || '微信用户']),
    async ids =>
      [...(await data(ctx).entries.getMany(ids))].map(([id, e]) => [id, `积分记录“${e.rule?.title ?? e.note}”`]),
    async ids => [...(await data(ctx).partyClaims.getMany(ids))].map(([id, c]) => [id, `${c.memberName}的申报`]),
    async ids =>
      [...(await data(ctx).ratingSheets.getMany(ids))].map(([id, r]) => [id, `${r.branchName}${r.year}年评星`]),
    async ids => [...(await data(ctx).partyOrgs.getMany(ids))].map(([id, o]) => [id, o.name]),
    async ids => [...(await data(ctx).partyTemplates.getMany(ids))].map(([id, t]) => [id, t.name]),
    async ids => [...(await data(ctx).places.getMany(ids))].map(([id, p]) => [id, p.name])
  ]
  for (const lookup of lookups) {
    if (!left.length) break
    for (const [id, name] of await lookup(left)) names.set(id, name)
    left = left.filter(id => !names.has(id))
  }
  return names
}

/** A page of audit records as sentences: who did what to what, when, and what changed. */
export async function describeAudit(ctx: Pick<Ctx, 'db'>, records: AuditDoc[]): Promise<AuditView[]> {
  const names = await namesOf(
    ctx,
    records.map(r => r.target).filter(t => /^[\w:-]+$/.test(t))
  )
  return records.map(r => {
    const target = names.get(r.target) ?? (/^[\w:-]+$/.test(r.target) ? '' : r.target)
    const label = auditLabel(r.action)
    return {
      id: r._id,
      at: r.at,
      action: r.action,
      label,
      actorName: r.actorName || '微信用户',
      sentence: `${formatDateTime(r.at)}，${r.actorName || '微信用户'}${label}${target ? `：${target}` : ''}`,
      changes: changesOf(r.action, r.before, r.after),
      target: r.target,
      before: r.before,
      after: r.after
    }
  })
}
