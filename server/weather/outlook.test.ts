import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WeatherObserved } from '../../src/protocol/entities.js';
import { emptyWorld, type FeedEvent, type WorldState } from '../../src/protocol/feed.js';
import { outlookQuerySchema, outlookReplySchema, routeQuerySchema } from '../../src/protocol/guide.js';
import { effectiveWeather } from '../../src/weather/effective-weather.js';
import { plannerRoomSource } from '../planner/planner-room-source.js';
import type { FeedSource } from '../sources/feed-source.js';
import { LiveSource } from '../sources/live-source.js';
import { ReplaySource } from '../sources/replay-source.js';
import { weatherOutlook } from './outlook.js';
import { WeatherDaySource } from './weather-day-source.js';

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
    // What the page validates on arrival (src/ui/use-weather-outlook.ts) is what the server sends.
    expect(outlookReplySchema.safeParse({ ok: true, room: 'main', t: T0, hours }).success).toBe(true);
    expect(outlookReplySchema.safeParse({ ok: true, room: 'main', t: T0, hours: [{ ...hours[0], temperature: 'warm' }] }).success).toBe(false);
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

describe('the outlook of a room, on the committed weather recording', () => {
  const recordingDir = path.join(import.meta.dirname, '..', '..', 'tiles', 'recordings', 'shanghai-bund', 'weather');
  const DEMO_DAY = Date.parse('2014-06-12T00:00:00+08:00');
  const AT = Date.parse('2014-06-12T15:00:00+08:00');
  let series: ReplaySource;

  beforeAll(async () => {
    series = await ReplaySource.open(recordingDir);
  });

  /** A room as the city feed builds one: the series under the demo day, live stations, the planner's override. */
  function room() {
    const live = new LiveSource({ now: () => AT });
    const day = new WeatherDaySource(series, DEMO_DAY, 'Asia/Shanghai');
    const built = plannerRoomSource([day], -1, live, [121.49, 31.24], 0);
    return { ...built, day, live };
  }
  /** The series' own temperatures at local hours of a date. */
  const recorded = async (date: string, hours: number[]) =>
    Promise.all(hours.map(async (h) => effectiveWeather(observations((await series.stateAt(Date.parse(`${date}T${String(h).padStart(2, '0')}:00:00+08:00`))).entities.values()))!.temperature));
  /** What "now" and the scene read: the room's whole world at t. */
  const now = async (source: FeedSource, t: number) => effectiveWeather(observations((await source.stateAt(t)).entities.values()));
  const observations = (entities: Iterable<{ type: string }>) => [...entities].filter((e): e is WeatherObserved => e.type === 'WeatherObserved');

  it('follows the weather day: the heat day’s hours, and now as the room shows it', async () => {
    const { source, weather, day } = room();
    expect(await recorded('2014-06-12', [15, 16, 17])).toEqual([29, 28, 27]);
    expect(day.setDay('2013-08-07')).toBeNull();
    const hours = await weatherOutlook(weather, AT, 6);
    expect(hours.map((h) => h.temperature)).toEqual(await recorded('2013-08-07', [15, 16, 17, 18, 19, 20, 21]));
    expect(hours.map((h) => h.temperature)).toEqual([41, 39, 38, 37, 36, 35, 34]);
    expect((await now(source, AT))!.temperature).toBe(hours[0]!.temperature);
    expect((await now(source, AT))!.provenance).toBe('weather-day');
    expect(day.setDay('2019-01-01')).toMatch(/^the weather series covers 2010-01-01 to 2015-12-31$/);
    expect(day.setDay(null)).toBeNull();
    expect((await weatherOutlook(weather, AT, 2)).map((h) => h.temperature)).toEqual([29, 28, 27]);
  });

  it('follows the planner’s override inside its window, over the weather day, and the day again after it', async () => {
    const { source, weather, day, planner } = room();
    day.setDay('2013-08-07');
    planner.setWeatherOverride({ preset: 'typhoon', startMs: AT + HOUR, endMs: AT + 3 * HOUR });
    const hours = await weatherOutlook(weather, AT, 4);
    expect(hours.map((h) => h.temperature)).toEqual([41, 25, 25, 37, 36]);
    expect(hours.map((h) => h.precipitation)).toEqual([0, 40, 40, 0, 0]);
    expect(hours[1]!.windSpeed).toBe(25);
    const inside = await now(source, AT + 90 * 60_000);
    expect([inside!.temperature, inside!.precipitation, inside!.provenance]).toEqual([25, 40, 'override']);
    planner.setWeatherOverride(null);
    expect((await weatherOutlook(weather, AT, 2)).map((h) => h.temperature)).toEqual([41, 39, 38]);
  });

  it('takes a live station’s post for now while it is fresher than the recording, never over the weather day', async () => {
    const { source, weather, day, live } = room();
    live.ingest([{ id: 'urn:ngsi-ld:WeatherObserved:shanghai-bund:roof', type: 'WeatherObserved', dateObserved: '2014-06-12T15:10:00+08:00', temperature: 31.5, provenance: 'override' }]);
    const hours = await weatherOutlook(weather, AT + 20 * 60_000, 2);
    // Now is the roof's post (stamped live whatever it claimed); the next hours are the recording's, which are newer.
    expect(hours.map((h) => h.temperature)).toEqual([31.5, 28, 27]);
    expect((await now(source, AT + 20 * 60_000))!.provenance).toBe('live');
    day.setDay('2013-08-07');
    expect((await weatherOutlook(weather, AT + 20 * 60_000, 1)).map((h) => h.temperature)).toEqual([41, 39]);
    expect((await now(source, AT + 20 * 60_000))!.temperature).toBe(41);
  });
});
