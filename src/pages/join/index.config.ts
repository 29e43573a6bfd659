export default definePageConfig({ navigationBarTitleText: '加入家庭户', enablePullDownRefresh: true })
