export default definePageConfig({ navigationBarTitleText: '模板和角色', enablePullDownRefresh: true })
