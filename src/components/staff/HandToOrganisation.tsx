import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { OrganisationView } from '../../../core/contract/participation'
import { call } from '../../services/api'

/** The organisations serving the village, to hand an issue of their kind over to (转给入驻单位). */
export function HandToOrganisation({ onHand }: { onHand: (organisationId: string) => void }) {
  const [organisations, setOrganisations] = useState<OrganisationView[]>([])
  useEffect(() => {
    call('org.list', {})
      .then(r => setOrganisations(r.organisations))
      .catch(() => setOrganisations([]))
  }, [])
  if (organisations.length === 0) return null
  return (
    <View className="field">
      <View className="field__label">转给入驻单位办理（只能转给管这类事的单位）</View>
      {organisations.map(o => (
        <Text
          key={o.id}
          className="chip"
          data-testid="hand-to-organisation"
          data-id={o.id}
          onClick={() => onHand(o.id)}
        >
          {o.name}
        </Text>
      ))}
    </View>
  )
}
