import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WeatherObserved } from '../../src/protocol/entities.js';
import { namedDaysFileSchema } from '../../src/weather/named-days-file.js';
import { Recording } from '../recording/recording-reader.js';
import { DAY_MS, DEFAULT_MAPPING_PATH, importWeatherCsv } from './csv-import.js';
import { readMapping, type CsvMapping } from './csv-mapping.js';
import { CsvError } from './csv-records.js';
import { summaryLine } from './cli.js';

const FIXTURE = new URL('./fixtures/small-hourly.csv', import.meta.url).pathname;
const HEADER = 'No,year,month,day,hour,season,PM_US Post,DEWP,HUMI,PRES,TEMP,cbwd,Iws,precipitation,Iprec';
const ID = 'urn:ngsi-ld:WeatherObserved:test-city:us-post';
/** Epoch ms of a local (UTC+8) hour. */
const local = (y: number, m: number, d: number, h: number): number => Date.UTC(y, m - 1, d, h) - 8 * 3_600_000;

let mapping: CsvMapping;
beforeAll(async () => {
  mapping = await readMapping(DEFAULT_MAPPING_PATH);
});

async function workspace(): Promise<{ root: string; out: string; csv: (name: string, text: string) => Promise<string> }> {
  const root = await mkdtemp(join(tmpdir(), 'weather-'));
  return {
    root,
    out: join(root, 'recordings', 'test-city', 'weather'),
    csv: async (name, text) => {
      const path = join(root, name);
      await writeFile(path, text);
      return path;
    },
  };
}

async function weatherAt(dir: string, t: number): Promise<WeatherObserved> {
  const world = await (await Recording.open(dir)).stateAt(t);
  const entity = world.entities.get(ID);
  if (entity?.type !== 'WeatherObserved') throw new Error('no weather entity');
  return entity;
}

describe('importing a small CSV', () => {
  it('writes one upsert per hour, in one-day chunks from local midnight, readable with stateAt', async () => {
    const { out } = await workspace();
    const summary = await importWeatherCsv({ csvPath: FIXTURE, city: 'test-city', mapping, outDir: out });
    expect(summary).toMatchObject({ rows: 30, hours: 30, chunks: 3, first: '2012-06-30T20:00:00+08:00', last: '2012-07-02T01:00:00+08:00' });
    expect(summary.missing).toMatchObject({ temperature: 1, windSpeed: 1, windDirection: 1, precipitation: 1, pm25: 2 });

    const recording = await Recording.open(out);
    expect(recording.index.chunkMs).toBe(DAY_MS);
    expect(recording.index.originMs).toBe(local(2012, 6, 30, 0));
    expect(recording.index.chunks.map((c) => c.events)).toEqual([4, 24, 2]);

    // 2012-07-01 03h: NE 4 → NE 9 is 5 m/s; rh 83.48 % → 0.8348; the entity is placed at the station.
    const at3 = await weatherAt(out, local(2012, 7, 1, 3) + 30 * 60_000);
    expect(at3).toMatchObject({
      dateObserved: '2012-07-01T03:00:00+08:00',
      temperature: 25,
      dewPoint: 22,
      relativeHumidity: 0.8348,
      windSpeed: 5,
      windDirection: 45,
      precipitation: 0,
      pm25: 65,
      atmosphericPressure: 1005,
    });
    expect(at3.location?.coordinates).toEqual([121.445, 31.211]);
    // cv is calm/variable: a speed (1 − 1 = 0) but no direction; the rain of that hour is kept.
    expect(await weatherAt(out, local(2012, 7, 1, 0))).toMatchObject({ windSpeed: 0, windDirection: null, precipitation: 3.1 });
    // The missing row is written with nulls, and the row after it starts a new run (NE 5 → 5 m/s).
    expect(await weatherAt(out, local(2012, 7, 1, 6))).toMatchObject({ temperature: null, windSpeed: null, windDirection: null, precipitation: null });
    expect(await weatherAt(out, local(2012, 7, 1, 7))).toMatchObject({ windSpeed: 5, windDirection: 45 });

    const days = namedDaysFileSchema.parse(JSON.parse(await readFile(join(out, 'days.json'), 'utf8')));
    expect(days.city).toBe('test-city');
  });

  it('replaces a previous recording whole', async () => {
    const { out } = await workspace();
    await importWeatherCsv({ csvPath: FIXTURE, city: 'test-city', mapping, outDir: out });
    await importWeatherCsv({ csvPath: FIXTURE, city: 'test-city', mapping, outDir: out });
    expect((await readdir(join(out, '..'))).sort()).toEqual(['weather']);
    expect((await Recording.open(out)).index.chunks).toHaveLength(3);
  });
});

