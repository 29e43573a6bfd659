export default defineAppConfig({
  // villager pages: the main package
  pages: [
    'pages/index/index',
    'pages/ranking/index',
    'pages/shop/index',
    'pages/mine/index',
    'pages/history/index',
    'pages/rules/index',
    'pages/posting/index',
    'pages/household/index',
    'pages/notices/index',
    'pages/notice/index',
    'pages/join/index',
    'pages/entry/index',
    'pages/village/index'
  ],
  // staff pages: subpackages, loaded only by those who open them
  subPackages: [
    {
      root: 'packages/cadre',
      pages: [
        'pages/index/index',
        'pages/household/index',
        'pages/household-edit/index',
        'pages/score/index',
        'pages/batch/index',
        'pages/rules/index',
        'pages/roles/index',
        'pages/review/index',
        'pages/objections/index',
        'pages/audit/index',
        'pages/goods/index',
        'pages/desk/index',
        'pages/orders/index',
        'pages/codes/index',
        'pages/publish/index',
        'pages/issues/index'
      ]
    },
    {
      root: 'packages/grid',
      pages: ['pages/index/index', 'pages/log/index', 'pages/propose/index', 'pages/issues/index']
    },
    {
      root: 'packages/villager',
      pages: ['pages/claim/index', 'pages/objection/index', 'pages/issues/index', 'pages/services/index']
    },
    {
      root: 'packages/admin',
      pages: ['pages/index/index', 'pages/template/index', 'pages/roles/index', 'pages/fairness/index']
    },
    {
      root: 'packages/participation',
      pages: [
        'pages/votes/index',
        'pages/vote/index',
        'pages/vote-new/index',
        'pages/activities/index',
        'pages/activity/index',
        'pages/activity-new/index',
        'pages/checkin/index',
        'pages/orgs/index',
        'pages/org/index',
        'pages/credit/index',
        'pages/bank/index',
        'pages/statement/index',
        'pages/org-desk/index',
        'pages/org-admin/index'
      ]
    },
    {
      root: 'packages/party',
      pages: [
        'pages/member/index',
        'pages/branch/index',
        'pages/town/index',
        'pages/bind/index',
        'pages/public/index',
        'pages/rules/index',
        'pages/settings/index',
        'pages/roles/index'
      ]
    },
    // the county roll-out: register import, exports, overview and rankings across villages
    {
      root: 'packages/county',
      pages: [
        'pages/overview/index',
        'pages/import/index',
        'pages/export/index',
        'pages/ranking/index',
        'pages/data-export/index'
      ]
    },
    // 隐私政策: for everyone, read rarely, so outside the main package
    { root: 'packages/info', pages: ['pages/privacy/index'] }
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8321e',
    navigationBarTitleText: '乡村积分',
    navigationBarTextStyle: 'white',
    // the browser build draws the title bar with its back button only when asked; WeChat always does
    navigationStyle: 'default'
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8321e',
    backgroundColor: '#ffffff',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-on.png'
      },
      {
        pagePath: 'pages/ranking/index',
        text: '红榜',
        iconPath: 'assets/tab/ranking.png',
        selectedIconPath: 'assets/tab/ranking-on.png'
      },
      {
        pagePath: 'pages/shop/index',
        text: '积分超市',
        iconPath: 'assets/tab/shop.png',
        selectedIconPath: 'assets/tab/shop-on.png'
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-on.png'
      }
    ]
  }
})
