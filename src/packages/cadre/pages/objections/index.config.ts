export default definePageConfig({ navigationBarTitleText: '处理异议', enablePullDownRefresh: true })
