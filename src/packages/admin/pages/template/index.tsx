import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { TemplateView } from '../../../../../core/contract/views'
import { describePoints, RuleTerms } from '../../../../../core/domain/rules'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { useLargeFont } from '../../../../services/large-font'
import { Loading, Problem } from '../../../../components/Problem'
import { blankTerms, RuleForm } from '../../../../components/staff/RuleForm'

type Item = TemplateView['items'][number]

/** A rule template of the town or county: a name and its items, which villages adopt and adjust. */
export default function TemplatePage() {
  const large = useLargeFont()
  const id = useRouter().params.id
  const { data, problem } = useLoad(
    useCallback(async () => {
      const found = id ? (await call('templates.list', {})).templates.find(t => t.id === id) : undefined
      return found ?? { id: '', ownerId: '', ownerName: '', name: '', items: [] as Item[], editable: true }
    }, [id])
  )
  const [draft, setDraft] = useState<{ name: string; items: Item[] } | null>(null)
  const [adding, setAdding] = useState(false)
  const write = useWrite()

  if (problem)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <Problem problem={problem} />
      </View>
    )
  if (!data)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <Loading />
      </View>
    )
  const current = draft ?? { name: data.name, items: data.items }
  const add = (terms: RuleTerms) => {
    const key = `item-${Date.now().toString(36)}`.slice(0, 24)
    setDraft({ ...current, items: [...current.items, { key, ...terms }] })
    setAdding(false)
  }
  const save = async () => {
    const saved = await write.run(
      'templates.save',
      { templateId: data.id || undefined, name: current.name, items: current.items },
      { done: '已保存', failTitle: '没有保存' }
    )
    if (saved) Taro.navigateBack()
  }

  if (!data.editable) return <ReadOnlyTemplate template={data} large={large} />
  if (adding)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <RuleForm initial={blankTerms()} submitLabel="加入模板" onSubmit={add} />
      </View>
    )
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="field">
        <View className="field__label">模板名称</View>
        <Input
          className="input"
          value={current.name}
          maxlength={30}
          onInput={e => setDraft({ ...current, name: e.detail.value })}
        />
      </View>
      <View className="list">
        {current.items.map(item => (
          <View key={item.key} className="list__row">
            <Text className="list__number">{describePoints(item.points)}</Text>
            <View className="list__body">
              <Text className="list__title">{item.title}</Text>
              <Text className="list__meta">{item.category}</Text>
            </View>
            <Text
              className="list__action"
              onClick={() => setDraft({ ...current, items: current.items.filter(i => i.key !== item.key) })}
            >
              删去
            </Text>
          </View>
        ))}
      </View>
      <View className="button secondary" onClick={() => setAdding(true)}>
        加一条
      </View>
      <WriteButton label="保存模板" submitting={write.submitting('templates.save')} onClick={save} />
    </View>
  )
}

/** Another place's template (the county's, seen by a town): read it, adopt it in villages, never change it. */
function ReadOnlyTemplate({ template, large }: { template: TemplateView; large: boolean }) {
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="notice" data-testid="template-read-only">
        <View className="section-title">{template.name}</View>
        这是{template.ownerName}的模板，只有{template.ownerName}能修改。村里可以直接采用，再按本村情况调整。
      </View>
      <View className="list">
        {template.items.map(item => (
          <View key={item.key} className="list__row">
            <Text className="list__number">{describePoints(item.points)}</Text>
            <View className="list__body">
              <Text className="list__title">{item.title}</Text>
              <Text className="list__meta">{item.category}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
