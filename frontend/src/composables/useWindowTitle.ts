import { watchEffect } from 'vue'

type WailsRuntime = { WindowSetTitle?: (title: string) => void }

// useWindowTitle keeps the browser tab and, on the desktop, the window's
// title bar showing the current page (e.g. "成员名册 (300) — ACE Desk").
export function useWindowTitle(page: () => string) {
  watchEffect(() => {
    const title = `${page()} — ACE Desk`
    document.title = title
    ;(window as unknown as { runtime?: WailsRuntime }).runtime?.WindowSetTitle?.(title)
  })
}
