import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/events', () => ({
  kinds: vi.fn(async () => ['conference', 'regional_summit', 'city_meetup']),
  list: vi.fn(async () => []),
  save: vi.fn(),
  remove: vi.fn(),
  contributionsOf: vi.fn(async () => []),
  approve: vi.fn(),
  reject: vi.fn(),
}))
vi.mock('@/api/groups', () => ({ list: vi.fn(async () => []) }))
vi.mock('@/api/system', () => ({ today: vi.fn(async () => '2026-12-07') }))
vi.mock('@/api/standings', () => ({
  rulesOf: vi.fn(async (year: number) => ({ year, kinds: [{ key: 'talk_regional', label_zh: '技术峰会全国行演讲', label_en: 'Talk at a regional summit', points: 200, unit: 1 }] })),
}))
vi.mock('@/api/members', () => ({ get: vi.fn(async (id: number) => ({ id, name: `成员${id}` })) }))
vi.mock('@/api/levels', () => ({ batches: vi.fn(), renewal: vi.fn(), publish: vi.fn(), confirmRenewal: vi.fn() }))

import * as events from '@/api/events'
import * as levels from '@/api/levels'
import * as system from '@/api/system'
import { AppError } from '@/api/errors'
import { makeI18n } from '@/i18n'
import { contributionPoints, entryReason, labelOf, rowText } from '@/program'
import { membersOf, useEventsStore } from '@/stores/events'
import { termsWith, emptyGroupInput } from '@/stores/groups'
import { useLevelsStore } from '@/stores/levels'

const ev = vi.mocked(events)
const lv = vi.mocked(levels)
const sys = vi.mocked(system)

