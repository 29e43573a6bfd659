/**
 * @tarojs/taro for components in jsdom (TOOLCHAIN.md, "Jest"): the h5 build injects the platform's
 * APIs and the framework's hooks into @tarojs/taro; this module does the same for the tests.
 */
import React from 'react'
import ReactDOM from 'react-dom'
import * as apis from '@tarojs/plugin-platform-h5/dist/runtime/apis'
import * as runtime from '@tarojs/plugin-framework-react/dist/runtime'

runtime.createH5NativeComponentConfig(null as any, React, ReactDOM)

const Taro = { ...(apis as any).default, ...apis, ...runtime }
module.exports = { ...Taro, default: Taro, __esModule: true }
