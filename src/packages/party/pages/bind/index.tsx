import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useWrite } from '../../../../services/write'
import { useLargeFont } from '../../../../services/large-font'

/** 党员身份绑定: the member types the 8-character code from their branch; then 我的党员积分 is theirs. */
export default function BindPage() {
  const write = useWrite()
  const large = useLargeFont()
  const [code, setCode] = useState('')
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
          void write.run(
            'partyMember.bind',
            { code },
            { done: '已绑定', after: () => Taro.redirectTo({ url: '/packages/party/pages/member/index' }) }
          )
        }
      >
        绑定
      </View>
    </View>
  )
}
