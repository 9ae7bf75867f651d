import type { Directive } from 'vue'

/**
 * v-keyboard-scroll="label": the scroll boxes inside the element (a data
 * table's body, an NScrollbar) take the keyboard focus as a named region,
 * so that someone without a mouse can scroll a list that holds nothing
 * else to focus (axe: scrollable-region-focusable). Naive UI takes no
 * attributes for its scroll containers, hence a directive; it runs again
 * after each update, as a table may make its body anew.
 */
export const vKeyboardScroll: Directive<HTMLElement, string> = {
  mounted: label,
  updated: label,
}

function label(el: HTMLElement, binding: { value: string }): void {
  for (const box of el.querySelectorAll<HTMLElement>('.n-scrollbar-container')) {
    box.tabIndex = 0
    box.setAttribute('role', 'region')
    box.setAttribute('aria-label', binding.value)
  }
}
