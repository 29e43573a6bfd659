export default definePageConfig({ navigationBarTitleText: '入驻单位', enablePullDownRefresh: true })
