import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ServiceView } from '../../../../../core/contract/views'
import { call } from '../../../../services/api'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { Loading, Problem } from '../../../../components/Problem'

/** 便民服务: what the town and village offer, by category or by a word; each with what to bring and where to go. */
export default function ServicesPage() {
  const large = useLargeFont()
  const [category, setCategory] = useState('')
  const [query, setQuery] = useState('')
  const load = useCallback(async () => {
    const [list, session] = await Promise.all([call('service.list', { category, query }), call('me.session', {})])
    return { ...list, isCadre: session.roles.some(r => r.role === 'cadre') }
  }, [category, query])
  const { data, problem, reload } = useLoad(load)
  const [open, setOpen] = useState<ServiceView | null>(null)
  const [adding, setAdding] = useState(false)

  if (adding)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <VillageService
          onDone={() => {
            setAdding(false)
            void reload()
          }}
        />
      </View>
    )
  if (open) {
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <View className="notice" data-testid="service-detail">
          <View className="section-title">{open.name}</View>
          <View>{open.purpose}</View>
          {open.who ? <View className="field__label">谁能办：{open.who}</View> : null}
          <View className="field__label">要带：{open.materials.length ? open.materials.join('、') : '不用带材料'}</View>
          <View className="field__label">
            去哪办：{open.where}（{open.when}）
          </View>
          <View className="field__label">怎么办：{open.guide}</View>
        </View>
        {open.phone ? (
          <View className="button" onClick={() => void Taro.makePhoneCall({ phoneNumber: open.phone })}>
            打电话问：{open.phone}
          </View>
        ) : null}
        <View className="button secondary" onClick={() => setOpen(null)}>
          返回
        </View>
      </View>
    )
  }
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="field">
        <Input
          className="input"
          data-testid="service-search"
          placeholder="搜一搜，例如：医保、低保、身份证"
          value={query}
          onInput={e => setQuery(e.detail.value)}
        />
      </View>
      {problem ? (
        <Problem problem={problem} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <View>
            <Text className={`chip ${category === '' ? 'chip--on' : ''}`} onClick={() => setCategory('')}>
              全部
            </Text>
            {data.categories.map(c => (
              <Text key={c} className={`chip ${c === category ? 'chip--on' : ''}`} onClick={() => setCategory(c)}>
                {c}
              </Text>
            ))}
          </View>
          <View className="list">
            {data.services.map(s => (
              <View key={s.id} className="list__row" data-testid="service-row" onClick={() => setOpen(s)}>
                <View className="list__body">
                  <Text className="list__title">{s.name}</Text>
                  <Text className="list__meta">
                    {s.category} · {s.purpose}
                  </Text>
                </View>
              </View>
            ))}
            {data.services.length === 0 ? (
              <View className="list__row muted">没有找到，换个词试试，或打12345问</View>
            ) : null}
          </View>
          {data.isCadre ? (
            <View className="button secondary" onClick={() => setAdding(true)}>
              添加本村的服务
            </View>
          ) : null}
        </>
      )}
    </View>
  )
}

/** A cadre adds a service of the village's own (the town's directory is the town's). */
function VillageService({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState({
    category: '其他',
    name: '',
    purpose: '',
    who: '',
    materials: '',
    where: '',
    when: '',
    phone: '',
    guide: ''
  })
  const write = useWrite()
  const field = (key: keyof typeof form, label: string) => (
    <View className="field">
      <View className="field__label">{label}</View>
      <Input className="input" value={form[key]} onInput={e => setForm({ ...form, [key]: e.detail.value })} />
    </View>
  )
  const save = () =>
    write.run(
      'service.save',
      { ...form, materials: form.materials.split(/[，,、\s]+/).filter(Boolean) },
      { done: '已添加', after: onDone }
    )
  return (
    <View>
      {field('category', '类别')}
      {field('name', '名称')}
      {field('purpose', '办什么用')}
      {field('who', '谁能办')}
      {field('materials', '要带的材料（用顿号隔开）')}
      {field('where', '去哪办')}
      {field('when', '什么时间')}
      {field('phone', '电话')}
      {field('guide', '怎么办')}
      <WriteButton label="保存" submitting={write.submitting('service.save')} onClick={save} />
      <View className="button secondary" onClick={onDone}>
        返回
      </View>
    </View>
  )
}
