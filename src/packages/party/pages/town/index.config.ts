export default definePageConfig({ navigationBarTitleText: '镇党委工作台', enablePullDownRefresh: true })
