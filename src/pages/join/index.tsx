import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useWrite } from '../../services/write'
import { WriteButton } from '../../components/WriteButton'
import { useLargeFont } from '../../services/large-font'
import { readyToSend } from '../../services/form-check'

/** Binding to a household with the 8-character join code a cadre gave. */
export default function JoinPage() {
  const large = useLargeFont()
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const write = useWrite()

  const submit = async () => {
    if (!readyToSend({ code, name })) return
    const joined = await write.run('join.bind', { code, name }, { failTitle: '没有加入' })
    if (!joined) return
    await Taro.showModal({
      title: '加入成功',
      content: `您已加入${joined.villageName}${joined.doorPlate}`,
      showCancel: false
    })
    Taro.switchTab({ url: '/pages/index/index' })
  }

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="field">
        <View className="field__label">入户码（8位，向村干部要）</View>
        <Input
          className="input"
          data-testid="join-code"
          value={code}
          maxlength={12}
          placeholder="例如 K7MX3QPA"
          onInput={e => setCode(e.detail.value.replace(/\s+/g, '').toUpperCase())}
        />
      </View>
      <View className="field">
        <View className="field__label">您的姓名</View>
        <Input
          className="input"
          data-testid="join-name"
          value={name}
          maxlength={20}
          placeholder="例如 王秀英"
          onInput={e => setName(e.detail.value)}
        />
      </View>
      <WriteButton
        testid="join-submit"
        label="加入家庭户"
        submitting={write.submitting('join.bind')}
        onClick={submit}
      />
    </View>
  )
}
