import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, parseWeatherArguments, UsageError } from './cli.js';

const FIXTURE = new URL('./fixtures/small-hourly.csv', import.meta.url).pathname;

afterEach(() => vi.restoreAllMocks());

describe('weather CLI arguments', () => {
  it('parses an import', () => {
    expect(parseWeatherArguments(['import', 'a.csv', '--city', 'shanghai-bund'])).toEqual({ csvPath: 'a.csv', city: 'shanghai-bund' });
    expect(parseWeatherArguments(['import', 'a.csv', '--city', 'x', '--mapping', 'm.json', '--out', 'o'])).toEqual({ csvPath: 'a.csv', city: 'x', mapping: 'm.json', outDir: 'o' });
  });

  it.each([
    [[], /no command given/],
    [['export', 'a.csv', '--city', 'x'], /unknown command 'export'/],
    [['import', '--city', 'x'], /import needs a CSV file/],
    [['import', 'a.csv'], /--city is required/],
    [['import', 'a.csv', '--city', 'Shanghai Bund'], /must be lower-case/],
    [['import', 'a.csv', '--city', 'x', '--colour', 'red'], /Unknown option '--colour'/],
    [['import', 'a.csv', 'b.csv', '--city', 'x'], /unexpected argument 'b.csv'/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseWeatherArguments(argv)).toThrow(UsageError);
    expect(() => parseWeatherArguments(argv)).toThrow(message);
  });
});

describe('weather CLI', () => {
  it('exits 2 with one error line and the usage for bad arguments', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['import'])).toBe(2);
    expect(String(error.mock.calls[0]![0])).toMatch(/^error: import needs a CSV file\nusage: /);
  });

  it('exits 1 with a one-line error naming the line for a bad file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weather-cli-'));
    await writeFile(join(dir, 'bad.csv'), 'No,year,month,day,hour,season,PM_US Post,DEWP,HUMI,PRES,TEMP,cbwd,Iws,precipitation,Iprec\n1,2010,1,1,0,4,NA,-6,59.48,1026.1,1,XX,1,0,0\n');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['import', join(dir, 'bad.csv'), '--city', 'x', '--out', join(dir, 'out')])).toBe(1);
    expect(error.mock.calls).toHaveLength(1);
    expect(String(error.mock.calls[0]![0])).toMatch(/^error: line 2: unknown wind direction code 'XX'[^\n]*$/);
  });

  it('prints a summary line and the named days', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weather-cli-'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await main(['import', FIXTURE, '--city', 'test-city', '--out', join(dir, 'weather')])).toBe(0);
    expect(String(log.mock.calls[0]![0])).toMatch(
      /^imported 30 rows → 30 hours written \(3 day chunks, [\d.]+ MB\) to .*; 8 missing values \(temperature 1, dewPoint 1, relativeHumidity 1, windDirection 1, windSpeed 1, precipitation 1, pm25 2\); span 2012-06-30T20:00:00\+08:00 … 2012-07-02T01:00:00\+08:00; [\d.]+ s$/,
    );
  });
});
