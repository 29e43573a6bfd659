import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { SessionView } from '../../core/contract/views'
import type { RoleName } from '../../core/domain/roles'
import { Links } from './Links'

/** A way to some work: shown to whoever holds one of `roles`; the main ways of a role in full colour. */
interface Way {
  roles: RoleName[]
  label: string
  url: string
  testid: string
  primary?: boolean
  /** the words for a county administrator, where the county's differs from the town's */
  countyLabel?: string
}

const ADMINS: RoleName[] = ['townAdmin', 'countyAdmin']

/** Every way to staff work, in the order shown; a list of ways is one row of buttons side by side. */
const WAYS: (Way | Way[])[] = [
  {
    roles: ['partyMember'],
    label: '我的党员积分',
    url: '/packages/party/pages/member/index',
    testid: 'open-party-member',
    primary: true
  },
  {
    roles: ['branchSecretary', 'partyClerk'],
    label: '党支部工作台',
    url: '/packages/party/pages/branch/index',
    testid: 'open-party-branch',
    primary: true
  },
  {
    roles: ['townPartyAdmin'],
    label: '镇党委工作台',
    url: '/packages/party/pages/town/index',
    testid: 'open-party-town',
    primary: true
  },
  {
    roles: ['cadre'],
    label: '村干部工作台',
    url: '/packages/cadre/pages/index/index',
    testid: 'open-cadre',
    primary: true
  },
  {
    roles: ['gridWorker'],
    label: '网格员工作台',
    url: '/packages/grid/pages/index/index',
    testid: 'open-grid',
    primary: true
  },
  {
    roles: ['townAdmin'],
    label: '发通知到全镇',
    url: '/packages/cadre/pages/publish/index',
    testid: 'open-town-publish'
  },
  {
    roles: ADMINS,
    label: '全镇审计记录',
    countyLabel: '全县审计记录',
    url: '/packages/cadre/pages/audit/index',
    testid: 'open-audit'
  },
  {
    roles: ['countyAdmin'],
    label: '全县党员评星设置',
    url: '/packages/party/pages/settings/index',
    testid: 'open-party-settings-county'
  },
  {
    roles: ['cadre', ...ADMINS],
    label: '党务角色：支部书记、党务管理员',
    url: '/packages/party/pages/roles/index',
    testid: 'open-party-roles'
  },
  {
    roles: ['cadre', ...ADMINS],
    label: '村民投票',
    url: '/packages/participation/pages/votes/index',
    testid: 'open-votes-staff'
  },
  {
    roles: ['cadre'],
    label: '活动和签到',
    url: '/packages/participation/pages/activities/index',
    testid: 'open-activities-staff'
  },
  {
    roles: ['bankStaff'],
    label: '积分贷：已授权的户',
    url: '/packages/participation/pages/bank/index',
    testid: 'open-bank',
    primary: true
  },
  {
    roles: ['orgStaff', 'bankStaff'],
    label: '单位工作台（办事指南、通知）',
    url: '/packages/participation/pages/org-desk/index',
    testid: 'open-org-desk'
  },
  {
    roles: ADMINS,
    label: '入驻单位管理',
    url: '/packages/participation/pages/org-admin/index',
    testid: 'open-org-admin'
  },
  {
    roles: ADMINS,
    label: '覆盖率总览和花名册导入',
    url: '/packages/county/pages/overview/index',
    testid: 'open-overview',
    primary: true
  },
  {
    roles: ADMINS,
    label: '导出全部数据',
    url: '/packages/county/pages/data-export/index',
    testid: 'open-data-export'
  },
  [
    { roles: ['cadre'], label: '花名册导入', url: '/packages/county/pages/import/index', testid: 'open-import' },
    { roles: ['cadre'], label: '导出', url: '/packages/county/pages/export/index', testid: 'open-export' }
  ],
  {
    roles: ['villager'],
    label: '全镇/全县积分榜',
    url: '/packages/county/pages/ranking/index',
    testid: 'open-wide-ranking'
  },
  { roles: ADMINS, label: '细则模板和角色管理', url: '/packages/admin/pages/index/index', testid: 'open-admin' }
]

/** Entries to the staff subpackages for the roles the user holds. */
export function Workbenches({ session }: { session: SessionView }) {
  const has = (role: RoleName) => session.roles.some(r => r.role === role)
  const mine = (w: Way) => w.roles.some(has)
  const labelOf = (w: Way) => (w.countyLabel && has('countyAdmin') ? w.countyLabel : w.label)
  return (
    <View>
      {WAYS.map(way => {
        if (Array.isArray(way)) {
          const row = way.filter(mine)
          return row.length ? <Links key={row[0].testid} links={row} /> : null
        }
        return mine(way) ? (
          <View
            key={way.testid}
            className={way.primary ? 'button' : 'button secondary'}
            data-testid={way.testid}
            onClick={() => Taro.navigateTo({ url: way.url })}
          >
            {labelOf(way)}
          </View>
        ) : null
      })}
    </View>
  )
}
