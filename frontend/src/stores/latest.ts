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
 * A loader for a year's data of which only the latest request's answer is
 * applied: switching years quickly must never show an older year's answer.
 */
export function useLatestLoad<T>(fetch: (year: number) => Promise<T>, apply: (value: T, year: number) => void) {
  const year = ref(new Date().getFullYear())
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  /** The year whose answer is shown. */
  const shownYear = ref<number | null>(null)
  let latest = 0

  async function load(y: number = year.value): Promise<void> {
    year.value = y
    const seq = ++latest
    loading.value = true
    try {
      const value = await fetch(y)
      if (seq !== latest) return
      apply(value, y)
      shownYear.value = y
      error.value = null
    } catch (e) {
      if (seq !== latest) return
      error.value = toAppError(e)
    } finally {
      if (seq === latest) loading.value = false
    }
  }

  return { year, loading, error, shownYear, load }
}
