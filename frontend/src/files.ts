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

/**
 * Bytes as base64, the way Go's []byte travels in JSON: with the engine's
 * own encoder where it has one, else FileReader's. Building the string in
 * script took 0.3 s for a 10 MB bundle.
 */
export async function toBase64(bytes: Uint8Array): Promise<string> {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64
  if (typeof native === 'function') return native.call(bytes)
  if (bytes.length === 0) return ''
  const url = await new Promise<string>((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(r.result as string)
    r.onerror = () => reject(r.error)
    r.readAsDataURL(new Blob([bytes as Uint8Array<ArrayBuffer>]))
  })
  return url.slice(url.indexOf(',') + 1)
}

/**
 * A file as a bound method's []byte parameter: base64, which Go's JSON
 * decodes into []byte, at a third of the size of the number array the
 * generated type asks for.
 */
export async function fileArg(bytes: Uint8Array): Promise<number[]> {
  return (await toBase64(bytes)) as unknown as number[]
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
