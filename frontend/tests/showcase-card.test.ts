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
      if (serial === 'PGACE-2025-CN-000002') {
        throw new AppError({ code: 'conflict', reason: 'certificate_revoked', message: 'revoked', params: { serial } })
      }
      return { name: `${serial}.openbadge.json`, bytes: new TextEncoder().encode('{}') }
    }),
  }
})
vi.mock('@/files', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/files')>()), downloadBytes: vi.fn() }))

import { showcaseFile } from '@/api/levels'
import { openBadge } from '@/api/certificates'
import { downloadBytes } from '@/files'
import { makeI18n } from '@/i18n'
import ShowcaseCard from '@/components/ShowcaseCard.vue'
import OpenBadgeButton from '@/components/OpenBadgeButton.vue'

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
    expect(byTestId('showcase-card').textContent).toContain('网站展示')
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

describe('OpenBadgeButton', () => {
  it('saves the credential of its certificate', async () => {
    mountIn(OpenBadgeButton, { serial: 'PGACE-2025-CN-000001' })
    byTestId('cert-badge').click()
    await flushPromises()
    expect(openBadge).toHaveBeenCalledWith('PGACE-2025-CN-000001')
    expect(vi.mocked(downloadBytes).mock.calls[0][0]).toBe('PGACE-2025-CN-000001.openbadge.json')
  })

  it('shows why a revoked certificate has no badge and saves nothing', async () => {
    mountIn(OpenBadgeButton, { serial: 'PGACE-2025-CN-000002' })
    byTestId('cert-badge').click()
    await flushPromises()
    expect(downloadBytes).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('证书 PGACE-2025-CN-000002 已吊销，不能打印或导出')
  })
})
