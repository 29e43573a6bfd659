import { View } from '@tarojs/components'
import { SUBMITTING } from '../services/write'

/**
 * A button that sends a write (see services/write.ts): it says 提交中 while its write is in flight and
 * takes no tap while any write of the page is.
 */
export function WriteButton(props: {
  label: string
  onClick: () => unknown
  /** this button's write is in flight */
  submitting: boolean
  /** some write of the page is in flight, or the form is not ready */
  disabled?: boolean
  className?: string
  testid?: string
  /** which of several such buttons this is (a test finds it by `data-value`) */
  value?: string
}) {
  const idle = !props.submitting && !props.disabled
  return (
    <View
      className={`${props.className ?? 'button'}${idle ? '' : ' is-busy'}`}
      data-testid={props.testid}
      data-value={props.value}
      data-submitting={props.submitting ? 'yes' : undefined}
      onClick={() => (idle ? void props.onClick() : undefined)}
    >
      {props.submitting ? SUBMITTING : props.label}
    </View>
  )
}
