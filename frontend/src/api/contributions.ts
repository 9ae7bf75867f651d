import * as ContributionService from '../../wailsjs/go/app/ContributionService'
import * as ContributionImportService from '../../wailsjs/go/app/ContributionImportService'
import { app } from '../../wailsjs/go/models'
import { call } from './errors'

export type Contribution = app.Contribution
export type ContributionRow = app.ContributionRow
export type ImportReport = app.ImportReport
export type ImportRow = app.ImportRow

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

/**
 * The file travels as base64: Go's JSON decodes a string into the []byte
 * parameter, at a third of the size of the number array the generated
 * type asks for.
 */
function fileArg(bytes: Uint8Array): number[] {
  return toBase64(bytes) as unknown as number[]
}

/** What importing the file would do to each row; writes nothing. */
export function previewImport(fileName: string, bytes: Uint8Array): Promise<ImportReport> {
  return call(() => ContributionImportService.Preview(fileName, fileArg(bytes)))
}

/** Imports the file all or nothing. */
export function applyImport(fileName: string, bytes: Uint8Array): Promise<ImportReport> {
  return call(() => ContributionImportService.Apply(fileName, fileArg(bytes)))
}

export function toBase64(bytes: Uint8Array): string {
  let s = ''
  // String.fromCharCode takes arguments: go in chunks to stay far below
  // the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(s)
}
