export default definePageConfig({ navigationBarTitleText: '村干部工作台', enablePullDownRefresh: true })
