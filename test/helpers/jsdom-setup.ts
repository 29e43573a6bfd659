// What Taro's h5 components expect from the build (TOOLCHAIN.md, "Jest").
process.env.TARO_ENV = 'h5'
Object.assign(globalThis, {
  __TARO_FRAMEWORK__: 'react',
  DEPRECATED_ADAPTER_COMPONENT: false,
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_MUTATION_OBSERVER: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true
})
