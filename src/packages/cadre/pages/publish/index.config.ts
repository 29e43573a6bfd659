export default definePageConfig({ navigationBarTitleText: '发布通知', enablePullDownRefresh: true })
