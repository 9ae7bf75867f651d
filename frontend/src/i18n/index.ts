import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import { fontFamilyFor } from '../theme'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export const LANGUAGE_STORAGE_KEY = 'ace-desk.language'

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v)
}

/** The language cached from the last run, so the first paint is already right. */
export function cachedLanguage(): Language {
  try {
    const v = localStorage.getItem(LANGUAGE_STORAGE_KEY)
    if (isLanguage(v)) return v
  } catch {
    /* storage unavailable */
  }
  return 'zh-CN'
}

export function cacheLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang)
  } catch {
    /* storage unavailable */
  }
}

export const messages = { 'zh-CN': zhCN, en }

export function makeI18n(locale: Language = 'zh-CN') {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages,
    missingWarn: false,
    fallbackWarn: false,
  })
}

export const i18n = makeI18n(cachedLanguage())

/** Switches the UI language now and remembers it for the next start. */
export function applyLanguage(lang: Language): void {
  i18n.global.locale.value = lang
  cacheLanguage(lang)
  showLanguage(lang)
}

/** Marks the page as written in lang, and gives its text lang's fonts. */
export function showLanguage(lang: string): void {
  if (typeof document === 'undefined') return
  document.documentElement.lang = lang
  document.documentElement.style.setProperty('--ui-fonts', fontFamilyFor(lang))
}
