import { View } from '@tarojs/components'
import type { SessionView } from '../../core/contract/views'
import { Workbenches } from './Workbenches'

const VILLAGE_ROLES = ['villager', 'cadre', 'gridWorker']

/** Whether the user belongs to a village (a household, or works in one): the village's tabs are theirs. */
export const inAVillage = (session: SessionView) => session.roles.some(r => VILLAGE_ROLES.includes(r.role))
export const isVillager = (session: SessionView) => session.roles.some(r => r.role === 'villager')

/** The town or county a town or county administrator oversees (the county when both), or null. */
export function overseenArea(session: SessionView): { scope: 'town' | 'county'; name: string } | null {
  const county = session.roles.find(r => r.role === 'countyAdmin')
  if (county) return { scope: 'county', name: county.placeName }
  const town = session.roles.find(r => r.role === 'townAdmin')
  return town ? { scope: 'town', name: town.placeName } : null
}

/**
 * What a tab that belongs to villagers shows to someone it is not for (a town or county administrator,
 * or a newcomer): what the tab is, who uses it, and where their own work is. Never a permission error
 * for merely opening a tab.
 */
export function NotForThisRole({ session, what }: { session: SessionView; what: string }) {
  const staff = session.roles.filter(r => r.role !== 'villager')
  return (
    <View className="notice" data-testid="not-for-this-role">
      <View className="section-title">{what}</View>
      {staff.length ? (
        <View>
          您是{staff.map(r => `${r.placeName}${r.label}`).join('、')}。这一页是村民用的，您的工作在下面的工作台里。
        </View>
      ) : (
        <View>这一页是村民用的。请向村干部要一个入户码，加入家庭户以后就能用了。</View>
      )}
      <Workbenches session={session} />
    </View>
  )
}
