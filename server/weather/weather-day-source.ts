/**
 * A room's weather series: the recording as replayed, or — once a weather day is set — the same
 * series shifted so that day's hours lie under the replayed day, each of its observations stamped
 * `weather-day` so that src/weather/effective-weather.ts ranks it above a live station.
 */
import { localDate, localMidnight } from '../../src/city/time-zone.js';
import type { Entity } from '../../src/protocol/entities.js';
import type { FeedEvent, WorldState } from '../../src/protocol/feed.js';
import type { FeedSource } from '../sources/feed-source.js';
import { ShiftedSource } from '../sources/shifted-source.js';

const stamp = (entity: Entity): Entity => (entity.type === 'WeatherObserved' ? { ...entity, provenance: 'weather-day' } : entity);

/** The weather recording under a room's day, with the weather day the room is set to. */
export class WeatherDaySource implements FeedSource {
  readonly kind = 'replay' as const;
  private readonly shifted: ShiftedSource;
  private date: string | null = null;

  constructor(
    private readonly series: FeedSource,
    /** Local midnight of the replayed day: a weather day's midnight is laid on it. */
    private readonly replayedDayMs: number,
    private readonly timeZone: string,
  ) {
    this.shifted = new ShiftedSource(series);
  }

  /** The weather day in force (local YYYY-MM-DD), or null for the replayed day's own weather. */
  get day(): string | null {
    return this.date;
  }

  /** Lays the series' `date` under the replayed day (null: its own weather again); an error text when the series has no such day. */
  setDay(date: string | null): string | null {
    if (date === null) {
      this.shifted.shiftMs = 0;
      this.date = null;
      return null;
    }
    const target = localMidnight(date, this.timeZone);
    const span = this.series.span();
    if (!span) return 'the weather series has no span';
    if (target < span.startMs || target >= span.endMs) {
      return `the weather series covers ${localDate(span.startMs, this.timeZone)} to ${localDate(span.endMs - 1, this.timeZone)}`;
    }
    this.shifted.shiftMs = target - localMidnight(localDate(this.replayedDayMs, this.timeZone), this.timeZone);
    this.date = date;
    return null;
  }

  span(): { startMs: number; endMs: number } | null {
    return this.shifted.span();
  }

  async stateAt(t: number): Promise<WorldState> {
    const world = await this.shifted.stateAt(t);
    if (this.date === null) return world;
    return { ...world, entities: new Map([...world.entities].map(([id, entity]) => [id, stamp(entity)])) };
  }

  async eventsBetween(t0: number, t1: number): Promise<FeedEvent[]> {
    const events = await this.shifted.eventsBetween(t0, t1);
    return this.date === null ? events : events.map((event) => (event.op === 'upsert' ? { ...event, entity: stamp(event.entity) } : event));
  }

  close(): Promise<void> {
    return this.shifted.close();
  }
}
