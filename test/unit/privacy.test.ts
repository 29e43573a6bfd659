/**
 * The privacy interfaces the app's code calls are exactly the ones it declares, with their purpose
 * (src/services/privacy-uses.ts), so the list pasted into the console's 用户隐私保护指引 (npm run
 * privacy) is complete: a new picker in the code without a declared purpose fails here.
 */
import { comparePrivacyUses } from '../../scripts/privacy/list'
import { interfacesIn } from '../../scripts/privacy/scan'

test('every privacy interface the code calls is declared with its purpose, and nothing else is', () => {
  const { found, undeclared, unused, misfiled } = comparePrivacyUses()
  expect(found.map(f => f.api)).toEqual(['chooseImage', 'chooseMessageFile', 'setClipboardData'])
  expect(undeclared).toEqual([])
  expect(unused).toEqual([])
  expect(misfiled).toEqual([])
})

test('the scan finds calls, the buttons that open a privacy interface and the camera; not other APIs', () => {
  expect(interfacesIn('await Taro.getLocation({ type: "gcj02" })')).toEqual(['getLocation'])
  expect(interfacesIn('wx.chooseMedia({})')).toEqual(['chooseMedia'])
  expect(interfacesIn('<Button openType="getPhoneNumber" />')).toEqual(['open-type=getPhoneNumber'])
  expect(interfacesIn('<Input type="nickname" />')).toEqual(['type=nickname'])
  expect(interfacesIn('<Camera devicePosition="back" />')).toEqual(['<Camera'])
  expect(interfacesIn('Taro.showToast({ title: "x" }); Taro.scanCode({})')).toEqual([])
})
