import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'

vi.mock('@/api/levels', () => ({
  showcaseFile: vi.fn(async (year: number, format: string) => ({
    name: `pgace-showcase-${year}.${format}`,
    bytes: new TextEncoder().encode('<!DOCTYPE html>'),
  })),
}))
vi.mock('@/api/certificates', async () => {
  const { AppError } = await import('@/api/errors')
  return {
    openBadge: vi.fn(async (serial: string) => {
      if (serial === 'PGACE-2025-HZ-000002') {
        throw new AppError({ code: 'conflict', reason: 'certificate_revoked', message: 'revoked', params: { serial } })
      }
      return { name: `${serial}.openbadge.json`, bytes: new TextEncoder().encode('{}') }
    }),
    picture: vi.fn(async (serial: string) => ({ name: `${serial}.png`, bytes: new Uint8Array([0x89, 0x50]) })),
    preview: vi.fn(async (serial: string) => ({ name: `${serial}.pdf`, bytes: new Uint8Array([0x25, 0x50]) })),
  }
})
vi.mock('@/files', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/files')>()), downloadBytes: vi.fn() }))

import { showcaseFile } from '@/api/levels'
import { openBadge, picture, preview } from '@/api/certificates'
import { downloadBytes } from '@/files'
import { makeI18n } from '@/i18n'
import ShowcaseCard from '@/components/ShowcaseCard.vue'
import CertificateFileButton from '@/components/CertificateFileButton.vue'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  vi.clearAllMocks()
})

function mountIn(c: Component, props: Record<string, unknown> = {}) {
  const Host = defineComponent({ setup: () => () => h(NMessageProvider, null, () => h(c, props)) })
  wrapper = mount(Host, { attachTo: document.body, global: { plugins: [makeI18n('zh-CN')] } })
  return wrapper
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)!

describe('ShowcaseCard', () => {
  it('downloads the HTML and the JSON of the chosen year', async () => {
    mountIn(ShowcaseCard)
    expect(byTestId('showcase-card').textContent).toContain('官网展示')
    const year = new Date().getFullYear()
    byTestId('showcase-html').click()
    await flushPromises()
    byTestId('showcase-json').click()
    await flushPromises()
    expect(vi.mocked(showcaseFile).mock.calls).toEqual([[year, 'html'], [year, 'json']])
    expect(vi.mocked(downloadBytes).mock.calls.map((c) => c[0])).toEqual([
      `pgace-showcase-${year}.html`,
      `pgace-showcase-${year}.json`,
    ])
    expect(document.body.textContent).toContain(`已下载 pgace-showcase-${year}.json`)
  })
})

describe('CertificateFileButton', () => {
  it.each([
    ['badge', openBadge, 'PGACE-2025-HZ-000001.openbadge.json'],
    ['picture', picture, 'PGACE-2025-HZ-000001.png'],
    ['pdf', preview, 'PGACE-2025-HZ-000001.pdf'],
  ] as const)('saves the %s of its certificate', async (as, made, file) => {
    mountIn(CertificateFileButton, { serial: 'PGACE-2025-HZ-000001', as })
    byTestId(`cert-${as}`).click()
    await flushPromises()
    expect(made).toHaveBeenCalledWith('PGACE-2025-HZ-000001')
    expect(vi.mocked(downloadBytes).mock.calls[0][0]).toBe(file)
  })

  it('shows why a revoked certificate has no badge and saves nothing', async () => {
    mountIn(CertificateFileButton, { serial: 'PGACE-2025-HZ-000002', as: 'badge' })
    byTestId('cert-badge').click()
    await flushPromises()
    expect(downloadBytes).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('证书 PGACE-2025-HZ-000002 已吊销，不能打印或导出')
  })
})
