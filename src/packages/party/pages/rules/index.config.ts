export default definePageConfig({ navigationBarTitleText: '党员积分细则', enablePullDownRefresh: true })
