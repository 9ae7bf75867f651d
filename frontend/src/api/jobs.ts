import * as JobService from '../../wailsjs/go/service/JobService'
import { call } from './errors'
import { file, type FileData } from './certificates'

export type JobState = 'running' | 'done' | 'failed' | 'cancelled'

/** What the one job poller (useJob) reads of any job. */
export interface JobStatus {
  id: string
  state: JobState
  done: number
  total: number
  file: string
  error?: unknown
}

export async function status(id: string): Promise<JobStatus> {
  return (await call(() => JobService.Status(id))) as unknown as JobStatus
}

export function cancel(id: string): Promise<void> {
  return call(() => JobService.Cancel(id))
}

/** The file a finished job made. */
export async function result(id: string): Promise<FileData> {
  return file(await call(() => JobService.Result(id)))
}

/** How useJob follows and cancels any job. */
export const jobCalls = { status, cancel }
