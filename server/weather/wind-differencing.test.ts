import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readMapping } from './csv-mapping.js';
import { DEFAULT_MAPPING_PATH } from './csv-import.js';
import { readHourlyRows, type HourlyRow } from './hourly-rows.js';
import { differenceDirectionRuns, differenceRunningTotal } from './wind-differencing.js';

const HOUR = 3_600_000;
const REAL_FILE = new URL('../../tiles/sources/weather/shanghai-hourly-2010-2015.csv', import.meta.url);

describe('differencing a wind speed cumulated by direction run', () => {
  const sample = (hour: number, windCode: string | null, value: number | null) => ({ t: hour * HOUR, windCode, value });

  it('differences inside a run and restarts on a new direction', () => {
    const series = [sample(0, 'SE', 3), sample(1, 'SE', 7), sample(2, 'SE', 10), sample(3, 'cv', 1), sample(4, 'cv', 1), sample(5, 'NE', 4)];
    expect(differenceDirectionRuns(series)).toEqual({ values: [3, 4, 3, 1, 0, 4], runStarts: 3, restarts: 0, gaps: 0 });
  });

  it('restarts after a missing value', () => {
    const series = [sample(0, 'NE', 15), sample(1, 'NE', 22), sample(2, null, null), sample(3, 'NE', 5), sample(4, 'NE', 9)];
    expect(differenceDirectionRuns(series)).toEqual({ values: [15, 7, null, 5, 4], runStarts: 2, restarts: 0, gaps: 0 });
  });

  it('takes the first row of a file as the start of a run', () => {
    expect(differenceDirectionRuns([sample(0, 'SW', 128.73), sample(1, 'SW', 131.2)]).values).toEqual([128.73, 2.47]);
  });

  it('gives no speed for the row after one missing hour, then differences against its sum again', () => {
    // 10h is not in the file; the run went on adding up through it.
    const series = [sample(8, 'SE', 120.5), sample(9, 'SE', 124.1), sample(11, 'SE', 128.73), sample(12, 'SE', 131.9)];
    expect(differenceDirectionRuns(series)).toEqual({ values: [120.5, 3.6, null, 3.17], runStarts: 1, restarts: 0, gaps: 1 });
  });

  it('gives no speed for the row after several missing hours, whether the sum rose or fell', () => {
    const rose = [sample(0, 'NW', 40), sample(5, 'NW', 61.3), sample(6, 'NW', 64)];
    expect(differenceDirectionRuns(rose).values).toEqual([40, null, 2.7]);
    // Fell: the run started again somewhere in the missing hours, which may be more than one hour's worth.
    const fell = [sample(0, 'NW', 40), sample(4, 'NW', 9), sample(5, 'NW', 12)];
    expect(differenceDirectionRuns(fell)).toEqual({ values: [40, null, 3], runStarts: 1, restarts: 0, gaps: 1 });
  });

  it('gives no speed across a gap over midnight with a change of direction, and restarts right after it', () => {
    // 22h NE 30.2, 23h–01h missing, 02h SE 17 (a run begun at some hour in the gap), 03h SE 19, 04h cv 0.89.
    const series = [sample(21, 'NE', 27), sample(22, 'NE', 30.2), sample(26, 'SE', 17), sample(27, 'SE', 19), sample(28, 'cv', 0.89), sample(29, 'cv', 1.78)];
    expect(differenceDirectionRuns(series)).toEqual({ values: [27, 3.2, null, 2, 0.89, 0.89], runStarts: 2, restarts: 0, gaps: 1 });
  });

  it('never passes a running total off as a speed across a gap', () => {
    // A 48-hour run with every third hour missing: every known speed is one hour's increase.
    const series = Array.from({ length: 48 }, (_, h) => sample(h, 'NE', 2.5 * (h + 1))).filter((_, h) => h % 3 !== 2);
    const { values } = differenceDirectionRuns(series);
    expect(values.filter((v) => v !== null).every((v) => v === 2.5 || v === values[0])).toBe(true);
    expect(values.filter((v) => v === null)).toHaveLength(15);
  });

  it('takes a fall inside a run as a restarted count, never a negative speed', () => {
    const result = differenceDirectionRuns([sample(0, 'SW', 30), sample(1, 'SW', 2)]);
    expect(result.values).toEqual([30, 2]);
    expect(result.restarts).toBe(1);
  });

  it('removes float noise from 2-decimal sums', () => {
    expect(differenceDirectionRuns([sample(0, 'SW', 16.57), sample(1, 'SW', 18.63)]).values).toEqual([16.57, 2.06]);
  });
});

