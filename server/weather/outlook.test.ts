import { describe, expect, it } from 'vitest';
import type { WeatherObserved } from '../../src/protocol/entities.js';
import { emptyWorld, type FeedEvent, type WorldState } from '../../src/protocol/feed.js';
import { outlookQuerySchema, routeQuerySchema } from '../../src/protocol/guide.js';
import type { FeedSource } from '../sources/feed-source.js';
import { weatherOutlook } from './outlook.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2014-06-12T00:00:00Z');
/** A source whose weather changes every hour: temperature = 20 + hour. */
const hourly: FeedSource = {
  kind: 'replay',
  span: () => ({ startMs: T0, endMs: T0 + 24 * HOUR }),
  async stateAt(t: number): Promise<WorldState> {
    const hour = Math.floor((t - T0) / HOUR);
    const world = emptyWorld(t);
    const weather: WeatherObserved = { id: 'w', type: 'WeatherObserved', dateObserved: new Date(T0 + hour * HOUR).toISOString(), temperature: 20 + hour, precipitation: hour === 2 ? 3 : 0 };
    world.entities.set('w', weather);
    return world;
  },
  eventsBetween: async (): Promise<FeedEvent[]> => [],
  close: async () => {},
} as unknown as FeedSource;

describe('weather outlook', () => {
  it('gives now and the next whole hours from the recording ahead of the clock', async () => {
    const hours = await weatherOutlook(hourly, T0 + 30 * 60_000, 3);
    expect(hours.map((h) => h.t - T0)).toEqual([30 * 60_000, HOUR, 2 * HOUR, 3 * HOUR]);
    expect(hours.map((h) => h.temperature)).toEqual([20, 21, 22, 23]);
    expect(hours[2]!.precipitation).toBe(3);
  });
});

describe('guide query validation', () => {
  it('defaults the outlook to the main room and 6 hours, and bounds the hours', () => {
    expect(outlookQuerySchema.parse({})).toEqual({ room: 'main', hours: 6 });
    expect(outlookQuerySchema.parse({ room: 'hall-2', hours: '12' })).toEqual({ room: 'hall-2', hours: 12 });
    expect(outlookQuerySchema.safeParse({ hours: '0' }).success).toBe(false);
    expect(outlookQuerySchema.safeParse({ hours: '25' }).success).toBe(false);
    expect(outlookQuerySchema.safeParse({ hours: '2.5' }).success).toBe(false);
    expect(outlookQuerySchema.safeParse({ room: 'Main Hall' }).success).toBe(false);
    expect(outlookQuerySchema.safeParse({ hours: '6', extra: '1' }).success).toBe(false);
  });
  it('reads route points as lon,lat and rejects anything else', () => {
    expect(routeQuerySchema.parse({ from: '121.49,31.24', to: '121.5,31.23' })).toEqual({ room: 'main', from: [121.49, 31.24], to: [121.5, 31.23] });
    expect(routeQuerySchema.safeParse({ from: '121.49', to: '121.5,31.23' }).success).toBe(false);
    expect(routeQuerySchema.safeParse({ from: '200,31', to: '121.5,31.23' }).success).toBe(false);
    expect(routeQuerySchema.safeParse({ from: '121,31' }).success).toBe(false);
  });
});
