import * as SettingsService from '../../wailsjs/go/service/SettingsService'
import { app } from '../../wailsjs/go/models'
import { call } from './errors'

export type Settings = app.Settings
export type Language = 'zh-CN' | 'en'

export function get(): Promise<Settings> {
  return call(() => SettingsService.Get())
}

export function save(s: { language: string; operator: string; version: number }): Promise<Settings> {
  return call(() => SettingsService.Save(app.Settings.createFrom(s)))
}
