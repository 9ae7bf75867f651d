import { describe, expect, it } from 'vitest'
import type { BatchEntry } from '@/api/levels'
import { compare, fromOf, kindCounts, kindOf } from '@/batches'

function entry(name: string, level: string, extra: Partial<BatchEntry> = {}): BatchEntry {
  return { member_id: 1, name, name_latin: '', phone: '', city: '杭州', level, qualified_on: '2026-03-01', reason: { code: '', params: {}, text: '' }, ...extra } as BatchEntry
}

describe('batch entries', () => {
  it('tell new members from upgrades, an entry that does not say being new', () => {
    const before = entry('王喆', 'partner')
    const upgrade = entry('李堃', 'ace', { kind: 'upgrade', from: 'partner' })
    const fresh = entry('张伟', 'partner', { kind: 'new', from: 'none' })
    expect([before, upgrade, fresh].map(kindOf)).toEqual(['new', 'upgrade', 'new'])
    expect([before, upgrade, fresh].map(fromOf)).toEqual(['none', 'partner', 'none'])
    expect(kindCounts([before, upgrade, fresh])).toEqual({ new: 2, upgrade: 1 })
  })

  it('sort by name in pinyin, by level from Partner up, by day, new before upgrades', () => {
    const rows = [
      entry('张伟', 'ace', { qualified_on: '2026-02-01', kind: 'upgrade', from: 'partner' }),
      entry('安然', 'partner', { qualified_on: '2026-03-09' }),
      entry('李堃', 'director', { qualified_on: '2026-01-15', kind: 'upgrade', from: 'ace' }),
    ]
    const names = (cmp: (a: BatchEntry, b: BatchEntry) => number) => [...rows].sort(cmp).map((e) => e.name)
    expect(names(compare.name)).toEqual(['安然', '李堃', '张伟'])
    expect(names(compare.level)).toEqual(['安然', '张伟', '李堃'])
    expect(names(compare.qualifiedOn)).toEqual(['李堃', '张伟', '安然'])
    expect(names(compare.kind)).toEqual(['安然', '张伟', '李堃'])
  })
})
