import { createRouter, createWebHashHistory } from 'vue-router'
import MembersView from '@/views/MembersView.vue'
import SettingsView from '@/views/SettingsView.vue'

export const routes = [
  { path: '/', redirect: '/members' },
  { path: '/members', name: 'members', component: MembersView },
  { path: '/settings', name: 'settings', component: SettingsView },
  { path: '/:pathMatch(.*)*', redirect: '/members' },
]

export function makeRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
