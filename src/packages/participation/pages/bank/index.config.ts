export default definePageConfig({ navigationBarTitleText: '积分贷（银行）', enablePullDownRefresh: true })
