import * as MemberService from '../../wailsjs/go/service/MemberService'
import * as MemberImportService from '../../wailsjs/go/service/MemberImportService'
import { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { importerOf } from './imports'

export type Member = app.Member
export type AuditEntry = app.AuditEntry

export interface MemberQuery {
  text: string
  archived: boolean
  offset: number
  limit: number
}

export interface MemberPage {
  items: Member[]
  total: number
}

/** The editable fields of a member (everything the form shows). */
export interface MemberInput {
  name: string
  name_latin: string
  organization: string
  org_category: string
  title: string
  city: string
  phone: string
  email: string
  wechat: string
  address: string
  bio: string
  notes: string
}

export const MEMBER_FIELDS: readonly (keyof MemberInput)[] = [
  'name', 'name_latin', 'organization', 'org_category', 'title', 'city',
  'phone', 'email', 'wechat', 'address', 'bio', 'notes',
]

export function emptyMemberInput(): MemberInput {
  const m = {} as MemberInput
  for (const f of MEMBER_FIELDS) m[f] = ''
  return m
}

export function inputOf(m: Partial<Member>): MemberInput {
  const out = emptyMemberInput()
  for (const f of MEMBER_FIELDS) out[f] = (m[f] as string | undefined) ?? ''
  return out
}

export async function search(q: MemberQuery): Promise<MemberPage> {
  const page = await call(() => MemberService.Search(app.MemberQuery.createFrom(q)))
  return { items: page?.items ?? [], total: page?.total ?? 0 }
}

export function get(id: number): Promise<Member> {
  return call(() => MemberService.Get(id))
}

export async function categories(): Promise<string[]> {
  return (await call(() => MemberService.Categories())) ?? []
}

export function create(input: MemberInput): Promise<Member> {
  return call(() => MemberService.Create(app.Member.createFrom({ ...input, id: 0, version: 0, archived: false })))
}

/** Saves an edit; version is the one the edit started from. */
export function update(id: number, version: number, input: MemberInput): Promise<Member> {
  return call(() => MemberService.Update(app.Member.createFrom({ ...input, id, version })))
}

export function archive(id: number, version: number): Promise<Member> {
  return call(() => MemberService.Archive(id, version))
}

export function restore(id: number, version: number): Promise<Member> {
  return call(() => MemberService.Restore(id, version))
}

export async function remove(id: number, version: number): Promise<void> {
  await call(() => MemberService.Delete(id, version))
}

export async function history(id: number): Promise<AuditEntry[]> {
  return (await call(() => MemberService.History(id))) ?? []
}

/** Merges a roster spreadsheet into the roster; rows match members by phone, else by email. */
export const importer = importerOf(MemberImportService)
