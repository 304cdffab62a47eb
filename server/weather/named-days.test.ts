import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readMapping } from './csv-mapping.js';
import { DEFAULT_MAPPING_PATH } from './csv-import.js';
import { readHourlyRows } from './hourly-rows.js';
import { findColdSnapDay, findHeatDay, findNamedDays, findPlumRainDay, findTyphoonDay, summariseDays, type HourSample } from './named-days.js';
import { toWeatherEvents } from './weather-events.js';

const HOUR = 3_600_000;
const REAL_FILE = new URL('../../tiles/sources/weather/shanghai-hourly-2010-2015.csv', import.meta.url);

/** 24 hours of one local (UTC+8) day with the given values. */
function day(date: string, temperature: number, options: { rainHours?: number; rain?: number; wind?: number } = {}): HourSample[] {
  const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
  return Array.from({ length: 24 }, (_, hour) => ({
    t: Date.UTC(year, month - 1, dayOfMonth, hour) - 8 * HOUR,
    local: { year, month, day: dayOfMonth, hour, minute: 0 },
    temperature,
    windSpeed: hour === 12 ? (options.wind ?? 3) : 2,
    precipitation: hour < (options.rainHours ?? 0) ? (options.rain ?? 1) : 0,
  }));
}

describe('named-day criteria', () => {
  it('summarises local days', () => {
    const [summary] = summariseDays(day('2012-08-01', 30, { rainHours: 5, rain: 2, wind: 9 }));
    expect(summary).toMatchObject({ date: '2012-08-01', month: 8, meanTemperature: 30, maxTemperature: 30, rainyHours: 5, precipitation: 10, maxWindSpeed: 9 });
    expect(summary!.startMs).toBe(Date.UTC(2012, 7, 1) - 8 * HOUR);
  });

  it('finds the heat day only in June–September, ties to the earlier date', () => {
    const days = summariseDays([...day('2012-05-30', 36), ...day('2012-07-01', 35), ...day('2012-07-02', 35), ...day('2012-10-01', 37)]);
    expect(findHeatDay(days)?.date).toBe('2012-07-01');
  });

  it('finds plum rain only inside a spell of 3+ rain days in light wind, 1 June–15 July', () => {
    const hours = [
      ...day('2012-06-10', 24, { rainHours: 23 }), // alone: not a spell
      ...day('2012-06-20', 24, { rainHours: 4 }),
      ...day('2012-06-21', 24, { rainHours: 16 }),
      ...day('2012-06-22', 24, { rainHours: 6 }),
      ...day('2012-07-08', 24, { rainHours: 5 }),
      ...day('2012-07-09', 24, { rainHours: 20, wind: 12 }), // a storm's rain
      ...day('2012-07-10', 24, { rainHours: 5 }),
    ];
    expect(findPlumRainDay(summariseDays(hours))?.date).toBe('2012-06-21');
  });

  it('finds the cold snap as the day a 48-hour fall in daily mean ends, November–March', () => {
    const hours = [...day('2012-12-01', 15), ...day('2012-12-02', 12), ...day('2012-12-03', 4), ...day('2012-12-04', 5), ...day('2012-05-01', 25), ...day('2012-05-02', 20), ...day('2012-05-03', 5)];
    const found = findColdSnapDay(summariseDays(hours));
    expect(found?.date).toBe('2012-12-03');
    expect(found?.why.en).toContain('−11 °C');
  });

  it('finds the typhoon day as the windiest July–October day with ≥ 25 mm of rain', () => {
    const hours = [
      ...day('2012-08-01', 28, { rainHours: 10, rain: 3, wind: 11 }),
      ...day('2012-08-02', 28, { rainHours: 2, rain: 3, wind: 16 }),
      ...day('2012-08-03', 28, { rainHours: 12, rain: 5, wind: 13 }),
    ];
    expect(findTyphoonDay(summariseDays(hours))?.date).toBe('2012-08-03');
  });
});

describe('named days in the bundled Shanghai file (real data)', async () => {
  const mapping = await readMapping(DEFAULT_MAPPING_PATH);
  const { rows } = readHourlyRows(await readFile(REAL_FILE, 'utf8'), mapping);
  const converted = toWeatherEvents(rows, mapping, 'shanghai-bund');
  const days = findNamedDays(rows.map((r, i) => ({ t: r.t, local: r.local, temperature: r.temperature, windSpeed: converted.windSpeeds[i]!, precipitation: converted.precipitation[i]! })));
  const byId = new Map(days.map((d) => [d.id, d]));
  const monthOf = (id: string): number => Number(byId.get(id as never)!.date.slice(5, 7));

  it('finds all four, each in its season', () => {
    expect(days.map((d) => d.id)).toEqual(['heat', 'plum-rain', 'cold-snap', 'typhoon']);
    expect(monthOf('heat')).toBeGreaterThanOrEqual(6);
    expect(monthOf('heat')).toBeLessThanOrEqual(9);
    const plum = byId.get('plum-rain')!.date;
    expect(monthOf('plum-rain') === 6 || (monthOf('plum-rain') === 7 && Number(plum.slice(8)) <= 15)).toBe(true);
    expect(monthOf('cold-snap') >= 11 || monthOf('cold-snap') <= 3).toBe(true);
    expect(monthOf('typhoon')).toBeGreaterThanOrEqual(7);
    expect(monthOf('typhoon')).toBeLessThanOrEqual(10);
  });

  it('finds the days the record remembers', () => {
    // 7 Aug 2013: the peak of Shanghai's record heat wave of summer 2013 (41 °C in this series);
    // 8 Aug 2012: Typhoon Haikui (海葵) brought gales and 155 mm of rain.
    expect(byId.get('heat')?.date).toBe('2013-08-07');
    expect(byId.get('typhoon')?.date).toBe('2012-08-08');
    expect(byId.get('plum-rain')?.date).toBe('2014-06-26');
    expect(byId.get('cold-snap')?.date).toBe('2013-03-11');
  });

  it('gives each a name and a reason in both languages, and a start at local midnight', () => {
    for (const d of days) {
      expect(d.name.zh && d.name.en && d.why.zh && d.why.en).toBeTruthy();
      expect(new Date(d.startMs + 8 * HOUR).toISOString().slice(0, 10)).toBe(d.date);
      expect(new Date(d.startMs + 8 * HOUR).toISOString().slice(11, 19)).toBe('00:00:00');
    }
  });
});
