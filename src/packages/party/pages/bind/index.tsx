import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call, newRequestId } from '../../../../services/api'
import { act } from '../../../../services/act'
import { useLargeFont } from '../../../../services/large-font'

/** 党员身份绑定: the member types the 8-character code from their branch; then 我的党员积分 is theirs. */
export default function BindPage() {
  const large = useLargeFont()
  const [code, setCode] = useState('')
  const [requestId] = useState(newRequestId)
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="notice">请向本支部的书记或党务管理员要一个8位的绑定码，填在下面。</View>
      <Input
        className="input"
        data-testid="bind-code-input"
        value={code}
        maxlength={8}
        placeholder="绑定码"
        onInput={e => setCode(e.detail.value)}
      />
      <View
        className="button"
        data-testid="bind-submit"
        onClick={() =>
          void act(
            () => call('partyMember.bind', { requestId, code }),
            '已绑定',
            () => Taro.redirectTo({ url: '/packages/party/pages/member/index' })
          )
        }
      >
        绑定
      </View>
    </View>
  )
}
