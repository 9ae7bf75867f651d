import { ref } from 'vue'
import { AppError, toAppError } from '@/api/errors'

/**
 * Numbers requests of one kind so that only the answer to the most recent
 * is applied: an older answer arriving late is dropped. next() starts a
 * request and returns a check for whether it is still the latest.
 */
export function latestGate() {
  let n = 0
  return {
    next(): () => boolean {
      const seq = ++n
      return () => seq === n
    },
  }
}

/**
 * A year-keyed loader for a page's store: `load(y)` fetches with `fetch(y)`
 * and applies the answer with `apply` only if no later load started since;
 * `loading`, `error` and `shownYear` describe the latest load.
 */
export function yearLoader<T>(fetch: (year: number) => Promise<T>, apply: (value: T) => void | Promise<void>) {
  const year = ref(new Date().getFullYear())
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  const shownYear = ref<number | null>(null)
  let latest = 0

  async function load(y: number = year.value): Promise<void> {
    year.value = y
    const seq = ++latest
    loading.value = true
    try {
      const value = await fetch(y)
      if (seq !== latest) return
      await apply(value)
      shownYear.value = y
      error.value = null
    } catch (e) {
      if (seq === latest) error.value = toAppError(e)
    } finally {
      if (seq === latest) loading.value = false
    }
  }

  return { year, loading, error, shownYear, load }
}
