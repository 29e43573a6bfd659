export default definePageConfig({ navigationBarTitleText: '覆盖率总览', enablePullDownRefresh: true })
