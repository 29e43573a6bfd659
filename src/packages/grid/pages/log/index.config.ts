export default definePageConfig({ navigationBarTitleText: '写日志', enablePullDownRefresh: true })
