export default definePageConfig({ navigationBarTitleText: '单位', enablePullDownRefresh: true })
