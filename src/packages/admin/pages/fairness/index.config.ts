export default definePageConfig({ navigationBarTitleText: '公平性', enablePullDownRefresh: true })
