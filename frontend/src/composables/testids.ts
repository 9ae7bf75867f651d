import type { HTMLAttributes } from 'vue'
import type { ButtonProps, SelectGroupOption, SelectOption } from 'naive-ui'

/** node-props for an NSelect: each option gets data-testid="<prefix>-<value>". */
export function optionTestId(prefix: string) {
  return (o: SelectOption | SelectGroupOption) =>
    ({ 'data-testid': `${prefix}-${String((o as SelectOption).value ?? '')}` }) as Record<string, string>
}

/** Button props plus a data-testid (Naive passes unknown attrs to the button). */
export function testButton(testid: string, props: ButtonProps = {}): ButtonProps {
  return { ...props, ...({ 'data-testid': testid } as object) }
}

/** A data table row's data-* attributes, typed as Naive's row props. */
export function rowAttrs(attrs: Record<string, string>): HTMLAttributes {
  return attrs as HTMLAttributes
}
