import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/events', () => ({
  today: vi.fn(), attendees: vi.fn(), speakers: vi.fn(), frontRow: vi.fn(), checkInSearch: vi.fn(), checkIn: vi.fn(), undoCheckIn: vi.fn(),
  walkIn: vi.fn(), speakerCertificate: vi.fn(), scanAttendee: vi.fn(),
}))

import * as api from '@/api/events'
import { AppError } from '@/api/errors'
import { useDeskStore } from '@/stores/desk'
import { attendeeCode, parseAttendeeCode } from '@/attendance'

const mocked = vi.mocked(api)

function ev(id: number, talks: { member_id: number; title: string }[] = []): api.Event {
  return { id, name: `活动 ${id}`, date: '2026-12-02', talks } as unknown as api.Event
}
function row(member: number, extra: Partial<api.AttendeeRow> = {}): api.AttendeeRow {
  return { event_id: 7, member_id: member, name: `成员${member}`, name_latin: '', phone: '', level: '', checked_in: false, version: 1, ...extra } as api.AttendeeRow
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  sessionStorage.clear()
  mocked.frontRow.mockResolvedValue([])
  mocked.attendees.mockResolvedValue([])
  mocked.speakers.mockResolvedValue([])
})

describe('attendee codes', () => {
  it('round-trips and refuses anything else', () => {
    expect(parseAttendeeCode(` ${attendeeCode(7, 42)} `)).toEqual({ event: 7, member: 42 })
    for (const bad of ['ACE-ATT:7', 'ACE-ATT:0:1', 'ACE-ATT:7:x', 'ACE-ATT:7:42:1', '张三', 'ACEQR:abc'])
      expect(parseAttendeeCode(bad), bad).toBeNull()
  })
})

describe('desk store', () => {
  it('opens the only event of today with its speakers named, registered to attend or not', async () => {
    mocked.today.mockResolvedValue([ev(7, [{ member_id: 3, title: '分区表' }, { member_id: 9, title: '复制' }])])
    mocked.speakers.mockResolvedValue([
      { member_id: 3, title: '分区表', name: '李雷' },
      { member_id: 9, title: '复制', name: '韩梅梅' },
    ])
    const s = useDeskStore()
    await s.load()
    expect(s.eventId).toBe(7)
    expect(mocked.speakers).toHaveBeenCalledWith(7)
    expect(s.speakers.map((x) => x.name)).toEqual(['李雷', '韩梅梅'])
  })

  it('lets the desk choose when there are several events, and remembers the choice on reload', async () => {
    mocked.today.mockResolvedValue([ev(7), ev(8)])
    const s = useDeskStore()
    await s.load()
    expect(s.event).toBeNull()
    await s.choose(8)
    setActivePinia(createPinia())
    const again = useDeskStore()
    await again.load()
    expect(again.eventId).toBe(8)
  })

  it('searches by text through the hub, and by attendee code among the attendees', async () => {
    mocked.today.mockResolvedValue([ev(7)])
    mocked.checkInSearch.mockResolvedValue([row(1)])
    const s = useDeskStore()
    await s.load()
    await s.search('张')
    expect(mocked.checkInSearch).toHaveBeenCalledWith(7, '张')
    expect(s.results.map((r) => r.member_id)).toEqual([1])
    mocked.attendees.mockResolvedValue([row(1), row(42), row(5)])
    await s.search('ACE-ATT:7:42')
    expect(s.results.map((r) => r.member_id)).toEqual([42])
    expect(s.searched).toBe(true)
  })

  it('shows the attendees the hub finds in a photo, and only the latest lookup', async () => {
    mocked.today.mockResolvedValue([ev(7)])
    let late: (rows: api.AttendeeRow[]) => void = () => {}
    mocked.checkInSearch.mockReturnValue(new Promise((resolve) => (late = resolve)))
    mocked.scanAttendee.mockResolvedValue([row(42)])
    const s = useDeskStore()
    await s.load()
    const slow = s.search('张')
    const photo = new Uint8Array([1, 2, 3])
    await s.scan('p.jpg', photo)
    expect(mocked.scanAttendee).toHaveBeenCalledWith(7, 'p.jpg', photo)
    late([row(1)])
    await slow
    expect(s.results.map((r) => r.member_id)).toEqual([42])
    expect(s.query).toBe('')
    expect(s.searching).toBe(false)
  })

  it('refuses the code of another event with its own reason', async () => {
    mocked.today.mockResolvedValue([ev(7)])
    const s = useDeskStore()
    await s.load()
    await s.search('ACE-ATT:8:42')
    expect(s.searchError?.reason).toBe('attendee_code_other_event')
    expect(s.results).toEqual([])
  })

  it('checks in from the version shown and shows the new row', async () => {
    mocked.today.mockResolvedValue([ev(7)])
    mocked.checkInSearch.mockResolvedValue([row(1)])
    mocked.checkIn.mockResolvedValue(row(1, { checked_in: true, version: 2 }))
    const s = useDeskStore()
    await s.load()
    await s.search('成员')
    await s.toggle(s.results[0])
    expect(mocked.checkIn).toHaveBeenCalledWith(7, 1, 1)
    expect(s.results[0]).toMatchObject({ checked_in: true, version: 2 })
    mocked.undoCheckIn.mockResolvedValue(row(1, { version: 3 }))
    await s.toggle(s.results[0])
    expect(mocked.undoCheckIn).toHaveBeenCalledWith(7, 1, 2)
    expect(s.busy).toBe(0)
  })

  it('on a conflict shows what is true now and rejects with the reason', async () => {
    mocked.today.mockResolvedValue([ev(7)])
    mocked.checkInSearch.mockResolvedValueOnce([row(1)]).mockResolvedValueOnce([row(1, { checked_in: true, version: 2 })])
    mocked.checkIn.mockRejectedValue(new AppError({ code: 'conflict', reason: 'already_checked_in', message: 'x', params: { member: '成员1' } }))
    const s = useDeskStore()
    await s.load()
    await s.search('成员')
    await expect(s.toggle(s.results[0])).rejects.toMatchObject({ reason: 'already_checked_in' })
    expect(mocked.checkInSearch).toHaveBeenCalledTimes(2)
    expect(s.results[0].checked_in).toBe(true)
  })

  it('keeps walk-in field errors for the form', async () => {
    mocked.today.mockResolvedValue([ev(7)])
    mocked.walkIn.mockRejectedValue(new AppError({ code: 'invalid', reason: 'fields', message: 'x', fields: { phone: 'invalid_phone' } }))
    const s = useDeskStore()
    await s.load()
    expect(await s.walkIn('王五', '12')).toBeNull()
    expect(s.walkInErrors.phone).toEqual({ reason: 'invalid_phone' })
    expect(mocked.walkIn).toHaveBeenCalledWith(7, '王五', '12')
  })
})
