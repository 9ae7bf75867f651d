// Which page a visitor may see: the public certificate check is open to
// all; everything else needs a session (the hub itself always has one), and
// a desk device sees only the desk.
import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import type { Who } from '@/stores/session'

export interface SessionLike {
  who: Who | null
  load(): Promise<void>
}

/** Pages a desk device may open. */
const DESK_PAGES = new Set(['desk', 'pair', 'check'])

export function makeGuard(session: SessionLike) {
  return async (to: RouteLocationNormalized): Promise<true | RouteLocationRaw> => {
    if (to.meta.public) return true
    await session.load()
    const who = session.who
    if (!who) return to.name === 'pair' ? true : { name: 'pair' }
    if (who === 'desk' && !DESK_PAGES.has(String(to.name))) return { name: 'desk' }
    return true
  }
}
