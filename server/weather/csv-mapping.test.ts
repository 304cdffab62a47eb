import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_PATH } from './csv-import.js';
import { mappedColumns, MappingError, parseMapping, readMapping } from './csv-mapping.js';
import { readHourlyRows } from './hourly-rows.js';

const minimal = { station: { id: 'airport', lon: 116.6, lat: 40.1 }, utcOffset: '+08:00', time: { datetime: 'time' }, temperature: 'T' };

describe('the column mapping', () => {
  it('reads the bundled mapping and lists the columns it needs', async () => {
    const mapping = await readMapping(DEFAULT_MAPPING_PATH);
    expect(mapping.windSpeed).toEqual({ column: 'Iws', scale: 1, cumulative: 'direction-run' });
    expect(mapping.windDirection?.codes).toEqual({ NE: 45, SE: 135, SW: 225, NW: 315, cv: null });
    expect(mappedColumns(mapping)).toEqual(['year', 'month', 'day', 'hour', 'TEMP', 'DEWP', 'PRES', 'PM_US Post', 'HUMI', 'cbwd', 'Iws', 'precipitation']);
  });

  it('fills defaults: "NA" as missing, no cumulation, scale 1', () => {
    const mapping = parseMapping({ ...minimal, windSpeed: { column: 'ws' }, precipitation: { column: 'p' } });
    expect(mapping.missing).toEqual(['NA']);
    expect(mapping.windSpeed).toEqual({ column: 'ws', scale: 1, cumulative: 'none' });
  });

  it.each([
    [{ ...minimal, utcOffset: 'UTC+8' }, /utcOffset: utcOffset must look like \+08:00/],
    [{ ...minimal, station: { id: 'Air Port', lon: 0, lat: 0 } }, /station\.id/],
    [{ ...minimal, temperatur: 'T' }, /Unrecognized key/],
    [{ ...minimal, windSpeed: { column: 'ws', cumulative: 'direction-run' } }, /needs a windDirection column/],
    [{ ...minimal, humidity: { column: 'rh', unit: 'permille' } }, /humidity\.unit/],
  ])('rejects %j', (json, message) => {
    expect(() => parseMapping(json)).toThrow(MappingError);
    expect(() => parseMapping(json)).toThrow(message);
  });

  it('reports a file that is missing or not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mapping-'));
    await writeFile(join(dir, 'bad.json'), '{ nope');
    await expect(readMapping(join(dir, 'none.json'))).rejects.toThrow(/cannot read mapping .*ENOENT/);
    await expect(readMapping(join(dir, 'bad.json'))).rejects.toThrow(/is not valid JSON/);
  });

  it('drives another layout: a date-time column, km/h, fractions, degrees and a running rain total', () => {
    const mapping = parseMapping({
      ...minimal,
      utcOffset: '+01:00',
      missing: ['-999'],
      humidity: { column: 'rh', unit: 'fraction' },
      windDirection: { column: 'dir' },
      windSpeed: { column: 'kmh', scale: 1 / 3.6 },
      precipitation: { column: 'rain', cumulative: 'running-total' },
    });
    const { rows, missing } = readHourlyRows('time,T,rh,dir,kmh,rain\n2020-03-01 00:00,4.5,0.9,350,18,0.2\n2020-03-01T01,-999,0.95,10,36,0.9\n', mapping);
    expect(rows[0]).toMatchObject({ t: Date.UTC(2020, 1, 29, 23), temperature: 4.5, relativeHumidity: 0.9, windDirection: 350, windSpeedRaw: 5 });
    expect(rows[1]).toMatchObject({ temperature: null, windDirection: 10, windSpeedRaw: 10, precipitationRaw: 0.9 });
    expect(missing.temperature).toBe(1);
  });

  it('reads compass codes without a code list, and names the line of a direction it cannot read', () => {
    const mapping = parseMapping({ ...minimal, windDirection: { column: 'dir' } });
    const { rows } = readHourlyRows('time,T,dir\n2020-03-01 00,1,WSW\n2020-03-01 01,1,calm\n2020-03-01 02,1,90\n', mapping);
    expect(rows.map((r) => r.windDirection)).toEqual([247.5, null, 90]);
    expect(() => readHourlyRows('time,T,dir\n2020-03-01 00,1,north-ish\n', mapping)).toThrow(/^line 2: wind direction 'north-ish' is neither degrees/);
  });
});
