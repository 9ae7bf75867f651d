import * as EventService from '../../wailsjs/go/service/EventService'
import * as AttendeeService from '../../wailsjs/go/service/AttendeeService'
import * as ContributionService from '../../wailsjs/go/service/ContributionService'
import { app, type service } from '../../wailsjs/go/models'
import { call } from './errors'
import { decodeBytes, file, type FileData } from './certificates'
import { fileArg } from '@/files'

export type Event = app.Event
export type Talk = app.Talk
export type Speaker = service.Speaker
export type Contribution = app.Contribution

/** The editable fields of an event. */
export interface EventInput {
  name: string
  name_en: string
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

export function get(id: number): Promise<Event> {
  return call(() => EventService.Get(id))
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

export type AttendeeRow = app.AttendeeRow

/** The event's attendees with their current level, in pinyin order. */
export async function attendees(eventID: number): Promise<AttendeeRow[]> {
  return (await call(() => AttendeeService.Attendees(eventID))) ?? []
}

export function register(eventID: number, memberID: number): Promise<AttendeeRow> {
  return call(() => AttendeeService.Register(eventID, memberID))
}

export async function unregister(eventID: number, memberID: number, version: number): Promise<void> {
  await call(() => AttendeeService.Unregister(eventID, memberID, version))
}

/** Checks in from the version shown (0: not registered yet); the device is '' on this computer. */
export function checkIn(eventID: number, memberID: number, version: number, device = ''): Promise<AttendeeRow> {
  return call(() => AttendeeService.CheckIn(eventID, memberID, version, device))
}

export function undoCheckIn(eventID: number, memberID: number, version: number, device = ''): Promise<AttendeeRow> {
  return call(() => AttendeeService.UndoCheckIn(eventID, memberID, version, device))
}

/** Adds someone at the door to the roster (name and phone) and checks them in. */
export function walkIn(eventID: number, name: string, phone: string, device = ''): Promise<AttendeeRow> {
  return call(() => AttendeeService.WalkIn(eventID, app.WalkIn.createFrom({ name, name_latin: '', phone }), device))
}

/** The event's talks with their speakers' names, registered to attend or not. */
export async function speakers(eventID: number): Promise<Speaker[]> {
  return (await call(() => EventService.Speakers(eventID))) ?? []
}

/** The level holders among the attendees, in seating order. */
export async function frontRow(eventID: number): Promise<AttendeeRow[]> {
  return (await call(() => AttendeeService.FrontRow(eventID))) ?? []
}

/** The front row's place cards as a PDF. */
export async function placeCards(eventID: number): Promise<FileData> {
  const r = await call(() => AttendeeService.PlaceCards(eventID))
  return { name: r.name, bytes: decodeBytes(r.data as unknown) }
}

/** The attendees whose name, pinyin or phone matches text (the door's search). */
export async function checkInSearch(eventID: number, text: string): Promise<AttendeeRow[]> {
  return (await call(() => AttendeeService.CheckInSearch(eventID, text))) ?? []
}

/** The events held today on the hub's clock: the desk's choice. */
export async function today(): Promise<Event[]> {
  return (await call(() => EventService.Today())) ?? []
}

/** A speaker's thanks certificate for the event, issued if need be. */
export async function speakerCertificate(eventID: number, memberID: number): Promise<FileData> {
  return file(await call(() => AttendeeService.SpeakerCertificate(eventID, memberID)))
}

/** The same thanks certificate as a PNG for the speaker to post. */
export async function speakerPicture(eventID: number, memberID: number): Promise<FileData> {
  return file(await call(() => AttendeeService.SpeakerPicture(eventID, memberID)))
}

/** An attendee's code (ACE-ATT:<event>:<member>) as a QR image, a data: URL made by the hub. */
export function attendeeQR(eventID: number, memberID: number): Promise<string> {
  return call(() => AttendeeService.AttendeeQR(eventID, memberID))
}

/** The event's attendees whose codes the hub finds in a photo. */
export async function scanAttendee(eventID: number, name: string, bytes: Uint8Array): Promise<AttendeeRow[]> {
  const data = await fileArg(bytes)
  return (await call(() => AttendeeService.ScanAttendee(eventID, name, data))) ?? []
}
