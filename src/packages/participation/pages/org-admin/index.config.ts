export default definePageConfig({ navigationBarTitleText: '入驻单位管理', enablePullDownRefresh: true })
