import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { installShim } from './api/shim'
import App from './App.vue'
import { i18n } from './i18n'
import { makeRouter } from './router'
import './style.css'

// Browser mode: put the HTTP window.go in place before anything can call a
// service (imports above only define things; the first call comes after
// mount). Inside Wails window.go already exists and is left alone.
installShim()

document.documentElement.lang = i18n.global.locale.value

createApp(App).use(createPinia()).use(i18n).use(makeRouter()).mount('#app')
