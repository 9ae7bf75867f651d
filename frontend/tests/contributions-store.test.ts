import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'

vi.mock('@/api/contributions', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/contributions')>()
  return {
    ...real,
    list: vi.fn(async () => ({ items: [], total: 0 })),
    create: vi.fn(),
    points: vi.fn(),
    approve: vi.fn(),
    reject: vi.fn(),
    update: vi.fn(),
    withdraw: vi.fn(),
    remove: vi.fn(),
    history: vi.fn(async () => []),
  }
})
vi.mock('@/api/members', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/members')>()
  return { ...real, search: vi.fn() }
})
vi.mock('@/api/standings', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/standings')>()
  return { ...real, rulesOf: vi.fn(async (year: number) => ({ ...rules, year })) }
})

import * as api from '@/api/contributions'
import * as members from '@/api/members'
import { AppError } from '@/api/errors'
import { makeI18n } from '@/i18n'
import { kindText } from '@/contributions'
import {
  emptyEntry, entryOf, inputOf, nextEntry, today, useContributionsStore, type EntryValues, type MemberChoice,
} from '@/stores/contributions'

const mocked = vi.mocked(api)
const rules = {
  year: 2026, ace_threshold: 500, partner_threshold: 200,
  kinds: [
    { key: 'talk_live', label_zh: 'PG.Live 直播', label_en: 'PG.Live online talk', points: 50, unit: 1 },
    { key: 'forum_beans', label_zh: 'PGFans PG 豆', label_en: 'PGFans forum beans', points: 100, unit: 2000 },
  ],
}
const zhang: MemberChoice = { id: 7, name: '张三', phone: '13800000001', city: '杭州', organization: '' }

function row(id: number, status: string, extra: Partial<api.ContributionRow> = {}): api.ContributionRow {
  return {
    id, member_id: 7, kind: 'talk_live', date: '2026-03-05', quantity: 1, title: `第 ${id} 场`, evidence: '', status,
    override_reason: '', version: 1, created_at: '', updated_at: '', member_name: '张三', member_phone: '13800000001', points: 50, ...extra,
  } as api.ContributionRow
}

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((res) => (resolve = res))
  return { promise, resolve }
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await nextTick()
  await new Promise((r) => setTimeout(r, 0))
}

