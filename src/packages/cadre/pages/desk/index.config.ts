export default definePageConfig({ navigationBarTitleText: '柜台兑换', enablePullDownRefresh: true })
