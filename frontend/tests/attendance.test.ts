import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/events', () => ({
  attendees: vi.fn(), frontRow: vi.fn(), register: vi.fn(), unregister: vi.fn(), checkIn: vi.fn(), undoCheckIn: vi.fn(),
  walkIn: vi.fn(), placeCards: vi.fn(), list: vi.fn(), kinds: vi.fn(),
}))
vi.mock('@/api/groups', () => ({ list: vi.fn() }))

import * as api from '@/api/events'
import { AppError } from '@/api/errors'
import { attendeeMatches, checkInTime } from '@/attendance'
import { useAttendeesStore } from '@/stores/attendees'
import { useEventsStore } from '@/stores/events'

const mocked = vi.mocked(api)

function row(member_id: number, extra: Partial<api.AttendeeRow> = {}): api.AttendeeRow {
  return {
    event_id: 3, member_id, name: '张三', name_latin: 'Zhang San', organization: '', phone: '138****1234', level: 'none',
    registered: true, walk_in: false, checked_in: false, checked_in_at: '0001-01-01T00:00:00Z', checked_in_by: '', device: '', version: 1,
    ...extra,
  } as api.AttendeeRow
}

describe('attendeeMatches', () => {
  const a = { name: '欧阳喆', name_latin: 'Ouyang Zhe', phone: '138****5678' }
  it.each([
    ['', true], ['欧阳', true], ['ouyang', true], ['OUYANGZHE', true], ['oz', true], ['5678', true],
    ['zhe ouyang', true], ['张', false], ['x', false], ['1234', false], ['ouyang 张', false],
  ])('%j → %s', (text, want) => {
    expect(attendeeMatches(a, text)).toBe(want)
  })
})

describe('checkInTime', () => {
  it('is empty for Go zero times and junk, HH:MM otherwise', () => {
    expect(checkInTime('0001-01-01T00:00:00Z')).toBe('')
    expect(checkInTime(undefined)).toBe('')
    expect(checkInTime('nonsense')).toBe('')
    const d = new Date(2026, 2, 21, 9, 5)
    expect(checkInTime(d.toISOString())).toBe('09:05')
  })
})

describe('attendees store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.clearAllMocks()
    mocked.frontRow.mockResolvedValue([])
  })

  it('checks in from the shown version and counts on the event list', async () => {
    const events = useEventsStore()
    events.items = [{ id: 3, registered: 0, checked_in: 0 } as api.Event]
    mocked.attendees.mockResolvedValueOnce([row(1), row(2)])
    const store = useAttendeesStore()
    await store.open(3)
    expect(store.registered).toBe(2)
    expect(events.items[0]).toMatchObject({ registered: 2, checked_in: 0 })

    mocked.checkIn.mockResolvedValue(row(1, { checked_in: true, version: 2 }))
    mocked.attendees.mockResolvedValueOnce([row(1, { checked_in: true, version: 2 }), row(2)])
    await store.toggle(store.items[0])
    expect(mocked.checkIn).toHaveBeenCalledWith(3, 1, 1)
    expect(store.checkedIn).toBe(1)
    expect(events.items[0]).toMatchObject({ registered: 2, checked_in: 1 })

    mocked.undoCheckIn.mockResolvedValue(row(1, { version: 3 }))
    mocked.attendees.mockResolvedValueOnce([row(1, { version: 3 }), row(2)])
    await store.toggle(store.items[0])
    expect(mocked.undoCheckIn).toHaveBeenCalledWith(3, 1, 2)
  })

  it('reloads on a conflict so the desk shows who was first, and rejects', async () => {
    mocked.attendees.mockResolvedValueOnce([row(1)])
    const store = useAttendeesStore()
    await store.open(3)
    mocked.checkIn.mockRejectedValue(new AppError({ code: 'conflict', reason: 'already_checked_in', message: 'x' }))
    mocked.attendees.mockResolvedValueOnce([row(1, { checked_in: true, version: 2, checked_in_by: '李雷' })])
    await expect(store.toggle(store.items[0])).rejects.toMatchObject({ reason: 'already_checked_in' })
    expect(store.items[0]).toMatchObject({ checked_in: true, checked_in_by: '李雷' })
    expect(store.busy).toBe(0)
  })

  it('keeps walk-in field errors under the fields and resolves null', async () => {
    mocked.attendees.mockResolvedValue([])
    const store = useAttendeesStore()
    await store.open(3)
    mocked.walkIn.mockRejectedValueOnce(new AppError({ code: 'conflict', reason: 'phone_taken', message: 'x', params: { member: '王五' } }))
    expect(await store.walkIn('赵六', '13800001234')).toBeNull()
    expect(store.walkInErrors.phone).toMatchObject({ reason: 'taken', params: { member: '王五' } })
    mocked.walkIn.mockResolvedValueOnce(row(9, { name: '赵六', checked_in: true, walk_in: true }))
    expect(await store.walkIn('赵六', '13800009999')).toMatchObject({ member_id: 9 })
    expect(store.walkInErrors).toEqual({})
    expect(mocked.walkIn).toHaveBeenLastCalledWith(3, '赵六', '13800009999')
  })
})

describe('door and certificate-source errors', () => {
  it('are translated in both languages', async () => {
    const { makeI18n } = await import('@/i18n')
    const reasons = ['already_registered', 'already_checked_in', 'not_checked_in', 'attendee_checked_in', 'attendee_not_found',
      'event_has_checkins', 'front_row_empty', 'no_leads', 'renewal_unconfirmed', 'event_no_talks', 'group_no_lead']
    for (const locale of ['zh-CN', 'en'] as const) {
      const { te } = makeI18n(locale).global
      for (const r of reasons) expect(te(`errors.reason.${r}`), `${locale} ${r}`).toBe(true)
      expect(te('fieldErrors.invalid_device'), locale).toBe(true)
    }
  })
})
