import { describe, expect, it } from 'vitest';
import { weatherObservedSchema, type WeatherObserved } from '../../src/protocol/entities.js';
import { advanceWorld, cloneWorld, emptyWorld, type FeedEvent, type WorldState } from '../../src/protocol/feed.js';
import { WEATHER_PRESET_NAMES } from '../../src/protocol/planner-wire.js';
import { weatherEffects } from '../../src/weather/weather-effects.js';
import type { FeedSource } from '../sources/feed-source.js';
import { isWeatherId, OVERRIDE_WEATHER_ID, presetObservation, PresetWeatherSource, WEATHER_PRESETS, WEATHER_SPEED_FACTORS } from './weather-presets.js';
import { WindowOverrideSource } from './window-override-source.js';

class ListSource implements FeedSource {
  readonly kind = 'replay' as const;
  constructor(private readonly events: FeedEvent[]) {}
  span() {
    return { startMs: 0, endMs: 10 * 3_600_000 };
  }
  async stateAt(t: number): Promise<WorldState> {
    return advanceWorld(
      emptyWorld(t),
      this.events.filter((e) => e.t <= t),
      t,
    );
  }
  async eventsBetween(t0: number, t1: number): Promise<FeedEvent[]> {
    return this.events.filter((e) => e.t > t0 && e.t <= t1);
  }
  async close() {}
}

const HOUR = 3_600_000;
const STATION = 'urn:ngsi-ld:WeatherObserved:x:station';
const hourly: FeedEvent[] = Array.from({ length: 10 }, (_, h) => ({
  op: 'upsert' as const,
  t: h * HOUR,
  entity: {
    id: STATION,
    type: 'WeatherObserved' as const,
    dateObserved: new Date(h * HOUR).toISOString(),
    location: { type: 'Point' as const, coordinates: [121.49, 31.24] as [number, number] },
    temperature: 24 + h,
    relativeHumidity: 0.7,
    windSpeed: 3,
    precipitation: 0,
  },
}));
const lot: FeedEvent = { op: 'upsert', t: 0, entity: { id: 'urn:ngsi-ld:OffStreetParking:x:1', type: 'OffStreetParking', totalSpotNumber: 10, availableSpotNumber: 4 } };

function overridden(events: FeedEvent[], startMs = 3 * HOUR, endMs = 6 * HOUR): WindowOverrideSource {
  const inner = new ListSource([lot, ...events]);
  const source = new WindowOverrideSource(inner, { replaces: isWeatherId, trips: false });
  source.setOverride({ source: new PresetWeatherSource(inner, 'typhoon', startMs), startMs, endMs });
  return source;
}
const station = (world: WorldState, id = STATION) => world.entities.get(id) as WeatherObserved | undefined;

describe('weather presets', () => {
  it('are valid WeatherObserved entities with the documented values', () => {
    for (const preset of WEATHER_PRESET_NAMES) expect(weatherObservedSchema.safeParse(presetObservation(preset, 0)).success, preset).toBe(true);
    expect(WEATHER_PRESETS.typhoon).toMatchObject({ precipitation: 40, windSpeed: 25 });
    expect(WEATHER_PRESETS['heat-wave'].temperature).toBe(39);
    expect(WEATHER_PRESETS['cold-snap'].temperature).toBe(-4);
  });

  it('drive the scene: a typhoon rains hard, a cold snap is below freezing', () => {
    expect(weatherEffects(WEATHER_PRESETS.typhoon).rain).toBeGreaterThan(0.8);
    expect(weatherEffects(WEATHER_PRESETS['heat-wave']).rain).toBe(0);
  });

  it('slow traffic by documented factors within what a scenario allows', () => {
    expect(WEATHER_SPEED_FACTORS.typhoon).toBeGreaterThanOrEqual(0.8);
    expect(WEATHER_SPEED_FACTORS.typhoon).toBeLessThanOrEqual(0.9);
    for (const factor of Object.values(WEATHER_SPEED_FACTORS)) expect(factor).toBeGreaterThanOrEqual(0.2);
  });
});

describe('the weather override', () => {
  it('replaces the station only inside the window, keeping its id and place', async () => {
    const source = overridden(hourly);
    expect(station(await source.stateAt(3 * HOUR - 1))).toMatchObject({ temperature: 26, precipitation: 0 });
    expect(station(await source.stateAt(3 * HOUR))).toMatchObject({ temperature: 25, precipitation: 40, windSpeed: 25, location: { coordinates: [121.49, 31.24] } });
    expect(station(await source.stateAt(6 * HOUR - 1))).toMatchObject({ precipitation: 40 });
    expect(station(await source.stateAt(6 * HOUR))).toMatchObject({ temperature: 30, precipitation: 0 });
  });

  it('leaves every other entity alone', async () => {
    const inside = await overridden(hourly).stateAt(4 * HOUR);
    expect(inside.entities.get('urn:ngsi-ld:OffStreetParking:x:1')).toMatchObject({ availableSpotNumber: 4 });
  });

  it('replays into and out of the window to the state it reports', async () => {
    const source = overridden(hourly);
    for (const [t0, t1] of [
      [0, 4 * HOUR],
      [4 * HOUR, 7 * HOUR],
      [2 * HOUR, 8 * HOUR],
      [3 * HOUR, 6 * HOUR],
    ] as const) {
      const replayed = advanceWorld(cloneWorld(await source.stateAt(t0)), await source.eventsBetween(t0, t1), t1);
      expect(Object.fromEntries(replayed.entities), `${t0} → ${t1}`).toEqual(Object.fromEntries((await source.stateAt(t1)).entities));
    }
    // The station's own hourly readings do not break through inside the window.
    const inside = await source.eventsBetween(3 * HOUR, 6 * HOUR - 1);
    expect(inside.filter((e) => e.op === 'upsert' && e.entity.type === 'WeatherObserved')).toEqual([]);
  });

  it('adds an observation of its own where the room has no weather, and takes it away after', async () => {
    const source = overridden([]);
    expect(station(await source.stateAt(4 * HOUR), OVERRIDE_WEATHER_ID)).toMatchObject({ precipitation: 40 });
    expect(station(await source.stateAt(7 * HOUR), OVERRIDE_WEATHER_ID)).toBeUndefined();
    const out = await source.eventsBetween(5 * HOUR, 7 * HOUR);
    expect(out).toContainEqual({ op: 'remove', t: 6 * HOUR, id: OVERRIDE_WEATHER_ID });
  });
});
