export default definePageConfig({ navigationBarTitleText: '村民投票', enablePullDownRefresh: true })
