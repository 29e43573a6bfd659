import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ORGANISATION_KIND_NAMES } from '../../../../../core/domain/organisations'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { Screen } from '../../../../components/Screen'

/** 入驻单位: the organisations that serve the village (police station, health centre, bank…). */
export default function OrganisationsPage() {
  const { data, problem } = useLoad(useCallback(() => call('org.list', {}), []))
  return (
    <Screen problem={problem} data={data}>
      {d => (
        <View className="list">
          {d.organisations.length === 0 ? <View className="notice muted">还没有单位入驻。</View> : null}
          {d.organisations.map(o => (
            <View
              key={o.id}
              className="list__row"
              data-testid="org-row"
              data-id={o.id}
              onClick={() => Taro.navigateTo({ url: `/packages/participation/pages/org/index?id=${o.id}` })}
            >
              <View className="list__body">
                <Text className="list__title">{o.name}</Text>
                <Text className="list__meta">
                  {ORGANISATION_KIND_NAMES[o.kind]} · {o.phone}
                </Text>
              </View>
              <Text className="list__action">看看</Text>
            </View>
          ))}
        </View>
      )}
    </Screen>
  )
}
