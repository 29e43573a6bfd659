import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { SessionView } from '../../core/contract/views'

/** Entries to the staff subpackages for the roles the user holds. */
export function Workbenches({ session }: { session: SessionView }) {
  const has = (role: string) => session.roles.some(r => r.role === role)
  return (
    <View>
      {has('partyMember') ? (
        <View
          className="button"
          data-testid="open-party-member"
          onClick={() => Taro.navigateTo({ url: '/packages/party/pages/member/index' })}
        >
          我的党员积分
        </View>
      ) : null}
      {has('branchSecretary') || has('partyClerk') ? (
        <View
          className="button"
          data-testid="open-party-branch"
          onClick={() => Taro.navigateTo({ url: '/packages/party/pages/branch/index' })}
        >
          党支部工作台
        </View>
      ) : null}
      {has('townPartyAdmin') ? (
        <View
          className="button"
          data-testid="open-party-town"
          onClick={() => Taro.navigateTo({ url: '/packages/party/pages/town/index' })}
        >
          镇党委工作台
        </View>
      ) : null}
      {has('cadre') ? (
        <View
          className="button"
          data-testid="open-cadre"
          onClick={() => Taro.navigateTo({ url: '/packages/cadre/pages/index/index' })}
        >
          村干部工作台
        </View>
      ) : null}
      {has('gridWorker') ? (
        <View
          className="button"
          data-testid="open-grid"
          onClick={() => Taro.navigateTo({ url: '/packages/grid/pages/index/index' })}
        >
          网格员工作台
        </View>
      ) : null}
      {has('townAdmin') ? (
        <View
          className="button secondary"
          data-testid="open-town-publish"
          onClick={() => Taro.navigateTo({ url: '/packages/cadre/pages/publish/index' })}
        >
          发通知到全镇
        </View>
      ) : null}
      {has('townAdmin') || has('countyAdmin') ? (
        <View
          className="button secondary"
          data-testid="open-audit"
          onClick={() => Taro.navigateTo({ url: '/packages/cadre/pages/audit/index' })}
        >
          {has('countyAdmin') ? '全县审计记录' : '全镇审计记录'}
        </View>
      ) : null}
      {has('countyAdmin') ? (
        <View
          className="button secondary"
          data-testid="open-party-settings-county"
          onClick={() => Taro.navigateTo({ url: '/packages/party/pages/settings/index' })}
        >
          全县党员评星设置
        </View>
      ) : null}
      {has('cadre') || has('townAdmin') || has('countyAdmin') ? (
        <View
          className="button secondary"
          data-testid="open-party-roles"
          onClick={() => Taro.navigateTo({ url: '/packages/party/pages/roles/index' })}
        >
          党务角色：支部书记、党务管理员
        </View>
      ) : null}
      {has('cadre') || has('townAdmin') ? (
        <View
          className="button secondary"
          data-testid="open-votes-staff"
          onClick={() => Taro.navigateTo({ url: '/packages/participation/pages/votes/index' })}
        >
          村民投票
        </View>
      ) : null}
      {has('cadre') ? (
        <View
          className="button secondary"
          data-testid="open-activities-staff"
          onClick={() => Taro.navigateTo({ url: '/packages/participation/pages/activities/index' })}
        >
          活动和签到
        </View>
      ) : null}
      {has('bankStaff') ? (
        <View
          className="button"
          data-testid="open-bank"
          onClick={() => Taro.navigateTo({ url: '/packages/participation/pages/bank/index' })}
        >
          积分贷：已授权的户
        </View>
      ) : null}
      {has('orgStaff') || has('bankStaff') ? (
        <View
          className="button secondary"
          data-testid="open-org-desk"
          onClick={() => Taro.navigateTo({ url: '/packages/participation/pages/org-desk/index' })}
        >
          单位工作台（办事指南、通知）
        </View>
      ) : null}
      {has('townAdmin') || has('countyAdmin') ? (
        <View
          className="button secondary"
          data-testid="open-org-admin"
          onClick={() => Taro.navigateTo({ url: '/packages/participation/pages/org-admin/index' })}
        >
          入驻单位管理
        </View>
      ) : null}
      {has('townAdmin') || has('countyAdmin') ? (
        <View
          className="button"
          data-testid="open-overview"
          onClick={() => Taro.navigateTo({ url: '/packages/county/pages/overview/index' })}
        >
          覆盖率总览和花名册导入
        </View>
      ) : null}
      {has('townAdmin') || has('countyAdmin') ? (
        <View
          className="button secondary"
          data-testid="open-data-export"
          onClick={() => Taro.navigateTo({ url: '/packages/county/pages/data-export/index' })}
        >
          导出全部数据
        </View>
      ) : null}
      {has('cadre') ? (
        <View className="links">
          <View
            className="button secondary"
            data-testid="open-import"
            onClick={() => Taro.navigateTo({ url: '/packages/county/pages/import/index' })}
          >
            花名册导入
          </View>
          <View
            className="button secondary"
            data-testid="open-export"
            onClick={() => Taro.navigateTo({ url: '/packages/county/pages/export/index' })}
          >
            导出
          </View>
        </View>
      ) : null}
      {has('villager') ? (
        <View
          className="button secondary"
          data-testid="open-wide-ranking"
          onClick={() => Taro.navigateTo({ url: '/packages/county/pages/ranking/index' })}
        >
          全镇/全县积分榜
        </View>
      ) : null}
      {has('townAdmin') || has('countyAdmin') ? (
        <View
          className="button secondary"
          data-testid="open-admin"
          onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/index/index' })}
        >
          细则模板和角色管理
        </View>
      ) : null}
    </View>
  )
}
