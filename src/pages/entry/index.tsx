import { useCallback } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { EntryExplained } from '../../../core/contract/routes'
import { formatDateTime } from '../../../core/domain/period'
import { OBJECTION_STATE_NAMES, POSTING_STATE_NAMES } from '../../../core/domain/workflow'
import { proofHolds } from '../../../core/domain/seal'
import { call } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { useLargeFont } from '../../services/large-font'
import { Loading, Problem } from '../../components/Problem'
import { KIND_LABELS, signed } from '../../components/points'
import './index.css'

const PERIOD_NAMES = { month: '每月', quarter: '每季度', year: '每年' } as const

/** 积分详情: one entry's whole story, from any list of entries: rule, scorer, photos, origin, posting, proof. */
export default function EntryPage() {
  const large = useLargeFont()
  const entryId = useRouter().params.id ?? ''
  const { data, problem } = useLoad(useCallback(() => call('entry.explain', { entryId }), [entryId]))
  return (
    <View className={`page entry ${large ? 'large' : ''}`}>
      {problem ? <Problem problem={problem} /> : !data ? <Loading /> : <Explained e={data} />}
    </View>
  )
}

function Explained({ e }: { e: EntryExplained }) {
  return (
    <>
      <View className="entry__head">
        <Text className={`entry__points ${e.points < 0 ? 'minus' : 'plus'}`}>{signed(e.points)}</Text>
        <Text className="entry__title">{e.rule?.title ?? e.note}</Text>
        <Text className="muted">
          {e.household.doorPlate} · {e.household.head} · {KIND_LABELS[e.kind]}
        </Text>
      </View>
      <View className="list">
        {e.rule ? (
          <Row label="按哪条细则" testId="rule">
            {e.rule.category} · {e.rule.title}（第{e.rule.version}版，
            {e.rule.min === e.rule.max ? `${signed(e.rule.min)}分` : `${signed(e.rule.min)}到${signed(e.rule.max)}分`}
            {e.rule.cap ? `，${PERIOD_NAMES[e.rule.cap.period]}最多${e.rule.cap.max}分` : ''}）
          </Row>
        ) : null}
        <Row label="谁打的分" testId="scorer">
          {e.byName || '系统'} · {formatDateTime(e.at)}
        </Row>
        {e.note ? <Row label="说明">{e.note}</Row> : null}
        <Row label="从哪里来">
          <Origin e={e} />
        </Row>
        {e.posting ? (
          <Row label="公示">
            {POSTING_STATE_NAMES[e.posting.state]}，公示到{formatDateTime(e.posting.until)}
          </Row>
        ) : null}
        {e.objections.map((o, i) => (
          <Row key={i} label="异议">
            {o.byName}：{o.reason}（{OBJECTION_STATE_NAMES[o.state]}
            {o.reply ? `，答复：${o.reply}` : ''}）
          </Row>
        ))}
        {e.correctedBy ? (
          <Row label="已更正">
            {formatDateTime(e.correctedBy.at)} {e.correctedBy.byName}更正{signed(e.correctedBy.points)}分：
            {e.correctedBy.note}
          </Row>
        ) : null}
        {e.corrects ? (
          <Row label="更正的是">
            <Text className="link" onClick={() => Taro.navigateTo({ url: `/pages/entry/index?id=${e.corrects!.id}` })}>
              {formatDateTime(e.corrects.at)} {e.corrects.title} {signed(e.corrects.points)}分
            </Text>
          </Row>
        ) : null}
      </View>
      {e.evidence.length ? (
        <>
          <View className="section-title">照片</View>
          <View className="photos">
            {e.evidence.map(src => (
              <Image
                key={src}
                src={src}
                className="photos__item"
                mode="aspectFill"
                data-testid="evidence"
                onClick={() => void Taro.previewImage({ urls: e.evidence, current: src })}
              />
            ))}
          </View>
        </>
      ) : null}
      <Proof e={e} />
    </>
  )
}

function Row(props: { label: string; testId?: string; children: React.ReactNode }) {
  return (
    <View className="list__row" data-testid={props.testId}>
      <View className="list__body">
        <Text className="list__meta">{props.label}</Text>
        <Text className="list__title">{props.children}</Text>
      </View>
    </View>
  )
}

function Origin({ e }: { e: EntryExplained }) {
  const o = e.origin
  switch (o.kind) {
    case 'claim':
      return (
        <>
          村民{o.byName}申报：{o.description}（{formatDateTime(o.at)}）
        </>
      )
    case 'proposal':
      return (
        <>
          网格员{o.byName}提议：{o.description}（{formatDateTime(o.at)}）
        </>
      )
    case 'batch':
      return <>批量打分，同一次给了{o.households}户</>
    case 'order':
      return (
        <>
          积分超市：{o.goodsName} × {o.quantity}
        </>
      )
    default:
      return <>村干部直接打分</>
  }
}

/** 已存证: the day's root, and the inclusion proof checked again here on the phone. */
function Proof({ e }: { e: EntryExplained }) {
  const p = e.proof
  if (!p)
    return (
      <View className="notice" data-testid="proof">
        今天的记录，今晚存证以后可以在这里核对。
      </View>
    )
  const holds = p.matchesSeal && proofHolds(p)
  return (
    <View className={`notice proof ${holds ? '' : 'proof--broken'}`} data-testid="proof">
      <Text className="proof__title">{holds ? '已存证' : '存证对不上，请找镇里核实'}</Text>
      <Text className="proof__line">
        {p.day} 全村第{p.index + 1}条，共{p.size}条
      </Text>
      <Text className="proof__line">树根 {p.root}</Text>
      <Text className="proof__line muted">
        树头 {p.headHash.slice(0, 16)}… · {formatDateTime(p.sealedAt)}存证 · 本机已按证明重新算过
      </Text>
    </View>
  )
}
