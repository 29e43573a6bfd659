export default definePageConfig({ navigationBarTitleText: '党务角色', enablePullDownRefresh: true })
