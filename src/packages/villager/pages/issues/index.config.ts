export default definePageConfig({ navigationBarTitleText: '村民说事', enablePullDownRefresh: true })
