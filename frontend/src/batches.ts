// The members of a quarterly batch as the page shows them: who is new and
// who rises from a level they held, and the orders a lead sorts them by.
import type { BatchEntry } from '@/api/levels'

export type EntryKind = 'new' | 'upgrade'

/** New member or upgrade: an entry that does not say is a new member. */
export function kindOf(e: BatchEntry): EntryKind {
  return e.kind === 'upgrade' ? 'upgrade' : 'new'
}

/** The level held before the batch: 'none' for a new member. */
export function fromOf(e: BatchEntry): string {
  return kindOf(e) === 'upgrade' && e.from ? e.from : 'none'
}

/** How many of the entries are new members and how many upgrades. */
export function kindCounts(entries: readonly BatchEntry[]): Record<EntryKind, number> {
  const out: Record<EntryKind, number> = { new: 0, upgrade: 0 }
  for (const e of entries) out[kindOf(e)]++
  return out
}

const RANK: Record<string, number> = { none: 0, partner: 1, ace: 2, director: 3 }

/** The table's orders: names in pinyin order, levels from Partner up, new members before upgrades. */
export const compare = {
  name: (a: BatchEntry, b: BatchEntry) => a.name.localeCompare(b.name, 'zh-CN'),
  city: (a: BatchEntry, b: BatchEntry) => a.city.localeCompare(b.city, 'zh-CN'),
  level: (a: BatchEntry, b: BatchEntry) => (RANK[a.level] ?? 0) - (RANK[b.level] ?? 0),
  kind: (a: BatchEntry, b: BatchEntry) => Number(kindOf(a) === 'upgrade') - Number(kindOf(b) === 'upgrade') || (RANK[fromOf(a)] ?? 0) - (RANK[fromOf(b)] ?? 0),
  qualifiedOn: (a: BatchEntry, b: BatchEntry) => a.qualified_on.localeCompare(b.qualified_on),
}
