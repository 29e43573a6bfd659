import { useCallback, useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { RuleView } from '../../../../../core/contract/views'
import type { RuleTerms } from '../../../../../core/domain/rules'
import type { RouteName } from '../../../../../core/contract/routes'
import { call } from '../../../../services/api'
import { useWrite, WriteInput } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { RuleList } from '../../../../components/RuleList'
import { Loading, Problem } from '../../../../components/Problem'
import { blankTerms, RuleForm } from '../../../../components/staff/RuleForm'
import { confirmFirst } from '../../../../services/confirm'

/** The village's catalogue: adopt a template, add, change or stop rules, set the star levels. */
export default function CadreRules() {
  const large = useLargeFont()
  const { data, problem, reload } = useLoad(useCallback(() => call('rules.list', {}), []))
  const [editing, setEditing] = useState<RuleView | 'new' | null>(null)
  const [stars, setStars] = useState('')

  const write = useWrite()
  const send = <R extends RouteName>(route: R, input: WriteInput<R>, done: string) =>
    write.run(route, input, {
      done,
      after: () => {
        setEditing(null)
        return reload()
      }
    })
  const save = (terms: RuleTerms) =>
    send('rules.save', { ruleId: editing && editing !== 'new' ? editing.id : undefined, terms }, '已保存')

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
  if (editing) {
    const initial = editing === 'new' ? blankTerms() : editing
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <RuleForm
          initial={initial}
          submitLabel="保存细则"
          submitting={write.submitting('rules.save')}
          onSubmit={t => void save(t)}
        />
        {editing !== 'new' && editing.active ? (
          <WriteButton
            className="button secondary"
            label="停用这条（已有的积分不变）"
            submitting={write.submitting('rules.retire')}
            disabled={write.busy}
            onClick={async () =>
              (await confirmFirst('停用细则', `停用“${editing.title}”？已有的积分不变。`, '停用')) &&
              send('rules.retire', { ruleId: editing.id }, '已停用')
            }
          />
        ) : null}
        <View className="button secondary" onClick={() => setEditing(null)}>
          返回
        </View>
      </View>
    )
  }
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="button" onClick={() => setEditing('new')}>
        新增一条细则
      </View>
      {data.templates.map(t => (
        <WriteButton
          key={t.id}
          className="button secondary"
          label={`采用${t.ownerName}模板：${t.name}（${t.items.length}条）`}
          submitting={write.submitting('rules.adoptTemplate', { templateId: t.id })}
          disabled={write.busy}
          onClick={() => send('rules.adoptTemplate', { templateId: t.id }, '已采用')}
        />
      ))}
      <View className="field">
        <View className="field__label">星级文明户分数线（现在：{data.starThresholds.join('、')}）</View>
        <Input
          className="input"
          value={stars}
          placeholder="例如 60,80,100,120,150"
          onInput={e => setStars(e.detail.value)}
        />
        <WriteButton
          className="button secondary"
          label="保存分数线"
          submitting={write.submitting('village.setStars')}
          disabled={write.busy}
          onClick={() =>
            send(
              'village.setStars',
              {
                thresholds: stars
                  .split(/[,，、\s]+/)
                  .filter(Boolean)
                  .map(Number)
              },
              '已保存'
            )
          }
        />
      </View>
      <RuleList rules={data.rules} onPick={setEditing} action="修改" />
    </View>
  )
}
