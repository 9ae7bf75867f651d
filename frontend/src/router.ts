import { createRouter, createWebHashHistory, type RouteLocationNormalized } from 'vue-router'
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
import { makeGuard, type SessionLike } from '@/guard'

/** A list page's year and filters from the address: /standings?year=2026&level=near, /standings?held=ace. */
function listQuery(r: RouteLocationNormalized): Record<string, string | undefined> {
  const one = (v: unknown) => (typeof v === 'string' ? v : undefined)
  return { year: one(r.query.year), level: one(r.query.level), held: one(r.query.held), status: one(r.query.status) }
}

export const routes = [
  { path: '/', redirect: '/dashboard' },
  // The dashboard is the only page with charts: loading it on its own keeps
  // ECharts out of the other pages' first paint.
  { path: '/dashboard', name: 'dashboard', component: () => import('@/views/DashboardView.vue') },
  { path: '/members', name: 'members', component: MembersView },
  // The dashboard's cards open these on a year and a filter.
  { path: '/contributions', name: 'contributions', component: ContributionsView, props: listQuery },
  { path: '/standings', name: 'standings', component: StandingsView, props: listQuery },
  { path: '/settings', name: 'settings', component: SettingsView },
  { path: '/events', name: 'events', component: EventsView },
  { path: '/groups', name: 'groups', component: GroupsView },
  { path: '/levels', name: 'levels', component: LevelsView },
  { path: '/certificates', name: 'certificates', component: CertificatesView },
  { path: '/trophies', name: 'trophies', component: TrophiesView },
  { path: '/verify', name: 'verify', component: VerifyView },
  { path: '/exchange', name: 'exchange', component: ExchangeView },
  // LAN mode's pages for phones: full width, no sidebar. Check needs no session.
  { path: '/pair', name: 'pair', component: () => import('@/views/PairView.vue'), meta: { bare: true } },
  { path: '/desk', name: 'desk', component: () => import('@/views/DeskView.vue'), meta: { bare: true } },
  { path: '/check', name: 'check', component: () => import('@/views/CheckView.vue'), meta: { bare: true, public: true } },
  { path: '/:pathMatch(.*)*', redirect: '/dashboard' },
]

declare module 'vue-router' {
  interface RouteMeta {
    /** A page without the sidebar (the phone pages). */
    bare?: boolean
    /** Open to anyone, with no session. */
    public?: boolean
  }
}

export function makeRouter(session: SessionLike) {
  const router = createRouter({ history: createWebHashHistory(), routes })
  router.beforeEach(makeGuard(session))
  return router
}
