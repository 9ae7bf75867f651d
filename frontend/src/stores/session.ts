import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/session'
import type { Role, Session } from '@/api/session'
import { AppError, isSessionLost, toAppError } from '@/api/errors'
import { isDesktop, resetCsrfToken } from '@/api/shim'

/** Who this page is to the hub: the hub itself, or a paired device's role. */
export type Who = 'local' | Role

/** The desktop window is the hub: always the local admin, and it has no /api/session. */
const DESKTOP: Session = { role: 'admin', device: '', local: true, lan: false, csrf: '' }

export const useSessionStore = defineStore('session', () => {
  const session = ref<Session | null>(null)
  const loaded = ref(false)
  /** Why the last session ended (no_session, session_expired, session_revoked), for the pairing page. */
  const lost = ref('')
  const error = ref<AppError | null>(null)
  const pairing = ref(false)
  let pending: Promise<void> | null = null

  const who = computed<Who | null>(() => (session.value ? (session.value.local ? 'local' : session.value.role) : null))
  /** Admin rights: the hub or an admin device. */
  const canWrite = computed(() => who.value === 'local' || who.value === 'admin')
  const isLocal = computed(() => who.value === 'local')

  async function fetchSession(): Promise<void> {
    if (isDesktop()) {
      session.value = DESKTOP
      loaded.value = true
      return
    }
    try {
      session.value = await api.session()
      error.value = null
      lost.value = ''
    } catch (e) {
      session.value = null
      if (isSessionLost(e)) lost.value = toAppError(e).reason ?? ''
      else error.value = toAppError(e)
    } finally {
      loaded.value = true
    }
  }

  /** Asks the hub who this browser is, once; later calls share the answer. */
  function load(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    pending ??= fetchSession().finally(() => (pending = null))
    return pending
  }

  /** Asks again (after pairing elsewhere, or to retry a network error). */
  function reload(): Promise<void> {
    loaded.value = false
    return load()
  }

  /** Pairs with a code; rejects with the AppError (wrong code, rate limited, bad device name). */
  async function pair(code: string, device: string): Promise<Session> {
    pairing.value = true
    try {
      const s = await api.pair(code, device)
      // The shim's token belonged to no session (or the old one).
      resetCsrfToken()
      session.value = s
      lost.value = ''
      error.value = null
      loaded.value = true
      return s
    } finally {
      pairing.value = false
    }
  }

  async function logout(): Promise<void> {
    const csrf = session.value?.csrf ?? ''
    session.value = null
    lost.value = ''
    try {
      await api.logout(csrf)
    } finally {
      resetCsrfToken()
    }
  }

  /** A call was refused because the session is gone: forget it, and remember why. */
  function loseSession(err: AppError): void {
    session.value = null
    loaded.value = true
    lost.value = err.reason ?? 'no_session'
    resetCsrfToken()
  }

  return { session, loaded, lost, error, pairing, who, canWrite, isLocal, load, reload, pair, logout, loseSession }
})

/** The page a role lands on. */
export function homeOf(who: Who): string {
  return who === 'desk' ? '/desk' : '/dashboard'
}
