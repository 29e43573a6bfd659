import { z } from 'zod'
import type { ExportFile } from './county'
import { change, id, requestId, result } from './schema'

/**
 * All the data out (导出全部数据): everything of the county, or of one town, as JSON lines per
 * collection in one .zip, written to storage over several calls (each bounded), with its progress
 * kept in `dataExports/<exportId>`. Personal numbers are masked in it.
 */

export interface DataExportProgress {
  exportId: string
  /** 全县 or the town's name */
  placeName: string
  done: boolean
  /** documents written so far, and per collection (by its Chinese name) */
  lines: number
  collections: { name: string; label: string; lines: number }[]
  /** what it is doing now, in words for the page */
  step: string
  /** the archive, once packed */
  file: ExportFile | null
}

export const dataExportRoutes = {
  /**
   * Starts an export (no `exportId`) or carries on with one: call again (a new request id) with the
   * `exportId` while `done` is false. A county administrator exports the county or (`townId`) one town;
   * a town administrator their town.
   */
  'dataExport.run': change(
    z
      .object({
        requestId,
        exportId: z
          .string()
          .regex(/^dx-[0-9a-f]{24}$/)
          .optional(),
        townId: id.optional()
      })
      .strict(),
    result<DataExportProgress>()
  )
} as const

/** What each collection holds, as the county's staff would name it. */
export const COLLECTION_LABELS: Record<string, string> = {
  places: '地方（县、镇、村、组、网格）',
  users: '用户',
  households: '家庭户',
  entries: '积分流水',
  rules: '积分细则',
  requests: '请求记录',
  templates: '细则模板',
  joinCodes: '入户码',
  grants: '角色',
  pending: '申报和提议',
  gridLogs: '网格日志',
  postings: '积分公示',
  objections: '异议',
  audit: '审计记录',
  goods: '商品',
  orders: '订单',
  notices: '通知公告',
  reads: '已读记录',
  issues: '村民说事',
  services: '便民服务',
  partyOrgs: '党组织',
  partyMembers: '党员',
  partyRules: '党员积分细则',
  partyTemplates: '党员积分模板',
  partyActs: '党员打分',
  partyClaims: '党员申报',
  partyPostings: '党员积分公示',
  partyObjections: '党员异议',
  ratingSheets: '年度评星',
  orgRatings: '党组织星级',
  memberCodes: '党员绑定码',
  doorPlates: '门牌',
  people: '人员',
  imports: '花名册导入',
  villageStats: '村的统计',
  migrations: '数据迁移',
  votes: '投票',
  ballots: '选票',
  activities: '活动',
  signups: '报名',
  organisations: '入驻单位',
  consents: '积分贷授权',
  creditViews: '积分查看记录',
  seals: '存证',
  dataExports: '数据导出'
}
