import * as ContributionService from '../../wailsjs/go/service/ContributionService'
import * as ContributionImportService from '../../wailsjs/go/service/ContributionImportService'
import { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { importerOf } from './imports'

export type Contribution = app.Contribution
export type ContributionRow = app.ContributionRow
export type AuditEntry = app.AuditEntry

export type Status = 'pending' | 'approved' | 'rejected'
export const STATUSES: readonly Status[] = ['pending', 'approved', 'rejected']

export interface ContributionQuery {
  year: number
  /** '' for every status. */
  status: '' | Status
  text: string
  offset: number
  limit: number
}

export interface ContributionPage {
  items: ContributionRow[]
  total: number
}

/** What the entry form sends: a new contribution, or one to price. */
export interface ContributionInput {
  member_id: number
  kind: string
  date: string
  quantity: number
  title: string
  evidence: string
  /** null: the rules decide. */
  override: number | null
  override_reason: string
}

function contributionOf(input: ContributionInput): app.Contribution {
  const { override, ...rest } = input
  return app.Contribution.createFrom({ ...rest, override: override ?? undefined, id: 0, version: 0, status: '' })
}

export async function list(q: ContributionQuery): Promise<ContributionPage> {
  const page = await call(() => ContributionService.List(app.ContributionQuery.createFrom({ ...q, member_id: 0, kind: '' })))
  return { items: page?.items ?? [], total: page?.total ?? 0 }
}

/** Records a new contribution; it is pending until approved. */
export function create(input: ContributionInput): Promise<Contribution> {
  return call(() => ContributionService.Create(contributionOf(input)))
}

/** The points input alone would earn under its year's rules. */
export function points(input: ContributionInput): Promise<number> {
  return call(() => ContributionService.Points(contributionOf(input)))
}

/**
 * Saves an edit of a recorded contribution made from version, with the
 * reason for it: an approved one counts already, so it needs one.
 */
export function update(id: number, version: number, input: ContributionInput, reason: string): Promise<Contribution> {
  return call(() => ContributionService.Update(app.Contribution.createFrom({ ...contributionOf(input), id, version }), reason))
}

/** Takes back an approval or a rejection, with the reason: the contribution is pending again. */
export function withdraw(id: number, version: number, reason: string): Promise<Contribution> {
  return call(() => ContributionService.Withdraw(id, version, reason))
}

/** Deletes a contribution recorded by mistake (not an approved one, nor an event's). */
export function remove(id: number, version: number): Promise<void> {
  return call(() => ContributionService.Delete(id, version))
}

/** Who recorded, changed and decided the contribution, when and why; oldest first. */
export async function history(id: number): Promise<AuditEntry[]> {
  return (await call(() => ContributionService.History(id))) ?? []
}

export function approve(id: number, version: number): Promise<Contribution> {
  return call(() => ContributionService.Approve(id, version))
}

export function reject(id: number, version: number): Promise<Contribution> {
  return call(() => ContributionService.Reject(id, version))
}

/** Imports a spreadsheet of contributions; rows match members by phone, else by name. */
export const importer = importerOf(ContributionImportService)
