/** Organisations on the platform (入驻单位): public bodies and companies that serve villagers. */
export type OrganisationKind = 'police' | 'health' | 'bank' | 'power' | 'water' | 'agriculture' | 'legal' | 'other'

export const ORGANISATION_KIND_NAMES: Record<OrganisationKind, string> = {
  police: '派出所',
  health: '卫生院',
  bank: '银行',
  power: '供电所',
  water: '自来水',
  agriculture: '农业服务',
  legal: '司法所',
  other: '其他'
}

/** The issue categories (村民说事) an organisation of a kind takes when a cadre hands one over. */
export const ISSUE_CATEGORIES_OF: Record<OrganisationKind, string[]> = {
  police: ['邻里纠纷', '其他'],
  health: ['社保医保'],
  bank: ['其他'],
  power: ['道路水电'],
  water: ['道路水电'],
  agriculture: ['农业生产'],
  legal: ['邻里纠纷'],
  other: ['其他']
}

/** The most towns and villages one organisation serves (a notice goes to each village). */
export const SERVED_VILLAGES_MAX = 200
