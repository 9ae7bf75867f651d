import * as EventService from '../../wailsjs/go/app/EventService'
import * as ContributionService from '../../wailsjs/go/app/ContributionService'
import { app } from '../../wailsjs/go/models'
import { call } from './errors'

export type Event = app.Event
export type Talk = app.Talk
export type Contribution = app.Contribution

/** The editable fields of an event. */
export interface EventInput {
  name: string
  kind: string
  date: string
  city: string
  group_id: number
  attendance: number
  organizer_id: number
  talks: { member_id: number; title: string; contribution_id: number }[]
}

export async function kinds(): Promise<string[]> {
  return (await call(() => EventService.Kinds())) ?? []
}

/** The events of year, newest first. */
export async function list(year: number): Promise<Event[]> {
  return (await call(() => EventService.List(year))) ?? []
}

/** Creates (id 0) or updates an event with its talks. */
export function save(id: number, version: number, input: EventInput): Promise<Event> {
  return call(() => EventService.Save(app.Event.createFrom({ ...input, id, version })))
}

export async function remove(id: number, version: number): Promise<void> {
  await call(() => EventService.Delete(id, version))
}

export async function contributionsOf(memberID: number): Promise<Contribution[]> {
  return (await call(() => ContributionService.ForMember(memberID))) ?? []
}

export function approve(id: number, version: number): Promise<Contribution> {
  return call(() => ContributionService.Approve(id, version))
}

export function reject(id: number, version: number): Promise<Contribution> {
  return call(() => ContributionService.Reject(id, version))
}
