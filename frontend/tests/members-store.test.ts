import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/members', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/members')>()
  return {
    ...real,
    search: vi.fn(),
    create: vi.fn(),
    update: vi.fn(),
    get: vi.fn(),
    history: vi.fn(async () => []),
    categories: vi.fn(async () => ['user']),
    archive: vi.fn(),
    restore: vi.fn(),
    remove: vi.fn(),
  }
})

import * as api from '@/api/members'
import { AppError } from '@/api/errors'
import { useMembersStore } from '@/stores/members'
import { PAGE_SIZE, SEARCH_DEBOUNCE_MS } from '@/composables/useDebouncedSearch'

const mocked = vi.mocked(api)

function member(id: number, name: string, extra: Partial<api.Member> = {}): api.Member {
  return { ...api.emptyMemberInput(), id, name, version: 1, archived: false, created_at: '', updated_at: '', ...extra } as api.Member
}

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('members store: search', () => {
  it('debounces typing and applies only the latest query answer', async () => {
    vi.useFakeTimers()
    const store = useMembersStore()
    const first = deferred<api.MemberPage>()
    const second = deferred<api.MemberPage>()
    mocked.search.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise)

    store.setText('张')
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50)
    expect(mocked.search).not.toHaveBeenCalled()
    vi.advanceTimersByTime(50)
    expect(mocked.search).toHaveBeenCalledTimes(1)
    expect(mocked.search).toHaveBeenLastCalledWith({ text: '张', archived: false, offset: 0, limit: PAGE_SIZE })

    store.setText('张喆')
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    expect(mocked.search).toHaveBeenCalledTimes(2)
    vi.useRealTimers()

    // The newer answer arrives first, then the older one: the older is ignored.
    second.resolve({ items: [member(2, '张喆')], total: 1 })
    await flush()
    expect(store.items.map((m) => m.name)).toEqual(['张喆'])
    first.resolve({ items: [member(1, '张伟'), member(2, '张喆')], total: 2 })
    await flush()
    expect(store.items.map((m) => m.name)).toEqual(['张喆'])
    expect(store.total).toBe(1)
    expect(store.shownText).toBe('张喆')
    expect(store.loading).toBe(false)
  })

  it('collapses fast keystrokes into one request', () => {
    vi.useFakeTimers()
    const store = useMembersStore()
    mocked.search.mockResolvedValue({ items: [], total: 0 })
    for (const s of ['w', 'wa', 'wan', 'wang']) {
      store.setText(s)
      vi.advanceTimersByTime(50)
    }
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    expect(mocked.search).toHaveBeenCalledTimes(1)
    expect(mocked.search.mock.calls[0][0].text).toBe('wang')
  })

  it('ignores a stale error too', async () => {
    const store = useMembersStore()
    const first = deferred<api.MemberPage>()
    mocked.search.mockReturnValueOnce(first.promise).mockResolvedValueOnce({ items: [member(1, 'A')], total: 1 })
    const p1 = store.search()
    await store.search()
    first.reject(new AppError({ code: 'internal', message: 'late' }))
    await p1
    expect(store.listError).toBeNull()
    expect(store.items).toHaveLength(1)
  })

  it('pages with offset and switches to the archive from page 1', async () => {
    const store = useMembersStore()
    mocked.search.mockResolvedValue({ items: [member(1, 'A')], total: 120 })
    await store.setPage(3)
    expect(mocked.search).toHaveBeenLastCalledWith({ text: '', archived: false, offset: 100, limit: PAGE_SIZE })
    await store.setArchived(true)
    expect(mocked.search).toHaveBeenLastCalledWith({ text: '', archived: true, offset: 0, limit: PAGE_SIZE })
  })
})

describe('members store: editor', () => {
  it('keeps everything typed and sets field errors when Create fails', async () => {
    const store = useMembersStore()
    store.openCreate()
    Object.assign(store.editor.values, { name: '王伟', phone: '12345', email: 'w@example.com', bio: '很长的简介' })
    mocked.create.mockRejectedValueOnce(
      new AppError({ code: 'invalid', reason: 'fields', message: 'bad', fields: { phone: 'invalid_phone' } }),
    )
    const res = await store.save()
    expect(res).toBeNull()
    expect(store.editor.open).toBe(true)
    expect(store.editor.values).toMatchObject({ name: '王伟', phone: '12345', email: 'w@example.com', bio: '很长的简介' })
    expect(store.editor.fieldErrors).toEqual({ phone: { reason: 'invalid_phone' } })
    expect(store.editor.error?.reason).toBe('fields')
    expect(store.editor.saving).toBe(false)
  })

  it('keeps the edit and its base version on a stale Update, then reloads on request', async () => {
    const store = useMembersStore()
    const m = member(7, '李娜', { version: 4, city: '杭州' })
    store.openEdit(m)
    store.editor.values.city = '上海'
    mocked.update.mockRejectedValueOnce(new AppError({ code: 'conflict', reason: 'stale', message: 'stale' }))
    expect(await store.save()).toBeNull()
    expect(mocked.update).toHaveBeenCalledWith(7, 4, expect.objectContaining({ city: '上海', name: '李娜' }))
    expect(store.editor.open).toBe(true)
    expect(store.editor.values.city).toBe('上海')
    expect(store.editor.error?.reason).toBe('stale')

    mocked.get.mockResolvedValueOnce(member(7, '李娜', { version: 5, city: '南京' }))
    await store.reloadEditing()
    expect(store.editor.member?.version).toBe(5)
    expect(store.editor.values.city).toBe('南京')
    expect(store.editor.error).toBeNull()
  })

  it('closes and refreshes the list after a successful save', async () => {
    const store = useMembersStore()
    mocked.search.mockResolvedValue({ items: [], total: 0 })
    store.openCreate()
    store.editor.values.name = '赵敏'
    mocked.create.mockResolvedValueOnce(member(3, '赵敏'))
    const saved = await store.save()
    expect(saved?.id).toBe(3)
    expect(mocked.create).toHaveBeenCalledWith(expect.objectContaining({ name: '赵敏' }))
    expect(store.editor.open).toBe(false)
    expect(mocked.search).toHaveBeenCalled()
  })

  it('puts a phone_taken conflict under the phone field', async () => {
    const store = useMembersStore()
    store.openCreate()
    store.editor.values.phone = '13800000000'
    mocked.create.mockRejectedValueOnce(
      new AppError({ code: 'conflict', reason: 'phone_taken', message: 'x', params: { member: '张三', id: '1' } }),
    )
    await store.save()
    expect(store.editor.fieldErrors.phone).toEqual({ reason: 'taken', params: { member: '张三', id: '1' } })
    expect(store.editor.values.phone).toBe('13800000000')
  })
})

describe('members store: busy', () => {
  it('is busy from the keystroke until the answer is shown', async () => {
    vi.useFakeTimers()
    const store = useMembersStore()
    const answer = deferred<api.MemberPage>()
    mocked.search.mockReturnValueOnce(answer.promise)
    expect(store.busy).toBe(false)
    store.setText('李')
    expect(store.busy).toBe(true)
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    expect(store.busy).toBe(true)
    vi.useRealTimers()
    answer.resolve({ items: [member(1, '李堃')], total: 1 })
    await flush()
    expect(store.busy).toBe(false)
    expect(store.shownText).toBe('李')
  })
})
