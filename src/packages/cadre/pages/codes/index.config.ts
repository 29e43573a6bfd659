export default definePageConfig({ navigationBarTitleText: '户码打印', enablePullDownRefresh: true })
