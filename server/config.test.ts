import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to loopback port 8080, the Bund, its recordings from their start, and fresh random tokens', () => {
    const config = loadConfig({}, '/srv');
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, defaultCity: 'shanghai-bund', clockStartMs: undefined, clockStartHour: 8, recordings: undefined });
    expect(config.tilesDir).toBe('/srv/tiles');
    expect(config.generatedTokens).toEqual(['OPERATOR_TOKEN', 'PLANNER_TOKEN', 'INGEST_TOKEN']);
    expect(config.tokens.operator).toMatch(/^[\w-]{24}$/);
    expect(loadConfig({}, '/srv').tokens.operator).not.toBe(config.tokens.operator);
  });

  it('reads the feed settings: recordings, tokens, Open311 key, MQTT', () => {
    const config = loadConfig({ RECORDINGS: 'a/demo, b/weather', OPERATOR_TOKEN: 'operator-secret', MQTT_URL: 'mqtt://127.0.0.1:1883', CLOCK_RATE: '-60' }, '/srv');
    expect(config.recordings).toEqual(['/srv/a/demo', '/srv/b/weather']);
    expect(config.tokens.operator).toBe('operator-secret');
    expect(config.generatedTokens).toEqual(['PLANNER_TOKEN', 'INGEST_TOKEN']);
    expect(config.mqtt).toEqual({ url: 'mqtt://127.0.0.1:1883', topic: 'sandtable/shanghai-bund/ingest' });
    expect(config.clockRate).toBe(-60);
    expect(loadConfig({ RECORDINGS: 'none' }).recordings).toEqual([]);
    expect(() => loadConfig({ OPERATOR_TOKEN: 'short' })).toThrow(/OPERATOR_TOKEN/);
    expect(() => loadConfig({ MQTT_URL: 'http://x' })).toThrow(/MQTT_URL/);
    expect(() => loadConfig({ CLOCK_RATE: '-61' })).toThrow(/CLOCK_RATE/);
  });

  it('reads ALLOWED_ORIGINS as exact origins, none by default, and refuses anything that is not one', () => {
    expect(loadConfig({}).allowedOrigins).toEqual([]);
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://hall.example.org, http://127.0.0.1:5173' }).allowedOrigins).toEqual(['https://hall.example.org', 'http://127.0.0.1:5173']);
    for (const bad of ['https://hall.example.org/', 'https://hall.example.org/path', '*', 'hall.example.org', 'ftp://hall.example.org', 'https://a.org,,https://b.org'])
      expect(() => loadConfig({ ALLOWED_ORIGINS: bad }), bad).toThrow(/ALLOWED_ORIGINS: .* is not an origin/);
  });

  it('takes only city ids of the file id pattern', () => {
    expect(() => loadConfig({ CITY: '../etc' })).toThrow(/CITY: a city id is lower-case letters/);
    expect(() => loadConfig({ CITY: 'a'.repeat(65) })).toThrow(/CITY/);
  });

  it('reads HOST, PORT, CITY and the clock start', () => {
    const config = loadConfig({ HOST: '0.0.0.0', PORT: '9000', CITY: 'nanjing', CLOCK_START: '2026-06-01T12:00:00+08:00' });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 9000, defaultCity: 'nanjing' });
    expect(config.clockStartMs).toBe(Date.parse('2026-06-01T04:00:00Z'));
    expect(loadConfig({ CLOCK_START_HOUR: '17' }).clockStartHour).toBe(17);
    expect(() => loadConfig({ CLOCK_START_HOUR: '24' })).toThrow(/CLOCK_START_HOUR/);
  });

  it('rejects a bad port and a city id that could escape the tiles folder', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ CITY: '../etc' })).toThrow(/CITY/);
  });

  it('keeps what must last in DATA_DIR (default ./data, never inside TILES_DIR) or on the server of DATABASE_URL', () => {
    expect(loadConfig({}, '/srv/hall')).toMatchObject({ dataDir: '/srv/hall/data', database: { dataDir: '/srv/hall/data' } });
    expect(loadConfig({ DATABASE_URL: 'postgresql://hall@db.local/sandtable' }, '/srv/hall').database).toEqual({ url: 'postgresql://hall@db.local/sandtable' });
    expect(() => loadConfig({ DATA_DIR: 'tiles/db' }, '/srv/hall')).toThrow(/DATA_DIR: must lie outside TILES_DIR/);
    expect(() => loadConfig({ DATA_DIR: 'tiles' }, '/srv/hall')).toThrow(/DATA_DIR: must lie outside TILES_DIR/);
    expect(loadConfig({ DATA_DIR: 'tiles-data' }, '/srv/hall').dataDir).toBe('/srv/hall/tiles-data');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('reads the live world’s caps, the defaults unless set', () => {
    expect(loadConfig({}).liveLimits).toEqual({ maxEntities: 5000, requests: { max: 500, maxClosed: 100 } });
    expect(loadConfig({ LIVE_MAX_ENTITIES: '20000', LIVE_MAX_REQUESTS: '50', LIVE_MAX_CLOSED_REQUESTS: '80' }).liveLimits).toEqual({ maxEntities: 20000, requests: { max: 50, maxClosed: 50 } });
    expect(() => loadConfig({ LIVE_MAX_ENTITIES: '0' })).toThrow(/LIVE_MAX_ENTITIES/);
    expect(() => loadConfig({ LIVE_MAX_REQUESTS: 'many' })).toThrow(/LIVE_MAX_REQUESTS/);
  });

  it('reads the halls: main by default, each a room name, none twice', () => {
    expect(loadConfig({}).halls).toEqual(['main']);
    expect(loadConfig({}).roomGraceMs).toBe(30_000);
    expect(loadConfig({ HALLS: 'main, ring,east-2', ROOM_GRACE_MS: '5000' })).toMatchObject({ halls: ['main', 'ring', 'east-2'], roomGraceMs: 5000 });
    expect(() => loadConfig({ HALLS: 'Main' })).toThrow(/HALLS.*a room name is/s);
    expect(() => loadConfig({ HALLS: 'main,,ring' })).toThrow(/HALLS/);
    expect(() => loadConfig({ HALLS: 'main,main' })).toThrow(/HALLS: a hall is named twice/);
    expect(() => loadConfig({ HALLS: Array.from({ length: 17 }, (_, i) => `h${i}`).join(',') })).toThrow(/at most 16 halls/);
  });

  it('keeps the what-if recordings in DATA_DIR/scenarios unless SCENARIOS_DIR says, never inside TILES_DIR', () => {
    expect(loadConfig({}, '/srv/hall').scenariosDir).toBe('/srv/hall/data/scenarios');
    expect(loadConfig({ DATA_DIR: '/var/lib/sandtable' }, '/srv/hall').scenariosDir).toBe('/var/lib/sandtable/scenarios');
    expect(loadConfig({ SCENARIOS_DIR: 'runs' }, '/srv/hall').scenariosDir).toBe('/srv/hall/runs');
    expect(() => loadConfig({ SCENARIOS_DIR: 'tiles/recordings/shanghai-bund/scenarios' }, '/srv/hall')).toThrow(/SCENARIOS_DIR: must lie outside TILES_DIR/);
  });
});
