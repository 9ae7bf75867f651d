import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent } from 'vue'
import { noteCell } from '@/cells'

const render = (text: string) => mount(defineComponent({ render: () => noteCell(text) }))

describe('noteCell', () => {
  it('keeps each date on one line and the text as it was', () => {
    const cases: { text: string; dates: string[] }[] = [
      { text: 'Reached PostgreSQL ACE Partner by points on 2026-01-02', dates: ['2026-01-02'] },
      { text: '2025-12-25 积分达到 PostgreSQL ACE 伙伴', dates: ['2025-12-25'] },
      { text: 'Lead from 2025-02-15 to 2025-12-31', dates: ['2025-02-15', '2025-12-31'] },
      { text: '合著《PostgreSQL 实战》', dates: [] },
    ]
    for (const { text, dates } of cases) {
      const w = render(text)
      expect(w.text(), text).toBe(text)
      expect(w.findAll('.nowrap').map((d) => d.text()), text).toEqual(dates)
    }
  })
})
