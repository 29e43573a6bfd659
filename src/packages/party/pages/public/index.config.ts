export default definePageConfig({ navigationBarTitleText: '党务公示', enablePullDownRefresh: true })
