import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { NMessageProvider } from 'naive-ui'

vi.mock('@/files', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/files')>()), downloadBytes: vi.fn() }))
vi.mock('@/api/exports', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/exports')>()),
  start: vi.fn(),
}))

vi.mock('@/api/jobs', () => {
  const status = vi.fn(), cancel = vi.fn(), result = vi.fn()
  return { status, cancel, result, jobCalls: { status, cancel } }
})

import * as jobs from '@/api/jobs'
import * as api from '@/api/exports'
import { useExportsStore } from '@/stores/exports'
import { POLL_MS } from '@/composables/useJob'
import { downloadBytes } from '@/files'
import { makeI18n } from '@/i18n'
import ExportCard from '@/components/ExportCard.vue'

const mocked = vi.mocked(api)
const jobsMocked = vi.mocked(jobs)
const file = { name: 'acedesk-20261201.xlsx', bytes: new Uint8Array([0x50, 0x4b]) }

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})
afterEach(() => {
  vi.useRealTimers()
  delete (window as unknown as Record<string, unknown>).showSaveFilePicker
})

describe('exports store', () => {
  it('polls the job with its progress until done, then returns the file', async () => {
    vi.useFakeTimers()
    mocked.start.mockResolvedValue('3')
    jobsMocked.status
      .mockResolvedValueOnce({ id: '3', state: 'running', done: 1, total: 2, file: '' })
      .mockResolvedValueOnce({ id: '3', state: 'done', done: 2, total: 2, file: file.name })
    jobsMocked.result.mockResolvedValue(file)
    const store = useExportsStore()
    const got = store.exportFile('xlsx', 2026)
    await vi.advanceTimersByTimeAsync(0)
    expect(mocked.start).toHaveBeenCalledWith('xlsx', 2026)
    expect(store.running).toBe(true)
    expect(store.percent).toBe(50)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(await got).toEqual(file)
    expect(store.running).toBe(false)
    expect(jobsMocked.status).toHaveBeenCalledTimes(2)
  })

  it('keeps a failed job\'s error and returns nothing', async () => {
    mocked.start.mockResolvedValue('4')
    jobsMocked.status.mockResolvedValue({ id: '4', state: 'failed', done: 0, total: 2, file: '', error: { code: 'internal', reason: 'internal', message: 'boom' } })
    const store = useExportsStore()
    expect(await store.exportFile('sql', 2026)).toBeNull()
    expect(store.error?.code).toBe('internal')
  })

  it('reports a refused start as an error', async () => {
    mocked.start.mockRejectedValue({ code: 'invalid', reason: 'invalid_year', message: 'x' })
    const store = useExportsStore()
    expect(await store.exportFile('csv', 1999)).toBeNull()
    expect(store.error?.reason).toBe('invalid_year')
  })

  it('cancels a running export and stops polling', async () => {
    vi.useFakeTimers()
    mocked.start.mockResolvedValue('5')
    jobsMocked.status.mockResolvedValue({ id: '5', state: 'running', done: 0, total: 2, file: '' })
    const store = useExportsStore()
    const got = store.exportFile('xlsx', 2026)
    await vi.advanceTimersByTimeAsync(0)
    await store.cancel()
    await vi.advanceTimersByTimeAsync(POLL_MS * 4)
    expect(await got).toBeNull()
    expect(jobsMocked.cancel).toHaveBeenCalledWith('5')
    expect(jobsMocked.status).toHaveBeenCalledTimes(1)
    expect(store.job?.state).toBe('cancelled')
    expect(store.error).toBeNull()
  })
})

describe('ExportCard', () => {
  let wrapper: VueWrapper | undefined
  afterEach(() => wrapper?.unmount())

  for (const [locale, title, sql] of [['zh-CN', '导出', 'PostgreSQL 脚本（.sql）'], ['en', 'Export', 'PostgreSQL script (.sql)']] as const) {
    it(`offers the formats in ${locale} and exports the chosen one`, async () => {
      const pinia = createPinia()
      setActivePinia(pinia)
      mocked.start.mockResolvedValue('9')
      jobsMocked.status.mockResolvedValue({ id: '9', state: 'done', done: 2, total: 2, file: 'acedesk.sql' })
      jobsMocked.result.mockResolvedValue({ name: 'acedesk.sql', bytes: new Uint8Array([1]) })
      const Host = defineComponent({ setup: () => () => h(NMessageProvider, null, () => h(ExportCard)) })
      wrapper = mount(Host, { attachTo: document.body, global: { plugins: [pinia, makeI18n(locale)] } })
      const card = wrapper.find('[data-testid="export-card"]')
      expect(card.text()).toContain(title)
      expect(card.text()).toContain(sql)
      await wrapper.find('[data-testid="export-format-sql"] input').setValue(true)
      await wrapper.find('[data-testid="export-run"]').trigger('click')
      await flushPromises()
      expect(mocked.start).toHaveBeenCalledWith('sql', new Date().getFullYear())
      expect(wrapper.find('[data-testid="export-error"]').exists()).toBe(false)
      expect(vi.mocked(downloadBytes)).toHaveBeenCalledWith('acedesk.sql', new Uint8Array([1]))
    }, 20_000) // mounting Naive UI takes seconds on a busy machine
  }
})
