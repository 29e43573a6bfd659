export default definePageConfig({ navigationBarTitleText: '登记家庭户' })
