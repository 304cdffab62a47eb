import { describe, expect, it } from 'vitest';
import { DEFAULT_START, localHourOf } from './build-traffic.js';
import { parseTrafficArguments, UsageError } from './cli.js';
import { DEFAULT_TRIPS } from './traffic-defaults.js';

describe('npm run traffic arguments', () => {
  it('fills defaults for a plain build', () => {
    expect(parseTrafficArguments(['build', 'shanghai-bund'])).toEqual({
      tilesDir: 'tiles',
      city: 'shanghai-bund',
      start: DEFAULT_START,
      seed: 1,
      trips: DEFAULT_TRIPS,
      outDir: 'tiles/recordings/shanghai-bund/traffic',
    });
  });

  it('takes every option', () => {
    const options = parseTrafficArguments(['build', 'x', '--start', '2014-06-13T00:00:00+08:00', '--seed', '5', '--trips', '100', '--out', '/tmp/r', '--tiles', '/tmp/t', '--work', '/tmp/w']);
    expect(options).toMatchObject({ start: '2014-06-13T00:00:00+08:00', seed: 5, trips: 100, outDir: '/tmp/r', tilesDir: '/tmp/t', workDir: '/tmp/w' });
  });

  it('refuses bad arguments with a clear message', () => {
    const refuse = (argv: string[], message: RegExp): void => {
      expect(() => parseTrafficArguments(argv)).toThrow(UsageError);
      expect(() => parseTrafficArguments(argv)).toThrow(message);
    };
    refuse([], /no command given/);
    refuse(['run', 'x'], /unknown command 'run'/);
    refuse(['build'], /needs a city id/);
    refuse(['build', 'Bad City'], /lower-case/);
    refuse(['build', 'x', '--trips', '0'], /--trips must be a whole number/);
    refuse(['build', 'x', '--trips', '1e3'], /--trips must be a whole number/);
    refuse(['build', 'x', '--start', 'yesterday'], /--start 'yesterday' is not an ISO date-time/);
    refuse(['build', 'x', '--start', '2014-06-12T00:00:00'], /with an offset/);
    refuse(['build', 'x', '--colour', 'red'], /Unknown option/);
  });

  it('reads the local hour from the written offset', () => {
    expect(localHourOf('2014-06-12T00:00:00+08:00')).toBe(0);
    expect(localHourOf('2014-06-12T07:30:00+08:00')).toBe(7);
    expect(localHourOf('2014-06-12T23:00:00Z')).toBe(23);
    expect(localHourOf('2014-06-12T01:00:00-05:00')).toBe(1);
  });
});

describe('npm run traffic -- what-if', () => {
  it('takes a city and a scenario file, with results under what-if/', () => {
    expect(parseTrafficArguments(['what-if', 'shanghai-bund', 'close.json'], {})).toMatchObject({ city: 'shanghai-bund', scenarioFile: 'close.json', outDir: 'data/what-if/shanghai-bund' });
    expect(parseTrafficArguments(['what-if', 'shanghai-bund', 'close.json'], { DATA_DIR: '/var/lib/sandtable' }).outDir).toBe('/var/lib/sandtable/what-if/shanghai-bund');
    expect(() => parseTrafficArguments(['what-if', 'shanghai-bund'])).toThrow(/needs a scenario JSON file/);
    expect(() => parseTrafficArguments(['what-if', 'shanghai-bund', 'a.json', 'b.json'])).toThrow(/unexpected argument 'b.json'/);
  });
});
