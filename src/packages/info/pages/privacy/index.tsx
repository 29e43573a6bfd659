import { Text, View } from '@tarojs/components'
import { PRIVACY_USES } from '../../../../services/privacy-uses'
import { useLargeFont } from '../../../../services/large-font'

/**
 * 隐私政策: what the app keeps about a household and its people, why, who sees it, how long, and how to
 * have it corrected or deleted; then the phone's photos and files it asks for (from the same list that
 * `npm run privacy` checks against the code). Written for villagers: short sentences, no jargon.
 */
const SECTIONS: { title: string; lines: string[] }[] = [
  {
    title: '我们记下什么',
    lines: [
      '您的微信身份标识（不是微信号，也看不到您的聊天）。',
      '您家的门牌、户主、家庭成员的姓名和关系、是否党员。',
      '您家的积分、每一笔加分扣分、兑换的东西。',
      '您自己写的申报、说事、异议和评价，附上的照片和文件。',
      '身份证号只存一个查重用的密码值和最后4位，谁也看不到完整号码。'
    ]
  },
  {
    title: '为什么要记',
    lines: ['为了给您家记积分、公示、兑换，让村里办事有据可查；不做别的用途，不卖给任何人。']
  },
  {
    title: '谁能看到',
    lines: [
      '您家的积分和明细：您家的人、本村村干部和您所在网格的网格员。',
      '公示期内的加分：本村村民都能看到，这是为了公开公平。',
      '镇街和县里的管理员：只看各村的汇总数字。每一次打分、改分都留有记录。'
    ]
  },
  {
    title: '保存多久',
    lines: [
      '积分记录是您家的积分档案，村里长期保存。',
      '您离开本村或注销后，村干部解除绑定，您的微信身份就不再和这户相连。'
    ]
  },
  {
    title: '记错了或想删除',
    lines: [
      '找本村村干部，或在「村民说事」里说明，村干部会在3个工作日内答复。',
      '积分记错了不会直接删改，而是补一条更正记录，前后都看得到。'
    ]
  }
]

export default function PrivacyPage() {
  const large = useLargeFont()
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {SECTIONS.map(s => (
        <View key={s.title} className="notice">
          <Text className="section-title">{s.title}</Text>
          {s.lines.map(line => (
            <View key={line}>{line}</View>
          ))}
        </View>
      ))}
      <View className="notice">
        <Text className="section-title">手机上的照片和文件</Text>
        <View className="muted">只在您自己点了选照片、选文件时才用，用之前会先问您同不同意。</View>
        {PRIVACY_USES.map(u => (
          <View key={u.api}>
            {u.info}：{u.purpose}
          </View>
        ))}
      </View>
    </View>
  )
}
