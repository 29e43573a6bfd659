export default definePageConfig({ navigationBarTitleText: '提异议', enablePullDownRefresh: true })
