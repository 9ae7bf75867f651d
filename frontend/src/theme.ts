import type { GlobalThemeOverrides } from 'naive-ui'

export const PG_BLUE = '#336791'
/** Secondary text: the muted grey the pages' styles use too. */
export const MUTED_TEXT = '#636e7d'

export const FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif'

const themeOverrides: GlobalThemeOverrides = {
  common: {
    primaryColor: PG_BLUE,
    primaryColorHover: '#3f7aa8',
    primaryColorPressed: '#2a5578',
    primaryColorSuppl: '#3f7aa8',
    infoColor: PG_BLUE,
    infoColorHover: '#3f7aa8',
    infoColorPressed: '#2a5578',
    infoColorSuppl: '#3f7aa8',
    fontFamily: FONT_FAMILY,
    borderRadius: '6px',
    bodyColor: '#f5f7fa',
    // Secondary text (labels, hints, an empty list's words) dark enough to
    // read: 4.5:1 on white and on the page's grey (WCAG AA, which axe checks).
    textColor3: MUTED_TEXT,
  },
  Empty: {
    textColor: MUTED_TEXT,
  },
  // A tick box that cannot change now (HTTPS while LAN mode is on) still
  // says what it is, readably.
  Checkbox: {
    textColorDisabled: MUTED_TEXT,
  },
  // A tag's words on its pale ground, each at 4.5:1 or more.
  Tag: {
    textColorSuccess: '#12663f',
    textColorWarning: '#8a5300',
    textColorError: '#b0203f',
  },
  Layout: {
    siderColor: '#ffffff',
    headerColor: '#ffffff',
    color: '#f5f7fa',
  },
  Menu: {
    itemHeight: '42px',
  },
  DataTable: {
    thColor: '#f7f9fb',
  },
}

/** Level colours, shared by the standings cards and the dashboard charts. */
export const LEVEL_COLORS = { partner: '#18a058', ace: PG_BLUE, director: '#f0a020' } as const

/** Text and line colours of charts, matching Naive UI's light theme. */
export const CHART_COLORS = { text: '#6b7785', axis: '#d7dde5', split: '#eef1f5' } as const

/** The UI's fonts in lang: English takes its quotation marks from a Latin
 * font ('Latin Quotes' in style.css), not a full-width Chinese one. */
export const fontFamilyFor = (lang: string): string => (lang === 'en' ? `"Latin Quotes", ${FONT_FAMILY}` : FONT_FAMILY)

/** Naive UI's theme in lang: its components name their fonts themselves. */
export const themeFor = (lang: string): GlobalThemeOverrides => ({
  ...themeOverrides,
  common: { ...themeOverrides.common, fontFamily: fontFamilyFor(lang) },
})
