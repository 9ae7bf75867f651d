import { h } from 'vue'
import { useI18n } from 'vue-i18n'
import { NButton, useMessage } from 'naive-ui'
import { isDesktop } from '@/api/shim'
import * as system from '@/api/system'
import type { FileData } from '@/api/certificates'
import { downloadBytes, saveOrDownload } from '@/files'
import { useErrorText } from './useErrorText'

/**
 * Every export goes through here: the desktop window saves through its
 * dialog and offers to open the saved file; the browser downloads it.
 * Errors are shown, never thrown; a cancelled dialog shows nothing.
 */
export function useSaveFile() {
  const { t } = useI18n()
  const message = useMessage()
  const { errorText } = useErrorText()

  async function open(path: string): Promise<void> {
    try {
      await system.openFile(path)
    } catch (e) {
      message.error(errorText(e))
    }
  }

  /** Makes the file with make() and hands it to the user. */
  async function save(make: () => Promise<FileData>): Promise<void> {
    try {
      const f = await make()
      const out = await saveOrDownload(f.name, f.bytes, { desktop: isDesktop(), saveFile: system.saveFile, download: downloadBytes })
      if (out.kind === 'downloaded') message.success(t('files.downloaded', { name: f.name }))
      if (out.kind !== 'saved') return
      const path = out.path
      const m = message.success(
        () =>
          h('span', { class: 'saved-file', 'data-testid': 'file-saved' }, [
            t('files.saved', { path }),
            h(
              NButton,
              { size: 'tiny', type: 'primary', secondary: true, style: 'margin-left: 10px', 'data-testid': 'file-open',
                onClick: () => { m.destroy(); void open(path) } },
              () => t('files.open'),
            ),
          ]),
        { duration: 10000, closable: true },
      )
    } catch (e) {
      message.error(errorText(e))
    }
  }

  return { save }
}
