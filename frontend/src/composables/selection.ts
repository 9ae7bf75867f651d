import { h } from 'vue'
import { NCheckbox, type DataTableColumn } from 'naive-ui'

export interface SelectionOptions<T, K> {
  /** The keys ticked now. */
  selected: () => readonly K[]
  select: (keys: K[]) => void
  /** The rows the header's box ticks or clears: the enabled ones among them. */
  rows: () => readonly T[]
  key: (row: T) => K
  disabled?: (row: T) => boolean
  /** What a row's box is called (a screen reader says it): "选择 王喆". */
  label: (row: T) => string
  /** What the header's box is called. */
  allLabel: () => string
}

/**
 * A table's tick column. Naive UI's own (type: 'selection') gives its boxes
 * no name, which leaves a screen reader saying only "checkbox" (axe:
 * aria-toggle-field-name); these are named after their row.
 */
export function selectionColumn<T, K>(o: SelectionOptions<T, K>): DataTableColumn<T> {
  const enabled = () => o.rows().filter((r) => !o.disabled?.(r))
  return {
    key: 'selection',
    width: 44,
    align: 'center',
    title: () => {
      const keys = enabled().map(o.key)
      const ticked = keys.filter((k) => o.selected().includes(k)).length
      return h(NCheckbox, {
        checked: keys.length > 0 && ticked === keys.length,
        indeterminate: ticked > 0 && ticked < keys.length,
        disabled: keys.length === 0,
        'aria-label': o.allLabel(),
        'data-testid': 'select-all',
        onUpdateChecked: (on: boolean) => {
          const others = o.selected().filter((k) => !keys.includes(k))
          o.select(on ? [...others, ...keys] : others)
        },
      })
    },
    render: (row) => {
      const k = o.key(row)
      return h(NCheckbox, {
        checked: o.selected().includes(k),
        disabled: o.disabled?.(row) ?? false,
        'aria-label': o.label(row),
        'data-testid': 'select-row',
        onUpdateChecked: (on: boolean) => o.select(on ? [...o.selected(), k] : o.selected().filter((x) => x !== k)),
      })
    },
  }
}
