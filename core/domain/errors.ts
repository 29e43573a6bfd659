/**
 * Every error a user can meet: a stable code for the app and a plain Chinese message for villagers.
 * Stacks and details stay in the function's log.
 */
export const ERRORS = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  UNKNOWN_ROUTE: '这个功能暂时用不了，请更新小程序',
  NOT_REGISTERED: '您还没有加入村里，请先找村干部领取入户码',
  FORBIDDEN: '您没有权限做这件事',
  NOT_FOUND: '没有找到要查的内容',
  NOT_BOUND: '您还没有绑定家庭户，请先找村干部领取入户码',
  BUSY: '现在办理的人多，请稍后再试',
  REQUEST_REUSED: '这次提交的内容和上一次不同，却用了同一个提交编号，没有办理。请重新打开页面再提交',
  POINTS_OUT_OF_RANGE: '分值不在这条细则允许的范围内',
  CAP_REACHED: '这一项在本期已经到了封顶分，不能再加',
  RULE_RETIRED: '这条细则已经停用',
  RULE_NOT_ALLOWED: '这条细则不能由您来提出',
  EVIDENCE_REQUIRED: '这条细则需要上传照片作为依据',
  OTHER_VILLAGE: '只能办理本村的事',
  CODE_INVALID: '入户码不对，或者已经过期、作废，请找村干部重新领取',
  ALREADY_BOUND: '您已经绑定了家庭户，如需更换请找村干部解除',
  NEVER_OPENED: '这个编号的人还没有打开过小程序：请对方先在微信里打开一次，再把“我的”里的编号告诉您',
  ALREADY_CORRECTED: '这条积分已经更正过了',
  NOT_CORRECTABLE: '这条记录不能更正',
  NOT_ENOUGH_POINTS: '积分不够，换不了',
  STATE_CHANGED: '这件事已经处理过了，请刷新看看',
  SELF_REVIEW: '不能审核自己提出的积分',
  NOT_YOUR_GRID: '只能为自己网格里的户提议',
  NOT_IN_POSTING: '这条积分已经过了公示期，不能再提异议',
  ALREADY_OBJECTED: '您已经对这条积分提过异议了',
  CONTENT_REFUSED: '填写的文字里有不合适的内容，请修改后再提交',
  GOODS_OFF_SHELF: '这件商品已经下架了',
  OUT_OF_STOCK: '这件商品已经换完了',
  LIMIT_REACHED: '这件商品每户限换的数量已经换满了',
  ALREADY_RATED: '这件事已经评价过了',
  NOT_ANSWERED: '村里答复以后才能评价',
  DOOR_PLATE_TAKEN: '村里已经有这个门牌号了',
  GRANT_NOT_ALLOWED: '您不能授予这个角色',
  CONFLICT_OF_INTEREST: '这是您自己家的事，按规定要回避，请村里其他干部或镇里办理',
  OTHER_BRANCH: '只能办理本支部党员的事',
  RULE_NOT_FOR_CATEGORY: '这条细则不适用于这一类党员',
  NOT_PARTY_MEMBER: '您还没有绑定党员身份，请找支部领取绑定码',
  BIND_CODE_INVALID: '绑定码不对或已经过期，请找支部重新领取',
  RATING_NOT_READY: '年度评星还没到这一步',
  INVALID_CHOICE: '选的项不对，请按要求选',
  ALREADY_VOTED: '您（您家）已经投过票了，每人（每户）只能投一次',
  VOTE_CLOSED: '投票已经截止了',
  VOTE_STILL_OPEN: '投票还没截止，截止以后才能公布结果',
  ACTIVITY_FULL: '名额已经报满了',
  ACTIVITY_STARTED: '活动已经开始了，不能再报名或取消',
  ACTIVITY_NOT_STARTED: '活动还没开始，开始以后才能确认出勤',
  CHECKIN_CLOSED: '现在不在签到时间内（开始前半小时到结束）',
  CHECKIN_CODE_WRONG: '签到码不对，请扫活动现场的码',
  NOT_SIGNED_UP: '您没有报名这个活动，请找村干部登记',
  NOT_HEAD: '只有户主才能授权银行查看全家的积分',
  NOT_A_BANK: '只能授权给为本村服务的银行',
  ORG_WRONG_KIND: '这件事不归这个单位管，请转给管这类事的单位',
  NO_CONSENT: '这一户没有授权贵行查看积分，或者授权已经撤回、过期',
  INTERNAL: '系统出了点问题，请稍后再试'
} as const

export type ErrorCode = keyof typeof ERRORS

/** A refusal the router turns into `{ ok: false, code, message }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly detail?: unknown
  ) {
    super(message ?? ERRORS[code])
  }
}
