export default definePageConfig({ navigationBarTitleText: '导出全部数据' })
