import Taro from '@tarojs/taro'
import { FIELD_LABELS, type FieldName } from '../../core/contract/field-labels'

/**
 * The checks a form can make before it sends anything: the first required field left empty is named
 * as the api would name it (请填写说明), in a dialog, and nothing is sent.
 */
export function firstMissing(
  fields: Partial<Record<FieldName, string | readonly unknown[] | null | undefined>>
): string | null {
  for (const [name, value] of Object.entries(fields) as [FieldName, unknown][]) {
    if (Array.isArray(value)) {
      if (value.length === 0) return `请选择${FIELD_LABELS[name]}`
    } else if (typeof value !== 'string' || value.trim() === '') return `请填写${FIELD_LABELS[name]}`
  }
  return null
}

/** Shows what is missing and answers true when the form may be sent. */
export function readyToSend(fields: Parameters<typeof firstMissing>[0]): boolean {
  const missing = firstMissing(fields)
  if (missing) void Taro.showModal({ title: '还没有填完', content: missing, showCancel: false })
  return missing === null
}
