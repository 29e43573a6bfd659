export default definePageConfig({ navigationBarTitleText: '一户一码打印', enablePullDownRefresh: true })
