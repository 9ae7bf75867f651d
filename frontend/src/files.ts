// Getting a file the services made to the user. The desktop window has no
// working browser download, so it saves through the native dialog (and can
// then open the file in the system's viewer); the browser downloads.

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  zip: 'application/zip',
  pem: 'application/x-pem-file',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  html: 'text/html;charset=utf-8',
}

/** The MIME type of a file name's extension. */
export function mimeType(name: string): string {
  return TYPES[name.slice(name.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream'
}

/** Offers bytes as a file download through a Blob link. */
export function downloadBytes(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType(name) }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoke only after the click's download has taken the URL.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** Bytes as base64, the way Go's []byte travels in JSON. */
export function toBase64(bytes: Uint8Array): string {
  let bin = ''
  // Chunks keep String.fromCharCode under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(bin)
}

export type Saved = { kind: 'downloaded' } | { kind: 'saved'; path: string } | { kind: 'cancelled' }

export interface SaveDeps {
  desktop: boolean
  /** The desktop save dialog: the path written, '' when cancelled. */
  saveFile: (name: string, bytes: Uint8Array) => Promise<string>
  download: (name: string, bytes: Uint8Array) => void
}

/** Saves a file through the desktop dialog, or downloads it in the browser. */
export async function saveOrDownload(name: string, bytes: Uint8Array, deps: SaveDeps): Promise<Saved> {
  if (!deps.desktop) {
    deps.download(name, bytes)
    return { kind: 'downloaded' }
  }
  const path = await deps.saveFile(name, bytes)
  return path ? { kind: 'saved', path } : { kind: 'cancelled' }
}
