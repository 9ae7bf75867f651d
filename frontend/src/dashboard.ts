// The dashboard's charts as ECharts options built from the service's answer,
// in the app's colours and the UI language. Pure functions: tested alone.
import type { LevelCount } from '@/api/dashboard'
import { CHART_COLORS, FONT_FAMILY, LEVEL_COLORS, PG_BLUE } from '@/theme'

/** The levels stacked in the charts, from the top rung down. */
export const CHART_LEVELS = ['director', 'ace', 'partner'] as const
export type ChartLevel = (typeof CHART_LEVELS)[number]

/** The key of the bar that gathers the cities past the first few. */
export const OTHER_CITIES = '\u0000other'
/** How many cities get a bar of their own. */
export const CITY_BARS = 8

/** Short month names in the UI language: "1月" … / "Jan" …. */
export function monthNames(locale: string): string[] {
  const f = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' })
  return Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2026, m, 1))))
}

/** The first `bars` rows (the server sorts cities by members), the rest summed into one. */
export function topRows(rows: readonly LevelCount[], bars: number): LevelCount[] {
  if (rows.length <= bars) return [...rows]
  const rest = rows.slice(bars - 1)
  const other = { key: OTHER_CITIES, partner: 0, ace: 0, director: 0 } as LevelCount
  for (const r of rest) {
    other.partner += r.partner
    other.ace += r.ace
    other.director += r.director
  }
  return [...rows.slice(0, bars - 1), other]
}

const base = {
  textStyle: { fontFamily: FONT_FAMILY, color: CHART_COLORS.text },
  animationDuration: 300,
}

const valueAxis = {
  type: 'value',
  minInterval: 1,
  axisLabel: { color: CHART_COLORS.text },
  splitLine: { lineStyle: { color: CHART_COLORS.split } },
}

/** A bar per month of the points earned in it. */
export function monthsOption(points: readonly number[], months: readonly string[], series: string) {
  return {
    ...base,
    color: [PG_BLUE],
    grid: { left: 8, right: 12, top: 16, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: [...months],
      axisTick: { show: false },
      axisLine: { lineStyle: { color: CHART_COLORS.axis } },
      axisLabel: { color: CHART_COLORS.text, interval: 0 },
    },
    yAxis: valueAxis,
    series: [{ type: 'bar', name: series, data: [...points], barMaxWidth: 26, itemStyle: { borderRadius: [4, 4, 0, 0] } }],
  }
}

/** Horizontal bars, one per row (city or category), stacked by level, first row on top. */
export function levelsOption(rows: readonly LevelCount[], label: (key: string) => string, levelName: (l: ChartLevel) => string) {
  return {
    ...base,
    color: CHART_LEVELS.map((l) => LEVEL_COLORS[l]),
    grid: { left: 8, right: 16, top: 32, bottom: 4, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, icon: 'roundRect', textStyle: { color: CHART_COLORS.text } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: valueAxis,
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => label(r.key)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: CHART_COLORS.axis } },
      // A category's full name (数据库集成、支持服务商), on two lines when
      // it must, lineHeight fitting two in a bar's 28 px.
      axisLabel: { color: CHART_COLORS.text, width: 112, overflow: 'break', lineHeight: 14 },
    },
    series: CHART_LEVELS.map((l) => ({
      type: 'bar',
      name: levelName(l),
      stack: 'levels',
      barMaxWidth: 18,
      data: rows.map((r) => r[l]),
    })),
  }
}
