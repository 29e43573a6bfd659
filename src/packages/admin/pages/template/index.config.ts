export default definePageConfig({ navigationBarTitleText: '细则模板', enablePullDownRefresh: true })
