import { createRouter, createWebHashHistory } from 'vue-router'
import MembersView from '@/views/MembersView.vue'
import SettingsView from '@/views/SettingsView.vue'
import StandingsView from '@/views/StandingsView.vue'
import EventsView from '@/views/EventsView.vue'
import GroupsView from '@/views/GroupsView.vue'
import LevelsView from '@/views/LevelsView.vue'

export const routes = [
  { path: '/', redirect: '/members' },
  { path: '/members', name: 'members', component: MembersView },
  { path: '/standings', name: 'standings', component: StandingsView },
  { path: '/settings', name: 'settings', component: SettingsView },
  { path: '/events', name: 'events', component: EventsView },
  { path: '/groups', name: 'groups', component: GroupsView },
  { path: '/levels', name: 'levels', component: LevelsView },
  { path: '/:pathMatch(.*)*', redirect: '/members' },
]

export function makeRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
