/**
 * Finds the bookmarked days in an hourly series, by fixed criteria so a re-import finds the same
 * days (ties go to the earlier date). The criteria are documented in docs/weather.md.
 */
import type { NamedDay } from '../../src/weather/named-days-file.js';
import type { LocalTime } from './hourly-rows.js';

/** What the search needs from one hour. */
export interface HourSample {
  t: number;
  local: LocalTime;
  temperature: number | null;
  windSpeed: number | null;
  precipitation: number | null;
}

/** One local calendar day's aggregates. */
export interface DaySummary {
  date: string;
  month: number;
  /** 1-based day of the month. */
  day: number;
  startMs: number;
  meanTemperature: number | null;
  maxTemperature: number | null;
  /** Hours with ≥ 0.1 mm. */
  rainyHours: number;
  precipitation: number;
  maxWindSpeed: number | null;
}

/** A day needs this many hours with a temperature for its mean to count. */
export const MIN_HOURS_FOR_MEAN = 20;
/** The smallest amount a rain gauge reports, mm. */
const RAIN_MM = 0.1;
/** Days with at least this much rain (GB/T 28592-2012: 大雨, heavy rain, ≥ 25 mm in 24 h) can be the typhoon day. */
export const HEAVY_RAIN_MM = 25;
/** A plum-rain spell is at least this many rain days in a row. */
export const SPELL_DAYS = 3;
/** Plum rain is steady rain in light winds; a day with an hour at Beaufort 5 (≥ 8.0 m/s) or more is a storm's. */
export const PLUM_RAIN_MAX_WIND = 8;

const pad = (n: number): string => String(n).padStart(2, '0');
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Groups hours by local date, in date order. */
export function summariseDays(hours: readonly HourSample[]): DaySummary[] {
  const days: DaySummary[] = [];
  let temperatures: number[] = [];
  const close = (): void => {
    const day = days[days.length - 1];
    if (day && temperatures.length >= MIN_HOURS_FOR_MEAN) day.meanTemperature = round1(temperatures.reduce((a, b) => a + b, 0) / temperatures.length);
    temperatures = [];
  };
  for (const hour of hours) {
    const { year, month, day } = hour.local;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    let summary = days[days.length - 1];
    if (!summary || summary.date !== date) {
      close();
      // Local midnight, whatever hour the day's first row holds.
      const startMs = hour.t - (hour.local.hour * 60 + hour.local.minute) * 60_000;
      summary = { date, month, day, startMs, meanTemperature: null, maxTemperature: null, rainyHours: 0, precipitation: 0, maxWindSpeed: null };
      days.push(summary);
    }
    if (hour.temperature !== null) {
      temperatures.push(hour.temperature);
      summary.maxTemperature = Math.max(summary.maxTemperature ?? -Infinity, hour.temperature);
    }
    if (hour.precipitation !== null) {
      summary.precipitation = round1(summary.precipitation + hour.precipitation);
      if (hour.precipitation >= RAIN_MM) summary.rainyHours++;
    }
    if (hour.windSpeed !== null) summary.maxWindSpeed = Math.max(summary.maxWindSpeed ?? -Infinity, hour.windSpeed);
  }
  close();
  return days;
}

/** Compares two key lists lexicographically: > 0 when a is better. */
const compareKeys = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

/** The best-scoring day by a list of keys (higher first); ties go to the earlier date. */
function best(days: readonly DaySummary[], keys: (day: DaySummary) => number[]): DaySummary | undefined {
  let winner: DaySummary | undefined;
  let winnerKeys: number[] = [];
  for (const day of days) {
    const k = keys(day);
    if (!winner || compareKeys(k, winnerKeys) > 0) {
      winner = day;
      winnerKeys = k;
    }
  }
  return winner;
}

const DAY_MS = 86_400_000;

/** The heat day: June–September, highest maximum temperature, then highest daily mean. */
export function findHeatDay(days: readonly DaySummary[]): NamedDay | undefined {
  const day = best(
    days.filter((d) => d.month >= 6 && d.month <= 9 && d.maxTemperature !== null && d.meanTemperature !== null),
    (d) => [d.maxTemperature!, d.meanTemperature!],
  );
  if (!day) return undefined;
  return {
    id: 'heat',
    name: { zh: '盛夏酷暑', en: 'Summer heat' },
    date: day.date,
    startMs: day.startMs,
    why: {
      zh: `6–9月中最高气温最高的一天：最高 ${day.maxTemperature} °C，日均 ${day.meanTemperature} °C`,
      en: `Highest maximum temperature of June–September: ${day.maxTemperature} °C, daily mean ${day.meanTemperature} °C`,
    },
  };
}

