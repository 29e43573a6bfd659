export default definePageConfig({ navigationBarTitleText: '批量打分', enablePullDownRefresh: true })
