import { View } from '@tarojs/components'
import { useLargeFont } from '../../../../services/large-font'
import { RolesManager } from '../../../../components/staff/RolesManager'

/** Town administrators grant the cadres of their villages; the county grants town administrators. */
export default function AdminRoles() {
  const large = useLargeFont()
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <RolesManager />
    </View>
  )
}