function filled(extra: Partial<EntryValues> = {}): EntryValues {
  return { ...emptyEntry('2026-03-05'), member: zhang, kind: 'talk_live', title: 'VACUUM 调优', evidence: 'https://example.com/v', ...extra }
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

describe('entry values', () => {
  it('sends the quantity only for PG 豆 and the override only when switched on', () => {
    for (const [name, v, want] of [
      ['a talk', filled({ quantity: 3000 }), { quantity: 1, override: null, override_reason: '' }],
      ['beans', filled({ kind: 'forum_beans', quantity: 3000 }), { quantity: 3000, override: null, override_reason: '' }],
      ['override off', filled({ override: 70, override_reason: '双语' }), { quantity: 1, override: null, override_reason: '' }],
      ['override on', filled({ overrideOn: true, override: 70, override_reason: '双语' }), { quantity: 1, override: 70, override_reason: '双语' }],
      ['override on, empty', filled({ overrideOn: true }), { quantity: 1, override: 0, override_reason: '' }],
    ] as const) {
      const got = inputOf(v)
      expect({ quantity: got.quantity, override: got.override, override_reason: got.override_reason }, name).toEqual(want)
      expect(got.member_id, name).toBe(7)
    }
  })

  it('keeps only the date and kind for the next entry', () => {
    expect(nextEntry(filled({ kind: 'forum_beans', quantity: 4000, overrideOn: true }))).toEqual({
      ...emptyEntry('2026-03-05'), kind: 'forum_beans',
    })
  })

  it('writes today as a local civil date', () => {
    expect(today(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09')
  })
})

describe('fast entry', () => {
  it('prices the form once member, kind and date are set, applying only the latest answer', async () => {
    const store = useContributionsStore()
    store.entry.values = { ...emptyEntry('2026-03-05'), kind: 'talk_live' }
    await flush()
    expect(store.entry.points).toBeNull()
    expect(mocked.points).not.toHaveBeenCalled()

    const slow = deferred<number>()
    mocked.points.mockReturnValueOnce(slow.promise).mockResolvedValueOnce(4000 / 2000 * 100)
    store.entry.values.member = zhang
    await flush()
    store.entry.values.kind = 'forum_beans'
    store.entry.values.quantity = 4000
    await flush()
    slow.resolve(50)
    await flush()
    expect(store.entry.points).toBe(200)
    expect(mocked.points).toHaveBeenLastCalledWith(expect.objectContaining({ member_id: 7, kind: 'forum_beans', quantity: 4000 }))

    // The title does not change the points: no new request.
    const calls = mocked.points.mock.calls.length
    store.entry.values.title = '新标题'
    await flush()
    expect(mocked.points.mock.calls.length).toBe(calls)
  })

  it('after a save keeps the form open with the date and kind, and reloads the list', async () => {
    const store = useContributionsStore()
    store.openEntry()
    store.entry.values = filled()
    mocked.create.mockResolvedValueOnce(row(1, 'pending'))
    expect(await store.save()).toBe(true)
    expect(mocked.create).toHaveBeenCalledWith(expect.objectContaining({ member_id: 7, kind: 'talk_live', title: 'VACUUM 调优' }))
    expect(store.entry.open).toBe(true)
    expect(store.entry.values).toEqual({ ...emptyEntry('2026-03-05'), kind: 'talk_live' })
    expect(store.entry.saved).toBe(1)
    expect(mocked.list).toHaveBeenCalled()
  })

  it('keeps everything typed after a failed save, with the field errors', async () => {
    const store = useContributionsStore()
    const typed = filled({ overrideOn: true, override: 70 })
    store.entry.values = { ...typed }
    mocked.create.mockRejectedValueOnce(
      new AppError({ code: 'invalid', reason: 'fields', message: 'x', fields: { override_reason: 'required' } }),
    )
    expect(await store.save()).toBe(false)
    expect(store.entry.values).toEqual(typed)
    expect(store.entry.fieldErrors).toEqual({ override_reason: { reason: 'required' } })
    expect(store.entry.error?.reason).toBe('fields')
    expect(store.entry.saved).toBe(0)
    store.clearFieldError('override_reason')
    expect(store.entry.fieldErrors).toEqual({})
  })

  it('offers the members the search finds, the latest answer only', async () => {
    const store = useContributionsStore()
    const slow = deferred<{ items: members.Member[]; total: number }>()
    vi.mocked(members.search)
      .mockReturnValueOnce(slow.promise)
      .mockResolvedValueOnce({ items: [zhang as members.Member], total: 1 })
    const first = store.findMembers('张')
    await store.findMembers('张三')
    slow.resolve({ items: [], total: 0 })
    await first
    expect(store.memberOptions.map((m) => m.name)).toEqual(['张三'])
    expect(members.search).toHaveBeenLastCalledWith({ text: '张三', archived: false, offset: 0, limit: 8 })
  })
})

describe('contribution list', () => {
  it('asks for the year, status and text, and approves only the ticked pending rows', async () => {
    const store = useContributionsStore()
    mocked.list.mockResolvedValue({ items: [row(1, 'pending'), row(2, 'pending'), row(3, 'approved')], total: 3 })
    await store.setStatus('pending')
    expect(mocked.list).toHaveBeenLastCalledWith(expect.objectContaining({ year: store.year, status: 'pending', offset: 0, limit: 50 }))
    await store.setStatus('all')
    expect(mocked.list).toHaveBeenLastCalledWith(expect.objectContaining({ status: '' }))

    store.selected = [1, 2, 3]
    expect(store.selectedPending.map((r) => r.id)).toEqual([1, 2])
    mocked.approve.mockResolvedValueOnce(row(1, 'approved')).mockRejectedValueOnce(new AppError({ code: 'conflict', reason: 'contribution_stale', message: 'x' }))
    const result = await store.approveSelected()
    expect(mocked.approve.mock.calls).toEqual([[1, 1], [2, 1]])
    expect(result.approved).toBe(1)
    expect(result.failed.map((e) => e.reason)).toEqual(['contribution_stale'])
    expect(store.selected).toEqual([])
  })
})

describe('wording', () => {
  const g = makeI18n('zh-CN').global
  const t = (k: string, p?: Record<string, unknown>) => g.t(k, p ?? {})

  it('names the kind, with the beans for PG 豆', () => {
    expect(kindText({ kind: 'forum_beans', quantity: 2500 }, rules.kinds, 'zh-CN', t)).toBe('PGFans PG 豆 · 2500 PG 豆')
    expect(kindText({ kind: 'talk_live', quantity: 1 }, rules.kinds, 'en', t)).toBe('PG.Live online talk')
  })
})

describe('the editor of a recorded contribution', () => {
  const approved = row(31, 'approved', { kind: 'talk_regional', points: 200, version: 3 })
  const withdrawnAudit = { id: 9, at: '2026-03-06T09:00:00Z', actor: 'lead', action: 'withdraw', entity: 'contribution', entity_id: 31, before: null, after: null, reason: '记错' }

  it('opens on the row, with its history, and sends an approved one’s correction with the reason', async () => {
    mocked.history.mockResolvedValueOnce([withdrawnAudit] as api.AuditEntry[])
    const store = useContributionsStore()
    store.openEditor(approved)
    await flush()
    expect(store.editor.values).toEqual(entryOf(approved))
    expect(store.editor.history.map((e) => e.reason)).toEqual(['记错'])

    store.editor.values.kind = 'talk_live'
    store.editor.reason = '是直播，不是峰会'
    mocked.update.mockResolvedValueOnce({ ...approved, kind: 'talk_live', version: 4 } as unknown as api.Contribution)
    expect(await store.saveEdit()).toBe(true)
    expect(mocked.update).toHaveBeenCalledWith(31, 3, expect.objectContaining({ kind: 'talk_live', member_id: 7 }), '是直播，不是峰会')
    expect(store.editor.open).toBe(true)
    expect(store.editor.row?.version).toBe(4)
    expect(store.editor.reason).toBe('')
    expect(mocked.list).toHaveBeenCalled()
  })

  it('keeps what was typed and shows the reason’s field error when refused', async () => {
    const store = useContributionsStore()
    store.openEditor(approved)
    store.editor.values.title = '新题目'
    mocked.withdraw.mockRejectedValueOnce(new AppError({ code: 'invalid', reason: 'fields', message: 'x', fields: { reason: 'required' } }))
    expect(await store.withdrawEdit()).toBe(false)
    expect(mocked.withdraw).toHaveBeenCalledWith(31, 3, '')
    expect(store.editor.fieldErrors.reason).toEqual({ reason: 'required' })
    expect(store.editor.values.title).toBe('新题目')
    expect(store.editor.busy).toBe('')
    store.clearEditorError('reason')
    expect(store.editor.fieldErrors.reason).toBeUndefined()
  })

  it('withdraws a decision to pending, and closes once a contribution is deleted', async () => {
    const store = useContributionsStore()
    store.openEditor(approved)
    store.editor.reason = '回放未上线'
    mocked.withdraw.mockResolvedValueOnce({ ...approved, status: 'pending', version: 4 } as unknown as api.Contribution)
    expect(await store.withdrawEdit()).toBe(true)
    expect(store.editor.row?.status).toBe('pending')

    mocked.remove.mockResolvedValueOnce(undefined)
    expect(await store.deleteEdit()).toBe(true)
    expect(mocked.remove).toHaveBeenCalledWith(31, 4)
    expect(store.editor.open).toBe(false)
  })
})
