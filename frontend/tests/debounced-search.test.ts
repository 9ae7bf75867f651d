import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { AppError } from '@/api/errors'
import { PAGE_SIZE, SEARCH_DEBOUNCE_MS, useDebouncedSearch, type Page, type PageQuery } from '@/composables/useDebouncedSearch'

interface Query extends PageQuery {
  archived: boolean
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

const page = (...items: string[]): Page<string> => ({ items, total: items.length })

function search(fetch = vi.fn<(q: Query) => Promise<Page<string>>>()) {
  const shown = vi.fn()
  const list = useDebouncedSearch<Query, string>({ query: (base) => ({ ...base, archived: false }), fetch, shown })
  return { list, fetch, shown }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('useDebouncedSearch', () => {
  it('sends only the last keystroke\'s text, once typing pauses, from the first page', async () => {
    const { list, fetch } = search()
    fetch.mockResolvedValue(page('王喆'))
    list.page.value = 3
    for (const s of ['w', 'wa', 'wan', ' wang ']) {
      list.setText(s)
      await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1)
    }
    expect(fetch).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledWith({ text: 'wang', offset: 0, limit: PAGE_SIZE, archived: false })
    expect(list.items.value).toEqual(['王喆'])
    expect(list.shown.value?.text).toBe('wang')
  })

  it('ignores an older answer that arrives after a newer one, and an older error too', async () => {
    const { list, fetch, shown } = search()
    const older = deferred<Page<string>>()
    const oldest = deferred<Page<string>>()
    const newer = deferred<Page<string>>()
    fetch.mockReturnValueOnce(oldest.promise).mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise)
    void list.run()
    list.setText('张')
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS)
    list.setText('张喆')
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS)
    expect(fetch).toHaveBeenCalledTimes(3)

    newer.resolve({ items: ['张喆'], total: 1 })
    await vi.advanceTimersByTimeAsync(0)
    older.resolve({ items: ['张伟', '张喆'], total: 2 })
    oldest.reject(new AppError({ code: 'internal', message: 'late' }))
    await vi.advanceTimersByTimeAsync(0)
    expect(list.items.value).toEqual(['张喆'])
    expect(list.total.value).toBe(1)
    expect(list.shown.value?.text).toBe('张喆')
    expect(list.error.value).toBeNull()
    expect(list.loading.value).toBe(false)
    expect(shown).toHaveBeenCalledTimes(1)
  })

  it('is busy from the keystroke until its answer is shown', async () => {
    const { list, fetch } = search()
    const answer = deferred<Page<string>>()
    fetch.mockReturnValueOnce(answer.promise)
    expect(list.busy.value).toBe(false)
    list.setText('李')
    expect(list.busy.value).toBe(true)
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS)
    expect(list.debouncing.value).toBe(false)
    expect(list.busy.value).toBe(true)
    answer.resolve(page('李堃'))
    await vi.advanceTimersByTimeAsync(0)
    expect(list.busy.value).toBe(false)
  })

  it('keeps the rows shown and sets the error when the latest request fails', async () => {
    const { list, fetch } = search()
    fetch.mockResolvedValueOnce(page('A')).mockRejectedValueOnce({ code: 'internal', reason: 'network', message: 'x' })
    await list.run()
    await list.run()
    expect(list.items.value).toEqual(['A'])
    expect(list.error.value?.reason).toBe('network')
    fetch.mockResolvedValueOnce(page('B'))
    await list.run()
    expect(list.error.value).toBeNull()
  })

  it('pages by offset, and goes back to the last page when the asked one is past the end', async () => {
    const { list, fetch } = search()
    fetch.mockResolvedValueOnce({ items: [], total: 120 }).mockResolvedValueOnce({ items: ['row 101'], total: 120 })
    await list.setPage(5)
    expect(fetch.mock.calls.map(([q]) => q.offset)).toEqual([4 * PAGE_SIZE, 2 * PAGE_SIZE])
    expect(list.page.value).toBe(3)
    expect(list.items.value).toEqual(['row 101'])
    fetch.mockResolvedValueOnce(page('a'))
    await list.refilter()
    expect(fetch).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 0 }))
  })

  it('runs at once what typing had scheduled, and only once', async () => {
    const { list, fetch } = search()
    fetch.mockResolvedValue(page())
    list.setText('x')
    await list.run()
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS * 2)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('drops a scheduled search when its scope ends', async () => {
    const fetch = vi.fn<(q: Query) => Promise<Page<string>>>()
    const scope = effectScope()
    const { list } = scope.run(() => search(fetch))!
    list.setText('x')
    scope.stop()
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS * 2)
    expect(fetch).not.toHaveBeenCalled()
    expect(list.busy.value).toBe(false)
  })
})
