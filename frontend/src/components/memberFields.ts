import type { MemberInput } from '@/api/members'

export type TextField = Exclude<keyof MemberInput, 'org_category'>

export interface FieldSpec {
  name: TextField
  max: number
  wide?: boolean
  textarea?: boolean
  required?: boolean
  /** form.hints.<name> is shown under the field while it has no error. */
  hint?: boolean
}

// Limits match the server's; the server is still the one that decides.
export const basicFields: FieldSpec[] = [
  { name: 'name', max: 40, required: true },
  { name: 'name_latin', max: 80, hint: true },
  { name: 'organization', max: 100, wide: true },
]
export const afterCategoryFields: FieldSpec[] = [{ name: 'title', max: 60 }]
export const contactFields: FieldSpec[] = [
  { name: 'phone', max: 20 },
  { name: 'email', max: 120 },
  { name: 'wechat', max: 40 },
  { name: 'city', max: 30 },
  { name: 'address', max: 200, wide: true },
]
export const moreFields: FieldSpec[] = [
  { name: 'bio', max: 2000, wide: true, textarea: true },
  { name: 'notes', max: 2000, wide: true, textarea: true },
]