function i18n(locale: 'zh-CN' | 'en') {
  const { t, te } = makeI18n(locale).global
  return { t: (k: string, p?: Record<string, unknown>) => t(k, p ?? {}), te: (k: string) => te(k) }
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

describe('program wording', () => {
  it('translates blocked reasons from code and params, and falls back to the server text', () => {
    const { t, te } = i18n('zh-CN')
    expect(rowText('levels.blocked', { code: 'quarter_open', params: { batch: '2026-Q2', date: '2026-06-30' }, text: 'x' }, t, te)).toBe('自 2026-06-30 起可发布')
    expect(rowText('levels.blocked', { code: 'earlier_unpublished', params: { batch: '2026-Q1' }, text: 'x' }, t, te)).toBe('请先发布批次 2026-Q1')
    expect(rowText('levels.blocked', { code: 'new_code', params: {}, text: 'server text' }, t, te)).toBe('server text')
    const en = i18n('en')
    expect(rowText('levels.blocked', { code: 'renewal_early', params: { year: '2026', date: '2026-12-01' }, text: 'x' }, en.t, en.te)).toBe('Can be confirmed from 2026-12-01')
  })

  it('translates batch reasons with the standings codes', () => {
    const { t, te } = i18n('zh-CN')
    expect(entryReason('partner', { code: 'points_reached', params: { date: '2025-05-10', level: 'partner' }, text: 'x' }, t, te)).toBe('2025-05-10 积分达到 PostgreSQL ACE 伙伴')
    expect(entryReason('partner', { code: 'group_lead', params: { group: '杭州用户组' }, text: 'x' }, t, te)).toBe('杭州用户组组长：PostgreSQL ACE 伙伴')
  })

  it('labels event kinds and keeps unknown keys', () => {
    const { t, te } = i18n('zh-CN')
    expect(labelOf('events.kinds', 'regional_summit', t, te)).toBe('技术峰会全国行')
    expect(labelOf('events.kinds', 'university', t, te)).toBe('高校行')
    expect(labelOf('events.kinds', 'mystery', t, te)).toBe('mystery')
  })

  it('computes a contribution’s points from the table or its override', () => {
    const kinds = [
      { key: 'talk_regional', label_zh: '', label_en: '', points: 200, unit: 1 },
      { key: 'forum_beans', label_zh: '', label_en: '', points: 100, unit: 2000 },
    ]
    expect(contributionPoints({ kind: 'talk_regional', quantity: 1 }, kinds)).toBe(200)
    expect(contributionPoints({ kind: 'talk_regional', quantity: 1, override: 150 }, kinds)).toBe(150)
    expect(contributionPoints({ kind: 'forum_beans', quantity: 4500 }, kinds)).toBe(200)
    expect(contributionPoints({ kind: 'unknown', quantity: 1 }, kinds)).toBe(0)
  })
})

describe('group terms', () => {
  const terms = [
    { year: 2024, lead_id: 3, lead_since: '', report_date: '', report_title: '', report_link: '' },
    { year: 2025, lead_id: 4, lead_since: '', report_date: '', report_title: '', report_link: '' },
  ]

  it('replaces the year’s term and keeps the others in order', () => {
    const v = { ...emptyGroupInput('industry'), lead_id: 9, lead_since: '2025-03-01', report_title: '报告' }
    const out = termsWith(terms, 2025, v)
    expect(out.map((t) => [t.year, t.lead_id])).toEqual([[2024, 3], [2025, 9]])
    expect(out[1]).toMatchObject({ lead_since: '2025-03-01', report_title: '报告' })
    expect(termsWith(terms, 2026, { ...emptyGroupInput(), lead_id: 5 }).map((t) => t.year)).toEqual([2024, 2025, 2026])
  })

  it('drops a year whose term says nothing', () => {
    expect(termsWith(terms, 2025, emptyGroupInput()).map((t) => t.year)).toEqual([2024])
  })
})

describe('events store', () => {
  const saved = {
    id: 7, name: '峰会·杭州站', kind: 'regional_summit', date: '2025-05-10', city: '杭州', group_id: 0, attendance: 120,
    organizer_id: 0, organizer_contribution_id: 0, talks: [{ member_id: 3, title: '分区表', contribution_id: 41 }], version: 1,
  } as unknown as events.Event

  it('keeps what was typed and the field errors when a save fails', async () => {
    ev.save.mockRejectedValueOnce(new AppError({ code: 'invalid', reason: 'fields', message: 'x', fields: { talks: 'speaker_required' } }))
    const store = useEventsStore()
    await store.openCreate()
    store.editor.values.name = '峰会'
    store.addTalk()
    store.editor.values.talks[0].title = '分区表'
    expect(await store.save()).toBeNull()
    expect(store.editor.open).toBe(true)
    expect(store.editor.values.name).toBe('峰会')
    expect(store.editor.values.talks).toEqual([{ member_id: 0, title: '分区表', contribution_id: 0 }])
    expect(store.editor.fieldErrors.talks).toEqual({ reason: 'speaker_required' })
    expect(store.editor.error?.reason).toBe('fields')
  })

  it('shows the saved event’s talk contributions, and approves one', async () => {
    const pending = { id: 41, member_id: 3, kind: 'talk_regional', quantity: 1, status: 'pending', version: 1, title: '分区表' } as events.Contribution
    ev.save.mockResolvedValueOnce(saved)
    ev.contributionsOf.mockResolvedValue([pending, { ...pending, id: 99 } as events.Contribution])
    const store = useEventsStore()
    await store.openCreate()
    expect(await store.save()).toBe(saved)
    expect(ev.save).toHaveBeenCalledWith(0, 0, expect.objectContaining({ kind: 'city_meetup' }))
    expect(ev.contributionsOf).toHaveBeenCalledWith(3)
    expect(Object.keys(store.editor.contributions)).toEqual(['41'])
    expect(store.editor.kinds.map((k) => k.key)).toEqual(['talk_regional'])

    ev.approve.mockResolvedValueOnce({ ...pending, status: 'approved', version: 2 } as events.Contribution)
    await store.decide(pending, true)
    expect(ev.approve).toHaveBeenCalledWith(41, 1)
    expect(store.editor.contributions[41].status).toBe('approved')
  })

  it('dates a new event today on the hub’s clock, or leaves the date to the lead with the error', async () => {
    const store = useEventsStore()
    await store.openCreate()
    expect(store.editor.values.date).toBe('2026-12-07')
    expect(store.today).toBe('2026-12-07')
    expect(store.editor.error).toBeNull()

    sys.today.mockRejectedValueOnce(new AppError({ code: 'internal', reason: 'network', message: 'x' }))
    await store.openCreate()
    expect(store.editor.open).toBe(true)
    expect(store.editor.values.date).toBe('')
    expect(store.editor.error?.reason).toBe('network')
  })

  it('lists the members an event names once', () => {
    expect(membersOf({ organizer_id: 3, talks: [{ member_id: 3, title: '', contribution_id: 0 }, { member_id: 5, title: '', contribution_id: 0 }, { member_id: 0, title: '', contribution_id: 0 }] })).toEqual([3, 5])
  })
})

describe('levels store', () => {
  it('loads the year’s batches and renewal, and reloads after publishing', async () => {
    lv.batches.mockResolvedValue([{ id: '2025-Q2', published: false, entries: [] } as unknown as levels.Batch])
    lv.renewal.mockResolvedValue({ year: 2025, entries: [], counts: {} } as unknown as levels.Renewal)
    lv.publish.mockResolvedValueOnce({ id: '2025-Q2', published: true } as unknown as levels.Batch)
    const store = useLevelsStore()
    await store.load(2025)
    expect(store.shownYear).toBe(2025)
    await store.publish('2025-Q2')
    expect(lv.publish).toHaveBeenCalledWith('2025-Q2')
    expect(lv.batches).toHaveBeenCalledTimes(2)
    expect(store.busy).toBe('')
  })

  it('rejects with the refusal and clears busy', async () => {
    lv.batches.mockResolvedValue([])
    lv.renewal.mockResolvedValue({ year: 2025, entries: [], counts: {} } as unknown as levels.Renewal)
    lv.confirmRenewal.mockRejectedValueOnce(new AppError({ code: 'conflict', reason: 'renewal_early', message: 'x' }))
    const store = useLevelsStore()
    await store.load(2025)
    await expect(store.confirmRenewal()).rejects.toMatchObject({ reason: 'renewal_early' })
    expect(store.busy).toBe('')
  })
})
