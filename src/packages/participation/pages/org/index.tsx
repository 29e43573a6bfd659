import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ORGANISATION_KIND_NAMES } from '../../../../../core/domain/organisations'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { NoticeList } from '../../../../components/NoticeList'
import { Screen } from '../../../../components/Screen'

/** An organisation's page: who it is, how to reach it, its services and its notices; a bank's 积分贷. */
export default function OrganisationPage() {
  const organisationId = useRouter().params.id ?? ''
  const { data, problem } = useLoad(useCallback(() => call('org.page', { organisationId }), [organisationId]))
  return (
    <Screen problem={problem} data={data}>
      {({ organisation: o, services, notices }) => (
        <>
          <View className="notice">
            <Text className="muted">{ORGANISATION_KIND_NAMES[o.kind]}</Text>
            <View className="section-title" style={{ margin: '8px 0' }} data-testid="org-name">
              {o.name}
            </View>
            {o.intro ? <View>{o.intro}</View> : null}
            {o.phone ? (
              <View onClick={() => Taro.makePhoneCall({ phoneNumber: o.phone }).catch(() => undefined)}>
                电话：<Text className="plus">{o.phone}</Text>
              </View>
            ) : null}
            {o.address ? <View>地址：{o.address}</View> : null}
            {o.hours ? <View>时间：{o.hours}</View> : null}
            <View className="muted">服务：{o.serves.join('、')}</View>
          </View>
          {o.kind === 'bank' ? (
            <View
              className="button"
              data-testid="open-credit"
              onClick={() => Taro.navigateTo({ url: '/packages/participation/pages/credit/index' })}
            >
              积分贷：用我家的积分申请优惠利率
            </View>
          ) : null}
          <View className="section-title">办事指南</View>
          <View className="list">
            {services.length === 0 ? <View className="notice muted">还没有。</View> : null}
            {services.map(s => (
              <View key={s.id} className="list__row">
                <View className="list__body">
                  <Text className="list__title">{s.name}</Text>
                  <Text className="list__meta">{s.purpose}</Text>
                </View>
              </View>
            ))}
          </View>
          <View className="section-title">通知</View>
          <NoticeList notices={notices} />
        </>
      )}
    </Screen>
  )
}
