/**
 * A branch as people say it: its own name when that already begins with its village's
 * (新丰村党支部), else the village's name in front (新丰村 + 第一党支部), never the village twice.
 */
export const branchName = (b: { name: string; villageName: string }) =>
  b.name.startsWith(b.villageName) ? b.name : `${b.villageName}${b.name}`
