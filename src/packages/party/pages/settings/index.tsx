import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PartySettings, settingsProblem } from '../../../../../core/domain/party'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { Screen } from '../../../../components/Screen'
import { NumberField } from '../../components/NumberField'
import '../../components/party.css'

const STAR_NAMES = ['一星', '二星', '三星', '四星', '五星']

/** The settings that are one number each, and how far − and + may take them. */
type NumberSetting = 'baseScore' | 'reviewMax' | 'scaleMax' | 'quarterPostingDays' | 'ratingPostingDays'
interface SettingField {
  key: NumberSetting
  label: string
  unit: string
  min: number
  max: number
  step?: number
  testid: string
}

const SCORE_FIELDS: SettingField[] = [
  { key: 'baseScore', label: '基础分', unit: '分', min: 0, max: 100, testid: 'set-base' },
  { key: 'reviewMax', label: '民主评议最多', unit: '分', min: 0, max: 50, testid: 'set-review' },
  { key: 'scaleMax', label: '满分', unit: '分', min: 50, max: 200, step: 10, testid: 'set-scale' }
]
const POSTING_FIELDS: SettingField[] = [
  { key: 'quarterPostingDays', label: '季度积分公示', unit: '天', min: 1, max: 30, testid: 'set-quarter-days' },
  { key: 'ratingPostingDays', label: '年终评星公示', unit: '天', min: 1, max: 30, testid: 'set-rating-days' }
]

function SettingFields({
  fields,
  settings,
  set
}: {
  fields: SettingField[]
  settings: PartySettings
  set: (patch: Partial<PartySettings>) => void
}) {
  return (
    <View className="form-block">
      {fields.map(({ key, ...field }) => (
        <NumberField key={key} {...field} value={settings[key]} onChange={v => set({ [key]: v })} />
      ))}
    </View>
  )
}

/** What the settings mean for a member, in one line per star: 60～69分 一星 …, below the first 不合格. */
function starBands(s: PartySettings): string[] {
  const t = s.starThresholds
  return [
    `${t[0]}分以下：不合格`,
    ...t.map((from, i) => `${from}～${i < 4 ? t[i + 1] - 1 : s.scaleMax}分：${STAR_NAMES[i]}`)
  ]
}

/**
 * 评星设置: the county administrator sets the county's, a town's party administrator adjusts them for
 * the town's branches (base score, 民主评议's maximum, the full score, the five stars' thresholds,
 * posting days). Every number is set by − and +; a setting that cannot work (thresholds out of order)
 * says why. A town that adjusted them keeps its own: the county's page names those towns.
 */
export default function PartySettingsPage() {
  const write = useWrite()
  const { data, problem, reload } = useLoad(useCallback(() => call('partyTown.settings', {}), []))
  const [settings, setSettings] = useState<PartySettings | null>(null)
  useEffect(() => {
    if (data) setSettings(data.settings)
  }, [data])
  const set = (patch: Partial<PartySettings>) => settings && setSettings({ ...settings, ...patch })
  const setThreshold = (i: number, v: number) =>
    settings && set({ starThresholds: settings.starThresholds.map((t, j) => (j === i ? v : t)) })
  const why = settings ? settingsProblem(settings) : null
  return (
    <Screen data={data && settings ? { owner: data, s: settings } : null} problem={problem}>
      {({ owner, s }) => (
        <>
          <View className="section-title" data-testid="settings-owner">
            {owner.placeName}党员年终评星
          </View>
          {owner.townsAdjusted.length > 0 ? (
            <View className="muted" data-testid="settings-towns-adjusted">
              {owner.townsAdjusted.join('、')}自己调整过，按镇里的设置评星
            </View>
          ) : null}
          <SettingFields fields={SCORE_FIELDS} settings={s} set={set} />
          <View className="section-title">星级分数线（到这个分就是这个星）</View>
          <View className="form-block">
            {s.starThresholds.map((t, i) => (
              <NumberField
                key={i}
                label={STAR_NAMES[i]}
                unit="分"
                value={t}
                min={1}
                max={200}
                testid={`set-star-${i + 1}`}
                onChange={v => setThreshold(i, v)}
              />
            ))}
          </View>
          <View className="section-title">公示天数</View>
          <SettingFields fields={POSTING_FIELDS} settings={s} set={set} />
          <View className="notice" data-testid="settings-bands">
            {why ? (
              <Text className="minus" data-testid="settings-problem">
                {why}
              </Text>
            ) : (
              starBands(s).map(line => <View key={line}>{line}</View>)
            )}
          </View>
          <WriteButton
            label={owner.level === 'county' ? '保存，全县党支部按这个评星' : '保存，全镇党支部按这个评星'}
            testid="settings-save"
            submitting={write.submitting('partyTown.setSettings')}
            disabled={write.busy || Boolean(why)}
            onClick={() => write.run('partyTown.setSettings', { settings: s }, { done: '已保存', after: reload })}
          />
        </>
      )}
    </Screen>
  )
}
