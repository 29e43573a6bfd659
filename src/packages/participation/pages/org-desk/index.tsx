import { useState } from 'react'
import { Input, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useWrite } from '../../../../services/write'
import { useLargeFont } from '../../../../services/large-font'
import { OrganisationIssues } from '../../components/OrganisationIssues'

/**
 * 单位工作台: an organisation's staff answer the villagers' issues handed over to it, publish a service
 * into the directory and notices to the villages served.
 */
export default function OrganisationDeskPage() {
  const large = useLargeFont()
  const [service, setService] = useState({ category: '', name: '', purpose: '', where: '', when: '' })
  const [notice, setNotice] = useState({ title: '', body: '' })
  const write = useWrite()
  const input = (label: string, value: string, set: (v: string) => void, max = 60) => (
    <View className="field">
      <View className="field__label">{label}</View>
      <Input className="input" value={value} maxlength={max} onInput={e => set(e.detail.value)} />
    </View>
  )
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View
        className="button secondary"
        onClick={() => Taro.navigateTo({ url: '/packages/participation/pages/orgs/index' })}
      >
        看本单位的页面
      </View>
      <View className="section-title">村里转来的事</View>
      <OrganisationIssues />
      <View className="section-title">发布办事指南（进便民服务）</View>
      {input('分类', service.category, v => setService({ ...service, category: v }), 20)}
      {input('事项名称', service.name, v => setService({ ...service, name: v }), 40)}
      {input('办什么、谁能办', service.purpose, v => setService({ ...service, purpose: v }), 200)}
      {input('在哪办', service.where, v => setService({ ...service, where: v }))}
      {input('什么时候', service.when, v => setService({ ...service, when: v }))}
      <View className="button" onClick={() => void write.run('org.publishService', service, { done: '已发布' })}>
        发布办事指南
      </View>
      <View className="section-title">发通知（到服务的每个村）</View>
      {input('标题', notice.title, v => setNotice({ ...notice, title: v }))}
      <View className="field">
        <View className="field__label">正文</View>
        <Textarea
          className="textarea"
          value={notice.body}
          maxlength={5000}
          onInput={e => setNotice({ ...notice, body: e.detail.value })}
        />
      </View>
      <View className="button" onClick={() => void write.run('org.publishNotice', notice, { done: '已发出' })}>
        发通知
      </View>
    </View>
  )
}
