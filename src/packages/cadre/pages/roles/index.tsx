import { View } from '@tarojs/components'
import { useLargeFont } from '../../../../services/large-font'
import { RolesManager } from '../../../../components/staff/RolesManager'

/** The village's grid workers, granted by its cadre. */
export default function CadreRoles() {
  const large = useLargeFont()
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <RolesManager />
    </View>
  )
}
