import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'node:path'
import devConfig from './dev'
import prodConfig from './prod'

// WeChat runs the code as uploaded (project.config.json has es6: false), on whatever JavaScript engine
// the phone has; the weapp build therefore compiles for the "weapp" browserslist environment (ES5 era:
// the oldest engines WeChat serves), the h5 build for the default one. See docs/operations.md.
if (process.env.TARO_ENV === 'weapp') process.env.BROWSERSLIST_ENV = 'weapp'

// one output folder per platform: dist/weapp for WeChat DevTools, dist/h5 for the browser; scripts/build-h5.ts
// builds into a staging folder (BUILD_OUTPUT_ROOT) and then puts it in place whole
const outputRoot = process.env.BUILD_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async merge => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xiangcun-jifen',
    date: '2026-11-27',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    // the cloud environment the app calls (Taro.cloud.init): set by scripts/build-weapp.ts from CLOUD_ENV
    defineConstants: { CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV || 'local') },
    // the tab bar's icons are referenced by path from app.config, so they are copied as files
    copy: { patterns: [{ from: 'src/assets/', to: `${outputRoot}/assets/` }], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // core/ is shared TypeScript outside src/; compile it like the app's own code
      compile: { include: [path.resolve(__dirname, '../core')] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' }
        }
      }
    },
    h5: {
      publicPath: '/',
      compile: { include: [path.resolve(__dirname, '../core')] },
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css'
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' }
        }
      }
    }
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
