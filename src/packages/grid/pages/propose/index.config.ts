export default definePageConfig({ navigationBarTitleText: '提议积分', enablePullDownRefresh: true })
