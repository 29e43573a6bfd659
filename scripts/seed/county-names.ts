/**
 * Names for the county that seed:county generates: a family of one household reads like one. Surnames
 * by how common they are, given names by gender and generation (the head's parents, the head and
 * spouse, their children, their grandchildren), a spouse and a mother from another family (another
 * surname), children and the head's father with the head's. Everything is drawn from numbers the caller
 * gives, so the county stays deterministic from its seed.
 */

/** Common surnames, most common first (the order a weighted draw leans on). */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
]

export type Gender = '男' | '女'
type Generation = 'parents' | 'head' | 'children' | 'grandchildren'

const words = (text: string) => text.split(' ')

/** Given names by generation and gender; no name is in both genders' lists. */
export const GIVEN_NAMES: Record<Generation, Record<Gender, readonly string[]>> = {
  parents: {
    男: words('德福 德顺 长林 长海 福贵 福生 金山 有才 有福 永福 树林 春生 秋生 茂林 荣华 世明 广才 玉山 宝山 振华'),
    女: words('秀英 桂英 桂兰 玉兰 玉珍 淑珍 秀珍 凤英 翠花 兰英 素珍 桂芝 金花 淑英 秀兰 玉英 春兰 凤兰 桂香 秀云')
  },
  head: {
    男: words(
      '建国 建华 建军 国强 国庆 国华 志强 志明 志刚 德明 德华 卫东 卫国 红军 文华 永强 光明 立新 学军 海军 ' +
        '明亮 建平 新民 东升 宏伟 跃进 保国 振国 庆丰 金龙 永林 正华 光辉 洪涛 春雷 建林 德胜 朝阳 满仓 国平'
    ),
    女: words(
      '秀芳 丽华 桂芳 春燕 红梅 海燕 玉梅 淑芬 美华 红英 丽萍 彩霞 秀梅 冬梅 春梅 爱华 爱玲 红霞 桂琴 秀琴 ' +
        '晓梅 兰芳 玉芳 丽君 秀华 金凤 翠英 淑华 凤霞 玉霞 秀莲 月娥 素梅 桂荣 美玲 春香 玉凤 巧云 银花 彩云'
    )
  },
  children: {
    男: words(
      '伟 军 勇 强 斌 涛 磊 鹏 杰 超 刚 波 辉 亮 志伟 建伟 海涛 晓东 小龙 俊杰 文博 海峰 永刚 志勇 鑫 凯 帅 浩 明辉 海波 晓峰 建波'
    ),
    女: words(
      '静 芳 敏 丽 娟 霞 燕 萍 艳 婷 丹 洁 莉 玲 雪梅 晓燕 丽娟 婷婷 晓丽 海霞 小红 慧敏 倩倩 佳慧 琴 红 颖 蕾 晓红 春艳 小燕 秀丽'
    )
  },
  grandchildren: {
    男: words('浩然 宇航 博文 子豪 天佑 家豪 晨阳 明轩 泽宇 俊熙 梓睿 一鸣 浩宇 宇轩 子墨 皓轩 思远 奕辰 嘉豪 睿泽'),
    女: words('欣怡 梓涵 诗涵 雨桐 佳怡 思雨 紫涵 一诺 可馨 若曦 语嫣 雨萱 梦瑶 欣妍 静怡 佳琪 心怡 梓萱 雨欣 诗琪')
  }
}

/** The relations a member is drawn from, as often as they are listed. */
const RELATIONS = ['配偶', '配偶', '子', '子', '女', '女', '父亲', '母亲', '孙子', '孙女'] as const
type Relation = (typeof RELATIONS)[number]
/** A household has one spouse, one father and one mother: one drawn again becomes a child instead. */
const INSTEAD: Partial<Record<Relation, Relation>> = { 配偶: '子', 父亲: '子', 母亲: '女' }

const RELATION_FACTS: Record<
  Exclude<Relation, '配偶'>,
  { gender: Gender; generation: Generation; ownSurname: boolean }
> = {
  子: { gender: '男', generation: 'children', ownSurname: false },
  女: { gender: '女', generation: 'children', ownSurname: false },
  父亲: { gender: '男', generation: 'parents', ownSurname: false },
  母亲: { gender: '女', generation: 'parents', ownSurname: true },
  孙子: { gender: '男', generation: 'grandchildren', ownSurname: false },
  孙女: { gender: '女', generation: 'grandchildren', ownSurname: false }
}

/** The share of heads who are men, as in a rural register. */
const MEN_AMONG_HEADS = 0.8

export interface CountyMember {
  name: string
  relation: string
  gender: Gender
  partyMember: boolean
}

/** A draw in [0, 1) that leans towards the front of a list of `n`: common surnames come up more often. */
const common = (draw: number, n: number) => Math.floor(draw * draw * n)
const at = <T>(list: readonly T[], draw: number) => list[Math.floor(draw * list.length)]

/** The head: a surname and a given name of the head's generation, a man four times in five. */
export function countyHead(surnameDraw: number, givenDraw: number): { name: string; gender: Gender } {
  const gender: Gender = givenDraw < MEN_AMONG_HEADS ? '男' : '女'
  const within = gender === '男' ? givenDraw / MEN_AMONG_HEADS : (givenDraw - MEN_AMONG_HEADS) / (1 - MEN_AMONG_HEADS)
  return { name: SURNAMES[common(surnameDraw, SURNAMES.length)] + at(GIVEN_NAMES.head[gender], within), gender }
}

/**
 * The next member of a household: their relation from `relationDraw`, their given name from `nameDraw`
 * (the next free one of the list when that name is in the household already), another family's surname
 * from `surnameDraw` for a spouse or a mother.
 */
export function countyMember(
  head: { name: string; gender: Gender },
  members: readonly { name: string; relation: string }[],
  draws: { relation: number; name: number; surname: number }
): Omit<CountyMember, 'partyMember'> {
  const drawn = at(RELATIONS, draws.relation)
  const relation = members.some(m => m.relation === drawn) ? (INSTEAD[drawn] ?? drawn) : drawn
  const facts =
    relation === '配偶'
      ? {
          gender: head.gender === '男' ? ('女' as const) : ('男' as const),
          generation: 'head' as const,
          ownSurname: true
        }
      : RELATION_FACTS[relation]
  const surname = facts.ownSurname ? otherSurname(head.name[0], draws.surname) : head.name[0]
  const names = GIVEN_NAMES[facts.generation][facts.gender]
  const first = Math.floor(draws.name * names.length)
  for (let k = 0; k < names.length; k++) {
    const name = surname + names[(first + k) % names.length]
    if (!members.some(m => m.name === name)) return { name, relation, gender: facts.gender }
  }
  throw new Error(`no free name left for the ${relation} of ${head.name}`)
}

function otherSurname(own: string, draw: number): string {
  const index = common(draw, SURNAMES.length)
  return SURNAMES[index] === own ? SURNAMES[(index + 1) % SURNAMES.length] : SURNAMES[index]
}
