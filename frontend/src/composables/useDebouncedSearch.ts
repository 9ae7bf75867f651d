import { computed, getCurrentScope, onScopeDispose, ref, type Ref } from 'vue'
import { AppError, toAppError } from '@/api/errors'
import { latestGate } from '@/stores/latest'

/** How long typing must pause before the list is asked: one request per word, not per keystroke. */
export const SEARCH_DEBOUNCE_MS = 200
/** The rows a list page asks for at a time. */
export const PAGE_SIZE = 50

/** What every paged list call takes besides its own filters. */
export interface PageQuery {
  text: string
  offset: number
  limit: number
}

/** What every paged list call answers. */
export interface Page<T> {
  items: T[]
  total: number
}

export interface SearchOptions<Q extends PageQuery, T> {
  /** The query for the search text and page, with the list's own filters added. */
  query: (base: PageQuery) => Q
  fetch: (q: Q) => Promise<Page<T>>
  /** Called with each answer as it is shown. */
  shown?: (answer: Page<T>) => void
}

/**
 * A list page's search as you type, over a list the server pages:
 * setText() asks SEARCH_DEBOUNCE_MS after the last keystroke, run() at
 * once. Only the answer to the most recent request is shown, so fast typing
 * can't leave the table showing the results of an earlier text.
 */
export function useDebouncedSearch<Q extends PageQuery, T>(opts: SearchOptions<Q, T>) {
  const text = ref('')
  const page = ref(1)
  const items = ref([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  /** The query whose answer is shown; null before the first. */
  const shown = ref(null) as Ref<Q | null>
  /** True while typing has scheduled a search that has not started yet. */
  const debouncing = ref(false)
  /** True from a keystroke until the answer for what is in the box is shown. */
  const busy = computed(() => debouncing.value || loading.value)
  const gate = latestGate()
  let timer: ReturnType<typeof setTimeout> | undefined

  function cancelTimer(): void {
    if (timer) clearTimeout(timer)
    timer = undefined
    debouncing.value = false
  }

  /** Asks for the current text, filters and page now. */
  async function run(): Promise<void> {
    cancelTimer()
    const isLatest = gate.next()
    const q = opts.query({ text: text.value.trim(), offset: (page.value - 1) * PAGE_SIZE, limit: PAGE_SIZE })
    loading.value = true
    try {
      const answer = await opts.fetch(q)
      if (!isLatest()) return
      // A page past the end (after the last row of a page was archived or
      // approved away): go back to the last page there is.
      if (answer.items.length === 0 && answer.total > 0 && page.value > 1) {
        page.value = Math.max(1, Math.ceil(answer.total / PAGE_SIZE))
        return run()
      }
      items.value = answer.items
      total.value = answer.total
      shown.value = q
      error.value = null
      opts.shown?.(answer)
    } catch (e) {
      if (isLatest()) error.value = toAppError(e)
    } finally {
      if (isLatest()) loading.value = false
    }
  }

  /** Search as you type: from the first page, once typing pauses. */
  function setText(v: string): void {
    text.value = v
    page.value = 1
    cancelTimer()
    debouncing.value = true
    timer = setTimeout(() => {
      timer = undefined
      void run()
    }, SEARCH_DEBOUNCE_MS)
  }

  function setPage(p: number): Promise<void> {
    page.value = p
    return run()
  }

  /** After a filter of the list's own changed: from the first page, now. */
  function refilter(): Promise<void> {
    page.value = 1
    return run()
  }

  if (getCurrentScope()) onScopeDispose(cancelTimer)

  return { text, page, items, total, loading, error, shown, debouncing, busy, run, setText, setPage, refilter }
}
