// The three spreadsheet imports (members, groups, contributions) share one
// contract: Preview and Apply take the file's name and bytes and answer an
// ImportReport.
import type { service } from '../../wailsjs/go/models'
import { call } from './errors'
import { fileArg } from '@/files'

export type ImportReport = service.ImportReport
export type ImportRow = service.ImportRow

/** A generated import service binding. */
interface ImportService {
  Preview(fileName: string, data: number[]): Promise<ImportReport>
  Apply(fileName: string, data: number[]): Promise<ImportReport>
}

/** The typed calls of one import service. */
export interface Importer {
  /** What importing the file would do to each row; writes nothing. */
  preview(fileName: string, bytes: Uint8Array): Promise<ImportReport>
  /** Imports the file all or nothing, after a backup of the database. */
  apply(fileName: string, bytes: Uint8Array): Promise<ImportReport>
}

export function importerOf(service: ImportService): Importer {
  return {
    preview: async (fileName, bytes) => {
      const data = await fileArg(bytes)
      return call(() => service.Preview(fileName, data))
    },
    apply: async (fileName, bytes) => {
      const data = await fileArg(bytes)
      return call(() => service.Apply(fileName, data))
    },
  }
}

