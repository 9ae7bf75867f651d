// Saving a file the app made. Where the browser has a save dialog
// (Chromium's showSaveFilePicker) the user picks the place, and closing
// the dialog is not an error; elsewhere (the desktop WebView) the file
// goes through the ordinary download.

export type SaveOutcome = 'saved' | 'cancelled' | 'downloaded'

interface SaveFilePicker {
  (options: { suggestedName: string }): Promise<{
    createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }>
  }>
}

/** Saves bytes under a suggested name and says how it went. */
export async function saveBytes(name: string, bytes: Uint8Array): Promise<SaveOutcome> {
  const blob = new Blob([bytes as BlobPart], { type: 'application/octet-stream' })
  const picker = (window as unknown as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker
  if (typeof picker === 'function') {
    let handle
    try {
      handle = await picker.call(window, { suggestedName: name })
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return 'cancelled'
      throw e
    }
    const out = await handle.createWritable()
    await out.write(blob)
    await out.close()
    return 'saved'
  }
  downloadBlob(name, blob)
  return 'downloaded'
}

/** Offers a blob as a file download through a link. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoke only after the click's download has taken the URL.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