/** The plum-rain day: 1 June–15 July, in a spell of ≥ 3 rain days, wind < 8 m/s, most rainy hours, then most rain. */
export function findPlumRainDay(days: readonly DaySummary[]): NamedDay | undefined {
  const inSeason = (d: DaySummary): boolean => d.month === 6 || (d.month === 7 && d.day <= 15);
  const spellDays: DaySummary[] = [];
  let run: DaySummary[] = [];
  const endRun = (): void => {
    if (run.length >= SPELL_DAYS) spellDays.push(...run);
    run = [];
  };
  for (const day of days) {
    const previous = run[run.length - 1];
    if (previous && day.startMs - previous.startMs !== DAY_MS) endRun();
    if (day.precipitation >= RAIN_MM) run.push(day);
    else endRun();
  }
  endRun();
  const calm = (d: DaySummary): boolean => d.maxWindSpeed === null || d.maxWindSpeed < PLUM_RAIN_MAX_WIND;
  const day = best(
    spellDays.filter((d) => inSeason(d) && calm(d)),
    (d) => [d.rainyHours, d.precipitation],
  );
  if (!day) return undefined;
  return {
    id: 'plum-rain',
    name: { zh: '梅雨', en: 'Plum rain (Meiyu)' },
    date: day.date,
    startMs: day.startMs,
    why: {
      zh: `6月1日–7月15日连续 ${SPELL_DAYS} 天以上降雨、风速低于 ${PLUM_RAIN_MAX_WIND} m/s 的日子中降雨小时最多的一天：${day.rainyHours} 小时有雨，共 ${day.precipitation} mm`,
      en: `Most rainy hours of the light-wind (< ${PLUM_RAIN_MAX_WIND} m/s) days in spells of ${SPELL_DAYS}+ rain days, 1 June–15 July: ${day.rainyHours} hours of rain, ${day.precipitation} mm`,
    },
  };
}

/** The cold-snap day: November–March, largest fall in daily mean from day d−2 to day d; the day is d. */
export function findColdSnapDay(days: readonly DaySummary[]): NamedDay | undefined {
  const byStart = new Map(days.map((d) => [d.startMs, d]));
  const candidates = days.filter((d) => (d.month >= 11 || d.month <= 3) && d.meanTemperature !== null && byStart.get(d.startMs - 2 * DAY_MS)?.meanTemperature != null);
  const fall = (d: DaySummary): number => round1(byStart.get(d.startMs - 2 * DAY_MS)!.meanTemperature! - d.meanTemperature!);
  const day = best(candidates, (d) => [fall(d), -d.meanTemperature!]);
  if (!day) return undefined;
  const before = byStart.get(day.startMs - 2 * DAY_MS)!;
  return {
    id: 'cold-snap',
    name: { zh: '寒潮', en: 'Winter cold snap' },
    date: day.date,
    startMs: day.startMs,
    why: {
      zh: `11–3月中48小时日均气温降幅最大：由 ${before.date} 的 ${before.meanTemperature} °C 降至 ${day.meanTemperature} °C（降 ${fall(day)} °C）`,
      en: `Largest 48-hour fall in daily mean temperature of November–March: ${before.meanTemperature} °C on ${before.date} to ${day.meanTemperature} °C (−${fall(day)} °C)`,
    },
  };
}

/** The typhoon day: July–October, at least 25 mm of rain, strongest hourly wind, then most rain. */
export function findTyphoonDay(days: readonly DaySummary[]): NamedDay | undefined {
  const day = best(
    days.filter((d) => d.month >= 7 && d.month <= 10 && d.precipitation >= HEAVY_RAIN_MM && d.maxWindSpeed !== null),
    (d) => [d.maxWindSpeed!, d.precipitation],
  );
  if (!day) return undefined;
  return {
    id: 'typhoon',
    name: { zh: '台风天', en: 'Typhoon day' },
    date: day.date,
    startMs: day.startMs,
    why: {
      zh: `7–10月日雨量 ≥ ${HEAVY_RAIN_MM} mm 的日子中小时风速最大：${day.maxWindSpeed} m/s，日雨量 ${day.precipitation} mm`,
      en: `Strongest hourly wind of the July–October days with ≥ ${HEAVY_RAIN_MM} mm of rain: ${day.maxWindSpeed} m/s, ${day.precipitation} mm of rain`,
    },
  };
}

/** All four named days that the series has, in a fixed order. */
export function findNamedDays(hours: readonly HourSample[]): NamedDay[] {
  const days = summariseDays(hours);
  return [findHeatDay(days), findPlumRainDay(days), findColdSnapDay(days), findTyphoonDay(days)].filter((d): d is NamedDay => d !== undefined);
}
