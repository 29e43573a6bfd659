export default definePageConfig({ navigationBarTitleText: '积分贷', enablePullDownRefresh: true })
