import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to loopback port 8080 and the Bund', () => {
    const config = loadConfig({}, '/srv', 42);
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, defaultCity: 'shanghai-bund', clockStartMs: 42 });
    expect(config.tilesDir).toBe('/srv/tiles');
  });

  it('reads HOST, PORT, CITY and the clock start', () => {
    const config = loadConfig({ HOST: '0.0.0.0', PORT: '9000', CITY: 'nanjing', CLOCK_START: '2026-06-01T12:00:00+08:00' });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 9000, defaultCity: 'nanjing' });
    expect(config.clockStartMs).toBe(Date.parse('2026-06-01T04:00:00Z'));
  });

  it('rejects a bad port and a city id that could escape the tiles folder', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ CITY: '../etc' })).toThrow(/CITY/);
  });
});
