export default definePageConfig({ navigationBarTitleText: '积分细则', enablePullDownRefresh: true })
