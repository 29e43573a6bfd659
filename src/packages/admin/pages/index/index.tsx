import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { Loading, Problem } from '../../../../components/Problem'
import { Links } from '../../../../components/Links'

/**
 * Town and county administrators: rule templates that villages adopt, and roles; 公平性 for a town
 * administrator (it compares the villages of one town: the county's administrator has no town to read).
 */
export default function AdminHome() {
  const large = useLargeFont()
  const { data, problem } = useLoad(useCallback(() => call('templates.list', {}), []))
  const session = useLoad(useCallback(() => call('me.session', {}), [])).data
  const townAdmin = session?.roles.some(r => r.role === 'townAdmin') ?? false
  const go = (url: string) => Taro.navigateTo({ url })
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <Links
        links={[
          { label: '新建细则模板', url: '/packages/admin/pages/template/index', primary: true },
          { label: '角色管理', url: '/packages/admin/pages/roles/index' },
          ...(townAdmin
            ? [{ label: '公平性', url: '/packages/admin/pages/fairness/index', testid: 'open-fairness' }]
            : [])
        ]}
      />
      <View className="section-title">细则模板</View>
      {problem ? (
        <Problem problem={problem} />
      ) : !data ? (
        <Loading />
      ) : (
        <View className="list">
          {data.templates.map(t => (
            <View
              key={t.id}
              className="list__row"
              onClick={() => go(`/packages/admin/pages/template/index?id=${t.id}`)}
            >
              <View className="list__body">
                <Text className="list__title">{t.name}</Text>
                <Text className="list__meta">
                  {t.ownerName} · {t.items.length}条
                </Text>
              </View>
              <Text className="list__action" data-testid="template-action">
                {t.editable ? '修改' : '查看'}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
