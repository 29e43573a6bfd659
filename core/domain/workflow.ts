/**
 * The lives of a pending entry (a villager's claim or a grid worker's proposal), of a posted entry
 * (公示) and of an objection: which moves are allowed. Every other move is refused with
 * STATE_CHANGED; the routes check a move against the state they read inside their transaction, so a
 * second cadre pressing at the same moment meets the first one's result.
 */
export type PendingState = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'expired'
export type PostingState = 'posted' | 'objected' | 'final' | 'corrected'
export type ObjectionState = 'open' | 'upheld' | 'dismissed'

const PENDING: Record<PendingState, PendingState[]> = {
  pending: ['approved', 'rejected', 'withdrawn', 'expired'],
  approved: [],
  rejected: [],
  withdrawn: [],
  expired: []
}

/** Written entries become final when the period ends; an objection holds them until it is resolved. */
const POSTING: Record<PostingState, PostingState[]> = {
  posted: ['objected', 'final'],
  objected: ['posted', 'final', 'corrected'],
  final: [],
  corrected: []
}

const OBJECTION: Record<ObjectionState, ObjectionState[]> = { open: ['upheld', 'dismissed'], upheld: [], dismissed: [] }

export const canMovePending = (from: PendingState, to: PendingState) => PENDING[from].includes(to)
export const canMovePosting = (from: PostingState, to: PostingState) => POSTING[from].includes(to)
export const canMoveObjection = (from: ObjectionState, to: ObjectionState) => OBJECTION[from].includes(to)

/** A pending entry nobody reviewed expires after this many days. */
export const PENDING_EXPIRY_DAYS = 30
export const DAY_MS = 24 * 60 * 60 * 1000

export const PENDING_STATE_NAMES: Record<PendingState, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  withdrawn: '已撤回',
  expired: '已过期'
}
export const POSTING_STATE_NAMES: Record<PostingState, string> = {
  posted: '公示中',
  objected: '有异议',
  final: '已生效',
  corrected: '已更正'
}
export const OBJECTION_STATE_NAMES: Record<ObjectionState, string> = {
  open: '待处理',
  upheld: '异议成立',
  dismissed: '异议不成立'
}

export type GridLogType = 'patrol' | 'visit' | 'activity'
export const GRID_LOG_NAMES: Record<GridLogType, string> = { patrol: '巡查', visit: '走访', activity: '活动' }

/** 村民说事: received → handling → answered → closed; a rating once, after the answer. */
export type IssueState = 'received' | 'handling' | 'answered' | 'closed'
const ISSUE: Record<IssueState, IssueState[]> = {
  received: ['handling'],
  handling: ['handling', 'answered'],
  answered: ['closed'],
  closed: []
}
export const canMoveIssue = (from: IssueState, to: IssueState) => ISSUE[from].includes(to)
export const ISSUE_STATE_NAMES: Record<IssueState, string> = {
  received: '已受理',
  handling: '办理中',
  answered: '已答复',
  closed: '已办结'
}
/** an issue not answered within this many days is marked overdue */
export const ISSUE_DUE_DAYS = 3
export const ISSUE_CATEGORIES = [
  '道路水电',
  '环境卫生',
  '邻里纠纷',
  '社保医保',
  '农业生产',
  '建议意见',
  '其他'
] as const
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number]

/** 通知公告 and 三务公开 (party, village and finance affairs made public), and 大事记. */
export type NoticeKind = 'notice' | 'party' | 'village' | 'finance' | 'chronicle'
export const NOTICE_KIND_NAMES: Record<NoticeKind, string> = {
  notice: '通知',
  party: '党务公开',
  village: '村务公开',
  finance: '财务公开',
  chronicle: '大事记'
}
