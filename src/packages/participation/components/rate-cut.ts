/** What an interest estimate takes off, in words: "少0个百分点" read as a promise of nothing. */
export const rateCutText = (cutPct: number): string => (cutPct > 0 ? `少${cutPct}个百分点` : '暂无优惠')
