/**
 * The acts the audit trail records (审计记录): each a typed name with its Chinese label, in one table.
 * A route that writes declares one of these (or why it records none); the router writes the record.
 */
export const AUDIT_ACTIONS = {
  'join.bind': '绑定家庭户',
  'household.save': '登记家庭户',
  'score.award': '打分',
  'score.batch': '批量打分',
  'score.correct': '更正积分',
  'joinCode.issue': '发入户码',
  'joinCode.revoke': '作废入户码',
  'binding.remove': '解除绑定',
  'binding.setHead': '指定户主的微信',
  'rules.save': '修改细则',
  'rules.retire': '停用细则',
  'rules.adoptTemplate': '采用模板',
  'village.setStars': '设星级分数线',
  'templates.save': '修改模板',
  'roles.grant': '授予角色',
  'roles.revoke': '收回角色',
  'review.approve': '审核通过',
  'review.reject': '审核驳回',
  'objection.resolve': '处理异议',
  'shop.saveGoods': '修改商品',
  'shop.redeemAtDesk': '柜台兑换',
  'shop.collect': '领取商品',
  'shop.cancel': '取消订单',
  'notice.publish': '发布通知',
  'notice.withdraw': '撤回通知',
  'notice.pin': '置顶通知',
  'issue.take': '受理说事',
  'issue.reply': '答复说事',
  'issue.handOver': '转交说事',
  'issue.close': '办结说事',
  'service.save': '修改便民服务',
  'register.import': '导入花名册',
  'dataExport.run': '导出全部数据',
  'village.setRegistered': '填写户籍户数',
  'partyMember.bind': '绑定党员身份',
  'partyBranch.saveMember': '登记党员',
  'partyBranch.fromHouseholds': '从家庭户导入党员',
  'partyBranch.bindCode': '发党员绑定码',
  'partyBranch.saveRule': '修改党员积分细则',
  'partyBranch.adoptTemplate': '采用党员积分模板',
  'partyScore.award': '党员记分',
  'partyScore.meeting': '会议签到记分',
  'partyClaim.approve': '党员申报通过',
  'partyClaim.reject': '党员申报驳回',
  'partyPosting.publish': '党员积分公示',
  'partyObjection.resolve': '处理党员积分异议',
  'partyRating.enter': '录入民主评议',
  'partyRating.confirm': '支部确认评星',
  'partyRating.post': '公示年度评星',
  'partyTown.rateOrg': '评定党组织星级',
  'partyTown.setSettings': '调整党员积分设置',
  'partyRole.grant': '授予党务角色',
  'partyRole.revoke': '收回党务角色',
  'seal.alarm': '存证报警',
  'vote.open': '发起投票',
  'vote.close': '截止投票',
  'vote.post': '公布投票结果',
  'activity.post': '发布活动',
  'activity.tick': '登记签到',
  'activity.confirm': '确认出勤',
  'org.save': '登记入驻单位',
  'org.grantStaff': '授予单位人员',
  'issue.toOrganisation': '转给入驻单位'
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

/** The acts by name, for choosing one to look for in the trail. */
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]]

export const auditLabel = (action: string): string => AUDIT_ACTIONS[action as AuditAction] ?? action

/** The action a route's audit declaration names, or null when it declared that it records none. */
export const actionOf = (declared: AuditAction | { none: string } | undefined): AuditAction | null =>
  typeof declared === 'string' ? declared : null
