export default definePageConfig({ navigationBarTitleText: '红榜', enablePullDownRefresh: true })
