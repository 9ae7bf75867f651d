import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/certificates', () => ({ setup: vi.fn(), saveSetup: vi.fn() }))

import * as api from '@/api/certificates'
import { AppError } from '@/api/errors'
import { useCertificateSetupStore } from '@/stores/certificateSetup'

const mocked = vi.mocked(api)

function setup(version = 1): api.CertificateSetupData {
  return {
    chapter_code: 'HZ',
    issuer_zh: 'PostgreSQL 中文社区杭州分会',
    issuer_en: 'PostgreSQL China Hangzhou Chapter',
    signatories: [{ name: '张三', title_zh: '分会主席', title_en: 'Chair', signature_png: '' }],
    seal_png: '',
    wording: {
      honor_zh: '授予 {name} {title}', honor_en: 'Awarded to {latin}',
      appointment_zh: '兹聘请 {name}', appointment_en: 'Appointed {latin}',
      thanks_zh: '感谢 {name}', thanks_en: 'Thanks {latin}',
    },
    version,
  }
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  mocked.setup.mockResolvedValue(setup())
})

describe('certificate setup store', () => {
  it('loads the setup as a clean draft', async () => {
    const store = useCertificateSetupStore()
    await store.load()
    expect(store.draft?.chapter_code).toBe('HZ')
    expect(store.draft?.signatories).toHaveLength(1)
    expect(store.dirty).toBe(false)
    expect(store.error).toBeNull()
  })

  it('saves the draft and shows what the server stored', async () => {
    const store = useCertificateSetupStore()
    await store.load()
    store.draft!.issuer_en = 'Hangzhou Chapter'
    store.draft!.seal_png = 'iVBORw0KGgo='
    store.addSignatory()
    expect(store.dirty).toBe(true)
    mocked.saveSetup.mockImplementationOnce(async (s) => ({ ...s, version: 2 }))
    expect(await store.save()).toBe(true)
    const sent = mocked.saveSetup.mock.calls[0][0]
    expect(sent.issuer_en).toBe('Hangzhou Chapter')
    expect(sent.seal_png).toBe('iVBORw0KGgo=')
    expect(sent.signatories).toHaveLength(2)
    expect(store.draft?.version).toBe(2)
    expect(store.dirty).toBe(false)
  })

  it('keeps the draft and marks the fields when the server refuses', async () => {
    const store = useCertificateSetupStore()
    await store.load()
    store.draft!.chapter_code = 'hz1'
    store.draft!.wording.honor_zh = ''
    mocked.saveSetup.mockRejectedValueOnce(new AppError({
      code: 'invalid', reason: 'fields', message: 'x',
      fields: { chapter_code: 'invalid_chapter_code', 'wording.honor_zh': 'required', images: 'not_png' },
    }))
    expect(await store.save()).toBe(false)
    expect(store.fieldErrors).toEqual({ chapter_code: 'invalid_chapter_code', 'wording.honor_zh': 'required', images: 'not_png' })
    expect(store.error?.reason).toBe('fields')
    expect(store.draft!.chapter_code).toBe('hz1')
    expect(store.draft!.wording.honor_zh).toBe('')
    expect(store.dirty).toBe(true)
    store.clearFieldError('chapter_code')
    expect(store.fieldErrors.chapter_code).toBeUndefined()
  })

  it('keeps the draft on a stale save and takes the newer version', async () => {
    const store = useCertificateSetupStore()
    await store.load()
    store.draft!.issuer_zh = '新名称'
    mocked.saveSetup.mockRejectedValueOnce(new AppError({ code: 'conflict', reason: 'stale', message: 'x' }))
    mocked.setup.mockResolvedValueOnce(setup(5))
    expect(await store.save()).toBe(false)
    expect(store.error?.reason).toBe('stale')
    expect(store.draft!.issuer_zh).toBe('新名称')
    expect(store.draft!.version).toBe(5)
  })

  it('allows at most three signatories', async () => {
    const store = useCertificateSetupStore()
    await store.load()
    for (let i = 0; i < 5; i++) store.addSignatory()
    expect(store.draft!.signatories).toHaveLength(3)
    store.removeSignatory(0)
    expect(store.draft!.signatories).toHaveLength(2)
  })
})
