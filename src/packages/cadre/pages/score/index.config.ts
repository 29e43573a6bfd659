export default definePageConfig({ navigationBarTitleText: '打分', enablePullDownRefresh: true })
