export default definePageConfig({ navigationBarTitleText: '全镇/全县积分榜' })
