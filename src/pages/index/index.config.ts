// a neutral title while the home loads: whose page it is (我家积分, 工作台) is known only from the session
export default definePageConfig({ navigationBarTitleText: '乡村积分', enablePullDownRefresh: true })
