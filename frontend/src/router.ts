import { createRouter, createWebHashHistory } from 'vue-router'
import ContributionsView from '@/views/ContributionsView.vue'
import MembersView from '@/views/MembersView.vue'
import SettingsView from '@/views/SettingsView.vue'
import StandingsView from '@/views/StandingsView.vue'
import EventsView from '@/views/EventsView.vue'
import GroupsView from '@/views/GroupsView.vue'
import LevelsView from '@/views/LevelsView.vue'
import CertificatesView from '@/views/CertificatesView.vue'
import TrophiesView from '@/views/TrophiesView.vue'
import VerifyView from '@/views/VerifyView.vue'
import ExchangeView from '@/views/ExchangeView.vue'

export const routes = [
  { path: '/', redirect: '/dashboard' },
  // The dashboard is the only page with charts: loading it on its own keeps
  // ECharts out of the other pages' first paint.
  { path: '/dashboard', name: 'dashboard', component: () => import('@/views/DashboardView.vue') },
  { path: '/members', name: 'members', component: MembersView },
  { path: '/contributions', name: 'contributions', component: ContributionsView },
  { path: '/standings', name: 'standings', component: StandingsView },
  { path: '/settings', name: 'settings', component: SettingsView },
  { path: '/events', name: 'events', component: EventsView },
  { path: '/groups', name: 'groups', component: GroupsView },
  { path: '/levels', name: 'levels', component: LevelsView },
  { path: '/certificates', name: 'certificates', component: CertificatesView },
  { path: '/trophies', name: 'trophies', component: TrophiesView },
  { path: '/verify', name: 'verify', component: VerifyView },
  { path: '/exchange', name: 'exchange', component: ExchangeView },
  { path: '/:pathMatch(.*)*', redirect: '/dashboard' },
]

export function makeRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
