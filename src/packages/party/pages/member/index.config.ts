export default definePageConfig({ navigationBarTitleText: '我的党员积分', enablePullDownRefresh: true })
