import { useI18n } from 'vue-i18n'
import { fieldErrorText, translateError, type FieldError } from '@/api/errors'

/** Translating errors for the user in components. */
export function useErrorText() {
  const { t, te } = useI18n()
  const tr = (key: string, params?: Record<string, unknown>) => t(key, params ?? {})
  const fieldText = (fe: FieldError | undefined) => (fe ? fieldErrorText(fe, tr, te) : undefined)
  return {
    errorText: (err: unknown) => translateError(err, tr, te),
    fieldText,
    /** An NFormItem's feedback and status for one field of a form's errors;
     * hint is the help line shown while the field has no error. */
    itemProps: (errors: Record<string, FieldError>, field: string, hint?: string) => ({
      feedback: fieldText(errors[field]) ?? hint,
      'validation-status': errors[field] ? ('error' as const) : undefined,
    }),
  }
}
