import * as ContributionService from '../../wailsjs/go/service/ContributionService'
import * as ContributionImportService from '../../wailsjs/go/service/ContributionImportService'
import { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { importerOf } from './imports'

export type Contribution = app.Contribution
export type ContributionRow = app.ContributionRow

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

export function approve(id: number, version: number): Promise<Contribution> {
  return call(() => ContributionService.Approve(id, version))
}

export function reject(id: number, version: number): Promise<Contribution> {
  return call(() => ContributionService.Reject(id, version))
}

/** Imports a spreadsheet of contributions; rows match members by phone, else by name. */
export const importer = importerOf(ContributionImportService)
