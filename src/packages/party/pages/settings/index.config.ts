export default definePageConfig({ navigationBarTitleText: '评星设置' })
