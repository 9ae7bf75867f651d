import * as GroupService from '../../wailsjs/go/service/GroupService'
import * as DecisionService from '../../wailsjs/go/service/DecisionService'
import * as GroupImportService from '../../wailsjs/go/service/GroupImportService'
import { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { importerOf } from './imports'

export type Group = app.Group
export type GroupTerm = app.GroupTerm
export type Committee = app.Committee
export type Decision = app.Decision

export async function committees(): Promise<Committee[]> {
  return (await call(() => GroupService.Committees())) ?? []
}

export async function list(): Promise<Group[]> {
  return (await call(() => GroupService.List())) ?? []
}

/** Saves a group with its terms: creates it when id is 0. */
export function save(g: Pick<Group, 'id' | 'version' | 'committee' | 'name' | 'name_en' | 'city' | 'terms'>): Promise<Group> {
  const in_ = app.Group.createFrom(g)
  return call(() => (g.id ? GroupService.Update(in_) : GroupService.Create(in_)))
}

export async function decisions(year: number): Promise<Decision[]> {
  return (await call(() => DecisionService.List(year))) ?? []
}

/** The fields of a new decision. */
export interface DecisionInput {
  kind: string
  member_id: number
  year: number
  level: string
  group_id: number
  reason: string
}

export function decide(input: DecisionInput): Promise<Decision> {
  return call(() => DecisionService.Create(app.Decision.createFrom({ ...input, id: 0, version: 0 })))
}

export function withdraw(id: number, version: number, reason: string): Promise<Decision> {
  return call(() => DecisionService.Withdraw(id, version, reason))
}

/** Reads groups with their lead per year: adds new groups, sets each year's lead (found by phone). */
export const importer = importerOf(GroupImportService)
