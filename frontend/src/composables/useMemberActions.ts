import { h } from 'vue'
import { useI18n } from 'vue-i18n'
import { useDialog, useMessage } from 'naive-ui'
import type { Member } from '@/api/members'
import { useMembersStore } from '@/stores/members'
import { useSystemStore } from '@/stores/system'
import { useErrorText } from './useErrorText'
import { testButton } from './testids'

/** Archive, restore and delete with confirmation and toasts. */
export function useMemberActions() {
  const { t } = useI18n()
  const message = useMessage()
  const dialog = useDialog()
  const store = useMembersStore()
  const system = useSystemStore()
  const { errorText } = useErrorText()

  async function setArchived(m: Member, value: boolean): Promise<void> {
    try {
      await store.setMemberArchived(m, value)
      message.success(t(value ? 'members.archived' : 'members.restored', { name: m.name }))
    } catch (e) {
      message.error(errorText(e))
    }
  }

  function confirmDelete(m: Member): void {
    dialog.warning({
      title: t('members.deleteTitle'),
      content: () => h('div', { 'data-testid': 'delete-dialog' }, t('members.deleteContent', { name: m.name })),
      positiveText: t('members.deleteConfirm'),
      negativeText: t('common.cancel'),
      positiveButtonProps: testButton('confirm-delete', { type: 'error' }),
      negativeButtonProps: testButton('cancel-delete'),
      onPositiveClick: async () => {
        try {
          await store.remove(m)
          message.success(t('members.deleted', { name: m.name }))
          void system.load()
        } catch (e) {
          message.error(errorText(e), { duration: 6000 })
        }
      },
    })
  }

  return { setArchived, confirmDelete }
}
