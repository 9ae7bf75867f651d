import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/members'

/** Names of members shown by id on the program pages, loaded once each. */
export const useMemberNamesStore = defineStore('memberNames', () => {
  const names = ref<Record<number, string>>({})

  function remember(members: readonly { id: number; name: string }[]): void {
    for (const m of members) names.value[m.id] = m.name
  }

  /** Loads the names not known yet; an unknown member keeps showing its id. */
  async function ensure(ids: readonly number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => id && !(id in names.value))
    const found = await Promise.allSettled(missing.map((id) => api.get(id)))
    remember(found.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])))
  }

  function nameOf(id: number): string {
    return id ? (names.value[id] ?? `#${id}`) : ''
  }

  return { names, remember, ensure, nameOf }
})
