import { View } from '@tarojs/components'
import { useLargeFont } from '../../../../services/large-font'
import { IssueDesk } from '../../../../components/staff/IssueDesk'

/**
 * 村民说事 to handle: the village's for a cadre, the grid's for a grid worker (the api decides); cadres
 * also hand over to organisations.
 */
export default function IssuesPage() {
  const large = useLargeFont()
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <IssueDesk toOrganisations />
    </View>
  )
}
