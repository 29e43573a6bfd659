export default definePageConfig({ navigationBarTitleText: '村里的积分', enablePullDownRefresh: true })
