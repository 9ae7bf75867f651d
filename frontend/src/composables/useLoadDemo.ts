import { useI18n } from 'vue-i18n'
import { useMessage } from 'naive-ui'
import { useSystemStore } from '@/stores/system'
import { useErrorText } from './useErrorText'

/** The "load demo data" action of the empty states: loads, says so, then refreshes the page's data. */
export function useLoadDemo(refresh: () => Promise<void>) {
  const { t } = useI18n()
  const message = useMessage()
  const system = useSystemStore()
  const { errorText } = useErrorText()
  return async function loadDemo(): Promise<void> {
    try {
      const n = await system.loadDemo()
      message.success(t('empty.demoLoaded', { count: n }))
      await refresh()
    } catch (e) {
      message.error(errorText(e), { duration: 6000 })
      void system.load()
    }
  }
}
