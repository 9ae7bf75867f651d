import type { Ref } from 'vue'
import { fieldErrorsOf, toAppError, type FieldError } from '@/api/errors'

/**
 * Runs a walk-in form's submission (the drawer's and the phone desk's):
 * field errors land in errors and resolve null, any other refusal rejects
 * with the AppError, and busy is set while it runs.
 */
export async function submitWalkIn<T>(errors: Ref<Record<string, FieldError>>, busy: Ref<boolean>, run: () => Promise<T>): Promise<T | null> {
  busy.value = true
  errors.value = {}
  try {
    return await run()
  } catch (e) {
    const err = toAppError(e)
    errors.value = fieldErrorsOf(err)
    if (!Object.keys(errors.value).length) throw err
    return null
  } finally {
    busy.value = false
  }
}
