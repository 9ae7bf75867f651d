import { useI18n } from 'vue-i18n'
import { fieldErrorText, translateError, type FieldError } from '@/api/errors'

/** Translating errors for the user in components. */
export function useErrorText() {
  const { t, te } = useI18n()
  const tr = (key: string, params?: Record<string, unknown>) => t(key, params ?? {})
  return {
    errorText: (err: unknown) => translateError(err, tr, te),
    fieldText: (fe: FieldError | undefined) => (fe ? fieldErrorText(fe, tr, te) : undefined),
  }
}
