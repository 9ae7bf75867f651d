import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mount } from '@vue/test-utils'
import type { JobStatus } from '@/api/jobs'
import { makeI18n } from '@/i18n'
import JobProgress from '@/components/JobProgress.vue'

function bar(state: JobStatus['state']) {
  return mount(JobProgress, {
    props: { job: { id: '1', state, done: 1, total: 2, file: '' }, percent: 50, label: '1 / 2', testid: 'cert' },
    slots: { default: () => h('button', { 'data-testid': 'cert-job-close' }, 'Close') },
    global: { plugins: [makeI18n('en')] },
  })
}

describe('JobProgress', () => {
  it('shows a running job with its state, label and a cancel button that asks to cancel', async () => {
    const w = bar('running')
    expect(w.find('[data-testid="cert-job"]').attributes('data-state')).toBe('running')
    expect(w.find('[data-testid="cert-job-text"]').text()).toBe('1 / 2')
    expect(w.find('[data-testid="cert-job-close"]').exists()).toBe(false)
    await w.find('[data-testid="cert-cancel"]').trigger('click')
    expect(w.emitted('cancel')).toHaveLength(1)
  })

  it('offers what the page gives once the job has ended, and no cancel', () => {
    for (const state of ['done', 'failed', 'cancelled'] as const) {
      const w = bar(state)
      expect(w.find('[data-testid="cert-job"]').attributes('data-state'), state).toBe(state)
      expect(w.find('[data-testid="cert-cancel"]').exists(), state).toBe(false)
      expect(w.find('[data-testid="cert-job-close"]').exists(), state).toBe(true)
    }
  })
})
