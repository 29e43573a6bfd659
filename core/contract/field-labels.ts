/**
 * What each input field is called on screen, so that a refusal names the field as the user knows it
 * (请填写说明) and never by its name in the code (description). The router's invalid-input message and
 * the forms' own checks both read this table.
 */
export const FIELD_LABELS = {
  // people and households
  name: '姓名',
  head: '户主姓名',
  doorPlate: '门牌号',
  groupId: '村民小组',
  gridId: '网格',
  members: '家庭成员',
  relation: '与户主关系',
  code: '入户码',
  openid: '用户编号',
  toOpenid: '接手的人',
  role: '角色',
  placeIds: '管辖的地方',
  householdId: '家庭户',
  householdIds: '家庭户',
  // points
  ruleId: '积分细则',
  points: '分值',
  description: '说明',
  note: '备注',
  reason: '理由',
  reply: '答复',
  evidence: '照片',
  photos: '照片',
  title: '标题',
  category: '类别',
  cap: '封顶分',
  min: '最少分',
  max: '最多分',
  thresholds: '星级分数线',
  items: '细则',
  key: '细则代号',
  // grid work
  type: '类型',
  at: '时间',
  place: '地点',
  // shop
  goodsId: '商品',
  price: '所需积分',
  stock: '库存',
  limit: '限换数量',
  quantity: '数量',
  picture: '商品图片',
  // notices, issues and services
  kind: '栏目',
  body: '正文',
  pictures: '图片',
  attachments: '附件',
  financeRows: '收支明细',
  item: '收支项目',
  amount: '金额',
  text: '内容',
  stars: '评分',
  word: '评价',
  query: '搜索的词',
  purpose: '办什么',
  who: '谁能办',
  materials: '要带的材料',
  where: '在哪里办',
  when: '什么时候办',
  phone: '电话',
  guide: '怎么办',
  // the bank's rate policy
  baseRatePct: '基准利率',
  cutPer100Pct: '每100分少几个百分点',
  maxCutPct: '最多少几个百分点',
  // the roll-out and the party's rating settings
  registeredHouseholds: '户籍户数',
  baseScore: '基础分',
  reviewMax: '民主评议最多分',
  scaleMax: '满分',
  starThresholds: '星级分数线',
  quarterPostingDays: '季度公示天数',
  ratingPostingDays: '评星公示天数',
  // the audit trail
  action: '做了什么',
  person: '人名或门牌号',
  from: '从哪天',
  to: '到哪天',
  // votes, activities, organisations, credit
  question: '投票的问题',
  options: '选项',
  deadlineAt: '截止时间',
  maxChoices: '最多选几项',
  choices: '选的项',
  startAt: '开始时间',
  endAt: '结束时间',
  capacity: '人数上限',
  townIds: '服务的镇',
  villageIds: '服务的村',
  intro: '简介',
  address: '地址',
  hours: '办公时间',
  days: '天数',
  // party members
  memberId: '党员',
  presentIds: '到会的党员',
  absentIds: '缺席的党员',
  reviews: '民主评议',
  review: '民主评议分',
  year: '年份',
  quarter: '季度',
  // trust
  fromDay: '从哪天',
  toDay: '到哪天',
  // settings
  largeFont: '大字模式',
  requestId: '请求编号'
} as const satisfies Record<string, string>

export type FieldName = keyof typeof FIELD_LABELS
const LABELS: Readonly<Record<string, string>> = FIELD_LABELS

/**
 * Where a field's name means another thing on one route's page: the code that binds a party member is
 * a 绑定码, not a household's 入户码; an activity's kind is its 活动类型, not a notice's 栏目.
 */
const ROUTE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'partyMember.bind': { code: '绑定码' },
  'activity.checkIn': { key: '签到码' },
  'activity.post': { kind: '活动类型' },
  'org.save': { kind: '单位类别' },
  'partyTown.rateOrg': { stars: '星级' },
  'fairness.town': { key: '时间段' }
}

/** A refusal of a field the user does not fill themselves (the app sent something wrong). */
const UNNAMED = '填写的内容有误，请检查后再试'

/** Why a field was refused, in the words of its problem (zod's issue codes). */
const HINTS: Readonly<Record<string, string>> = {
  invalid_type: '没有填或填得不对',
  unrecognized_keys: '有多余的内容',
  too_big: '太长或太大了',
  too_small: '太短或太小了',
  invalid_enum_value: '不在可选范围内',
  invalid_literal: '不在可选范围内',
  invalid_string: '格式不对'
}

/** Too long, too big or too many, by what the field holds: 数量太小了, 说明太长了, never 太短或太小了 of a number. */
const SIZE_HINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  too_small: { string: '太短了', number: '太小了', bigint: '太小了', array: '太少了' },
  too_big: { string: '太长了', number: '太大了', bigint: '太大了', array: '太多了' }
}
const sizeHint = (issue: FieldIssue): string | undefined => SIZE_HINTS[issue.code]?.[issue.type ?? '']

/** The parts of a refused input that a message needs (zod's issue, without depending on zod). */
export interface FieldIssue {
  path: (string | number)[]
  code: string
  message?: string
  minimum?: number | bigint
  type?: string
}

/** The label of the innermost named field of a path (members.0.name → 姓名) on a route's page, or '' for none. */
export function fieldLabel(path: (string | number)[], route = ''): string {
  const own = ROUTE_LABELS[route] ?? {}
  for (let i = path.length - 1; i >= 0; i--) {
    const label = own[String(path[i])] ?? LABELS[String(path[i])]
    if (label) return label
  }
  return ''
}

/**
 * A schema's own message is used only when it is written in Chinese: zod's English messages may quote
 * Chinese choices ("Invalid enum value. Expected '道路水电' | …"), so a Chinese character alone is not enough.
 */
const isChineseMessage = (message: string): boolean => /[\u4e00-\u9fff]/.test(message) && !/[A-Za-z]{2,}/.test(message)

/**
 * One plain sentence for the first refused field: an empty required field is "请填写说明"; any other
 * problem names the field and the schema's own Chinese message or a short hint.
 */
export function describeFieldIssue(issue: FieldIssue, route = ''): string {
  const label = fieldLabel(issue.path, route)
  const none = issue.code === 'too_small' && Number(issue.minimum) === 1
  const missing = issue.code === 'invalid_type' && /required/i.test(issue.message ?? '')
  if (label && none && issue.type === 'array') return `请选择${label}`
  if (label && ((none && issue.type === 'string') || missing)) return `请填写${label}`
  const own = issue.message && isChineseMessage(issue.message) ? issue.message : ''
  if (own) return label && !own.includes(label) ? `${label}：${own}` : own
  const hint = sizeHint(issue) ?? HINTS[issue.code] ?? ''
  if (label) return `${label}${hint || '填得不对'}`
  return hint ? `${UNNAMED}（${hint}）` : UNNAMED
}
