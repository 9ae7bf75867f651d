import { h, type VNode } from 'vue'

const ISO_DATE = /(\d{4}-\d{2}-\d{2})/

/**
 * noteCell renders a table's prose cell (a reason, a note) so that a date
 * in it never breaks at its hyphens: a narrow column wrapped "2026-01-/02"
 * in English, where the sentences are longer.
 */
export function noteCell(text: string): VNode {
  const parts = text.split(ISO_DATE).map((part, i) => (i % 2 === 1 ? h('span', { class: 'nowrap' }, part) : part))
  return h('span', { class: 'cell-note' }, parts)
}
