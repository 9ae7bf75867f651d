import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { installShim } from './api/shim'
import { onSessionLost } from './api/errors'
import { useSessionStore } from './stores/session'
import App from './App.vue'
import { i18n, showLanguage } from './i18n'
import { makeRouter } from './router'
import './style.css'

// Browser mode: put the HTTP window.go in place before anything can call a
// service (imports above only define things; the first call comes after
// mount). Inside Wails window.go already exists and is left alone.
installShim()

showLanguage(i18n.global.locale.value)

const pinia = createPinia()
const session = useSessionStore(pinia)
const router = makeRouter(session)
// A revoked or expired device learns it on its next call: back to pairing,
// where the page says why (the public check page stays where it is).
onSessionLost((err) => {
  session.loseSession(err)
  if (!router.currentRoute.value.meta.public) void router.push({ name: 'pair' })
})

createApp(App).use(pinia).use(i18n).use(router).mount('#app')
