/**
 * A FeedSource fed from outside (HTTP ingest, MQTT): events are stamped with the time they arrive,
 * kept in a bounded history, and pushed to listeners at once.
 */
import type { Entity } from '../../src/protocol/entities.js';
import { advanceWorld, cloneWorld, emptyWorld, type FeedEvent, type WorldState } from '../../src/protocol/feed.js';
import type { FeedSource } from './feed-source.js';

/** A station's weather is stamped live whatever the post said, so no post can pass for a planner's override (src/weather/effective-weather.ts). */
function stampLive(event: FeedEvent): FeedEvent {
  return event.op === 'upsert' && event.entity.type === 'WeatherObserved' ? { ...event, entity: { ...event.entity, provenance: 'live' } } : event;
}

/** Options of a live source. */
export interface LiveSourceOptions {
  /** How many recent events to keep for late joiners' deltas (the world itself is always whole). */
  historyLimit?: number;
  now?: () => number;
}

/** Live input in the feed's schema. */
export class LiveSource implements FeedSource {
  readonly kind = 'live' as const;
  private readonly world: WorldState;
  private readonly history: FeedEvent[] = [];
  private readonly listeners = new Set<(events: FeedEvent[]) => void>();
  private readonly historyLimit: number;
  private readonly now: () => number;

  constructor(options: LiveSourceOptions = {}) {
    this.historyLimit = options.historyLimit ?? 10_000;
    this.now = options.now ?? Date.now;
    this.world = emptyWorld(this.now());
  }

  /** Accepts validated entities (upserts) or events; returns how many were taken. */
  ingest(items: (Entity | FeedEvent)[]): number {
    const t = Math.max(this.now(), this.world.t);
    const events = items.map((item): FeedEvent => stampLive('op' in item ? { ...item, t } : { op: 'upsert', t, entity: item }));
    advanceWorld(this.world, events, t);
    this.history.push(...events);
    // Bounded: the oldest events go once the limit is passed.
    if (this.history.length > this.historyLimit) this.history.splice(0, this.history.length - this.historyLimit);
    for (const listener of this.listeners) listener(events);
    return events.length;
  }

  /** Puts back what was kept (the database's live state, at start): into the world as it is, without events or history. */
  restore(entities: readonly Entity[]): void {
    for (const entity of entities) {
      const event = stampLive({ op: 'upsert', t: this.world.t, entity });
      if (event.op === 'upsert') this.world.entities.set(entity.id, event.entity);
    }
  }

  span(): null {
    return null;
  }

  async stateAt(t: number): Promise<WorldState> {
    // Live has only the present: the latest state, with trips that have ended by t dropped.
    return advanceWorld(cloneWorld(this.world), [], Math.max(t, this.world.t));
  }

  async eventsBetween(t0: number, t1: number): Promise<FeedEvent[]> {
    return this.history.filter((e) => e.t > t0 && e.t <= t1);
  }

  onEvents(listener: (events: FeedEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