describe('differencing a running total', () => {
  const at = (hour: number, value: number | null) => ({ t: hour * HOUR, value });

  it('takes the increase, and the value itself on the first row, after a missing value or a restart', () => {
    expect(differenceRunningTotal([at(0, 0.4), at(1, 1.6), at(2, 0), at(3, 0.7), at(4, null), at(5, 1.2), at(6, 2)])).toEqual([0.4, 1.2, 0, 0.7, null, 1.2, 0.8]);
  });

  it('gives no amount for the row after missing hours, then differences against it again', () => {
    expect(differenceRunningTotal([at(0, 3.1), at(1, 5.4), at(3, 9.9), at(4, 10.3), at(9, 0.2), at(10, 0.6)])).toEqual([3.1, 2.3, null, 0.4, null, 0.4]);
  });
});

describe('the bundled Shanghai file (real data)', async () => {
  const mapping = await readMapping(DEFAULT_MAPPING_PATH);
  const { rows } = readHourlyRows(await readFile(REAL_FILE, 'utf8'), mapping);
  const { values, restarts } = differenceDirectionRuns(rows.map((r) => ({ t: r.t, windCode: r.windCode, value: r.windSpeedRaw })));
  // Row "No = n" is on line n + 1 (line 1 is the header).
  const speedOf = (no: number): number | null => values[rows.findIndex((r: HourlyRow) => r.line === no + 1)]!;

  it('has every hour of 2010–2015', () => {
    expect(rows).toHaveLength(52_584);
    expect(rows.every((r, i) => i === 0 || r.t - rows[i - 1]!.t === HOUR)).toBe(true);
  });

  it('matches hand-differenced rows', () => {
    // 2010-01-01 00h–03h: cv 1, SE 2, SE 4, SE 5 → 1, 2 (new run), 2, 1.
    expect([1, 2, 3, 4].map(speedOf)).toEqual([1, 2, 2, 1]);
    // 2012-04-13 07h/08h: NE 14 → NE 19 = 5 m/s; 16h NE 38 then 17h cv 1: the direction change restarts the run.
    expect(speedOf(20001)).toBe(5);
    expect(speedOf(20010)).toBe(1);
    expect(speedOf(20011)).toBe(2);
    // 2010-02-19 10h/11h/12h: SW 16.57 → SW 18.63 = 2.06; then NW 2.57 starts a run.
    expect(speedOf(1188)).toBe(2.06);
    expect(speedOf(1189)).toBe(2.57);
    // 2011-04-01: SE 171, NA, SE 4, SE 8 — the source restarts its sum after a missing row.
    expect(speedOf(10925)).toBeNull();
    expect(speedOf(10926)).toBe(4);
    expect(speedOf(10927)).toBe(4);
  });

  it('gives non-negative hourly speeds, null only where the source is NA, and never needs a restart', () => {
    const known = values.filter((v): v is number => v !== null);
    expect(known.every((v) => v >= 0)).toBe(true);
    expect(values.length - known.length).toBe(12);
    expect(restarts).toBe(0);
    // Hourly speeds stay physical (the cumulative column reaches 1 110).
    expect(Math.max(...known)).toBeLessThanOrEqual(20);
  });

  it('restarts every run at a change of direction', () => {
    for (let i = 1; i < rows.length; i++) {
      const here = rows[i]!;
      const before = rows[i - 1]!;
      if (here.windCode !== null && before.windCode !== null && here.windCode !== before.windCode) expect(values[i]).toBe(here.windSpeedRaw);
    }
  });
});