describe('importing a cumulated wind series with missing hours', () => {
  /** A row of the UCI layout at a local hour with a direction code and a cumulated speed. */
  const row = (no: number, day: number, hour: number, code: string, iws: number): string => `${no},2012,7,${day},${hour},2,80,22,70,1005,27,${code},${iws},0,0`;

  it('imports, leaves the hour after each gap unknown and differences on from there', async () => {
    const { out, csv } = await workspace();
    // 1st 17h–19h SE, 20h missing (the run adds up through it), 21h–22h SE, 23h–2nd 01h missing, 02h–03h NE.
    const rows = [row(1, 1, 17, 'SE', 4.5), row(2, 1, 18, 'SE', 9), row(3, 1, 19, 'SE', 12.5), row(5, 1, 21, 'SE', 19.3), row(6, 1, 22, 'SE', 22.1), row(9, 2, 2, 'NE', 6.2), row(10, 2, 3, 'NE', 9)];
    const path = await csv('gaps.csv', [HEADER, ...rows, ''].join('\r\n'));
    const summary = await importWeatherCsv({ csvPath: path, city: 'test-city', mapping, outDir: out });
    expect(summary).toMatchObject({ rows: 7, hours: 7, windGaps: 2 });
    expect(summaryLine(summary)).toContain('; 2 wind speeds unknown after missing hours;');
    // Hours counted from 1 July 00h (26 is 2 July 02h).
    const speeds = [];
    for (const hour of [17, 18, 19, 21, 22, 26, 27]) speeds.push((await weatherAt(out, local(2012, 7, 1, hour))).windSpeed);
    expect(speeds).toEqual([4.5, 4.5, 3.5, null, 2.8, null, 2.8]);
  });

  it('is not refused when a long run skips an hour (its running total is no speed)', async () => {
    const { out, csv } = await workspace();
    // A 2-day SE run adding 3.21 m/s an hour; 2012-07-02 15h is missing, so 16h's sum 131.61 follows 14h's.
    const hours = Array.from({ length: 41 }, (_, h) => h).filter((h) => h !== 39);
    const rows = hours.map((h) => row(h + 1, 1 + Math.floor(h / 24), h % 24, 'SE', Math.round(3.21 * (h + 1) * 100) / 100));
    const summary = await importWeatherCsv({ csvPath: await csv('long-run.csv', [HEADER, ...rows, ''].join('\r\n')), city: 'test-city', mapping, outDir: out });
    expect(summary).toMatchObject({ rows: 40, windGaps: 1 });
    expect((await weatherAt(out, local(2012, 7, 2, 14))).windSpeed).toBe(3.21);
    expect((await weatherAt(out, local(2012, 7, 2, 16))).windSpeed).toBeNull();
  });
});

describe('importing a malformed CSV', async () => {
  const good = (await readFile(FIXTURE, 'utf8')).split('\r\n');
  /** The fixture with line n (1-based) replaced. */
  const withLine = (n: number, text: string): string => good.map((line, i) => (i === n - 1 ? text : line)).join('\r\n');

  it.each([
    ['a header without a mapped column', withLine(1, HEADER.replace('TEMP', 'TEMPERATURE')), 1, /no column 'TEMP'/],
    ['a non-numeric temperature', withLine(5, '4,2012,6,30,23,2,45,22,74.19,1005,warm,cv,1,1.2,1.6'), 5, /temperature \(column 'TEMP'\) is not a number: 'warm'/],
    ['a truncated row', withLine(9, '8,2012,7,1,3,2,65,22,83.48,1005'), 9, /expected 15 fields, found 10/],
    ['an unknown wind code', withLine(12, '11,2012,7,1,6,2,80,22,70,1005,27,ESE,3,0,0'), 12, /unknown wind direction code 'ESE'/],
    ['a row out of time order', withLine(12, '11,2012,7,1,1,2,80,22,70,1005,27,NE,3,0,0'), 12, /not after the previous row's \(line 11\)/],
    ['an impossible date', withLine(12, '11,2012,6,31,6,2,80,22,70,1005,27,NE,3,0,0'), 12, /not a valid date and hour: 2012-6-31 6h/],
    ['a humidity over 100 %', withLine(12, '11,2012,7,1,6,2,80,22,170,1005,27,NE,3,0,0'), 12, /humidity 170 is outside 0–100 %/],
    ['a value the schema rejects', withLine(12, '11,2012,7,1,6,2,80,22,70,1005,99,NE,3,0,0'), 12, /temperature/],
  ])('%s: an error naming line %s, and nothing written', async (_name, text, line, message) => {
    const { root, out, csv } = await workspace();
    const path = await csv('bad.csv', text);
    const failure = importWeatherCsv({ csvPath: path, city: 'test-city', mapping, outDir: out });
    await expect(failure).rejects.toBeInstanceOf(CsvError);
    await expect(failure).rejects.toMatchObject({ line, message: expect.stringMatching(new RegExp(`^line ${line}: `)) });
    await expect(failure).rejects.toThrow(message);
    expect(await readdir(root)).toEqual(['bad.csv']);
  });

  it('leaves the previous recording exactly as it was', async () => {
    const { out, csv } = await workspace();
    await importWeatherCsv({ csvPath: FIXTURE, city: 'test-city', mapping, outDir: out });
    const snapshot = async (): Promise<string[]> => {
      const files = ['recording.json', 'days.json', ...(await readdir(join(out, 'chunks'))).map((f) => `chunks/${f}`)];
      return Promise.all(files.map(async (f) => `${f}:${(await readFile(join(out, f))).toString('base64')}`));
    };
    const before = await snapshot();
    const path = await csv('bad.csv', withLine(20, '19,2012,7,1,14,2,120,22,88.62,1005,24,SW'));
    await expect(importWeatherCsv({ csvPath: path, city: 'test-city', mapping, outDir: out })).rejects.toThrow(/^line 20: /);
    expect(await snapshot()).toEqual(before);
    expect(await readdir(join(out, '..'))).toEqual(['weather']);
  });

  it('rejects an empty file and a header with no rows', async () => {
    const { out, csv } = await workspace();
    await expect(importWeatherCsv({ csvPath: await csv('empty.csv', ''), city: 'test-city', mapping, outDir: out })).rejects.toThrow(/line 1: the file is empty/);
    await expect(importWeatherCsv({ csvPath: await csv('header.csv', `${HEADER}\r\n`), city: 'test-city', mapping, outDir: out })).rejects.toThrow(/line 1: the file has a header but no rows/);
  });
});
