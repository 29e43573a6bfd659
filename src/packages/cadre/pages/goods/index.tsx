import { useCallback, useState } from 'react'
import { Input, Picker, Switch, Text, View } from '@tarojs/components'
import type { GoodsView } from '../../../../../core/contract/views'
import { CAP_PERIOD_NAMES } from '../../../../../core/domain/rules'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { useLargeFont } from '../../../../services/large-font'
import { EvidencePicker } from '../../../../components/EvidencePicker'
import { Loading, Problem } from '../../../../components/Problem'

type Draft = Omit<GoodsView, 'id' | 'leftForMe' | 'affordable'> & { id?: string }
const blank: Draft = { name: '', picture: '', price: 5, stock: 10, onShelf: true, limit: null }
const LIMITS = [
  { value: null, label: '不限' },
  ...(['month', 'quarter', 'year'] as const).map(p => ({ value: p, label: `${CAP_PERIOD_NAMES[p]}每户限` }))
]

/** 商品管理: the village shop's goods, price, stock, limit per household, on or off the shelf. */
export default function GoodsPage() {
  const large = useLargeFont()
  const { data, problem, reload } = useLoad(useCallback(() => call('shop.goods', {}), []))
  const [draft, setDraft] = useState<Draft | null>(null)
  const write = useWrite()
  const set = (patch: Partial<Draft>) => draft && setDraft({ ...draft, ...patch })
  const num = (v: string) => Math.max(0, Math.trunc(Number(v)) || 0)

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
  if (draft) {
    const limitIndex = LIMITS.findIndex(l => l.value === (draft.limit?.period ?? null))
    const save = () =>
      write.run(
        'shop.saveGoods',
        {
          goodsId: draft.id,
          name: draft.name,
          picture: draft.picture,
          price: draft.price,
          stock: draft.stock,
          limit: draft.limit,
          onShelf: draft.onShelf
        },
        {
          done: '已保存',
          after: () => {
            setDraft(null)
            return reload()
          }
        }
      )
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <View className="field">
          <View className="field__label">名称</View>
          <Input className="input" value={draft.name} maxlength={30} onInput={e => set({ name: e.detail.value })} />
        </View>
        <View className="field">
          <View className="field__label">要多少积分</View>
          <Input
            className="input"
            type="number"
            value={String(draft.price)}
            onInput={e => set({ price: num(e.detail.value) })}
          />
        </View>
        <View className="field">
          <View className="field__label">库存</View>
          <Input
            className="input"
            type="number"
            value={String(draft.stock)}
            onInput={e => set({ stock: num(e.detail.value) })}
          />
        </View>
        <View className="field">
          <Picker
            mode="selector"
            range={LIMITS.map(l => l.label)}
            value={limitIndex}
            onChange={e => {
              const period = LIMITS[Number(e.detail.value)].value
              set({ limit: period ? { period, max: draft.limit?.max ?? 1 } : null })
            }}
          >
            <View className="input">{LIMITS[limitIndex].label}</View>
          </Picker>
          {draft.limit ? (
            <Input
              className="input"
              type="number"
              value={String(draft.limit.max)}
              onInput={e => set({ limit: { ...draft.limit!, max: Math.max(1, num(e.detail.value)) } })}
            />
          ) : null}
        </View>
        <View className="field">
          <View className="field__label">图片</View>
          <EvidencePicker
            files={draft.picture ? [draft.picture] : []}
            onChange={files => set({ picture: files[files.length - 1] ?? '' })}
          />
        </View>
        <View className="field" style={{ display: 'flex', justifyContent: 'space-between' }}>
          <Text>上架</Text>
          <Switch checked={draft.onShelf} color="#c8321e" onChange={e => set({ onShelf: e.detail.value })} />
        </View>
        <WriteButton label="保存" submitting={write.submitting('shop.saveGoods')} onClick={save} />
        <View className="button secondary" onClick={() => setDraft(null)}>
          返回
        </View>
      </View>
    )
  }
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="button" onClick={() => setDraft({ ...blank })}>
        上新商品
      </View>
      <View className="list">
        {data.goods.map(g => (
          <View
            key={g.id}
            className={`list__row ${g.onShelf ? '' : 'list__row--off'}`}
            onClick={() => setDraft({ ...g })}
          >
            <View className="list__body">
              <Text className="list__title">
                {g.name}
                {g.onShelf ? '' : '（已下架）'}
              </Text>
              <Text className="list__meta">
                库存{g.stock}
                {g.limit ? ` · ${CAP_PERIOD_NAMES[g.limit.period]}每户限${g.limit.max}件` : ''}
              </Text>
            </View>
            <Text className="list__number">{g.price}分</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
