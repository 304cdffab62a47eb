/**
 * Several recordings replayed together (the city's day and its weather, say) with live input on
 * top: a live entity outranks a recorded one of the same id, and live events reach rooms at once.
 */
import { advanceWorld, type FeedEvent, type WorldState } from '../../src/protocol/feed.js';
import type { FeedSource } from './feed-source.js';
import type { LiveSource } from './live-source.js';

/** Replays merged in order (the first sets the span), with a live layer over them. */
export class LayeredSource implements FeedSource {
  readonly kind: 'replay' | 'live';

  constructor(
    private readonly replays: FeedSource[],
    private readonly live: LiveSource,
  ) {
    this.kind = replays.length > 0 ? 'replay' : 'live';
  }

  span(): { startMs: number; endMs: number } | null {
    return this.replays[0]?.span() ?? null;
  }

  async stateAt(t: number): Promise<WorldState> {
    const layers = await Promise.all([...this.replays.map((r) => r.stateAt(t)), this.live.stateAt(t)]);
    const world: WorldState = { t, entities: new Map(), trips: new Map() };
    for (const layer of layers) {
      for (const [id, entity] of layer.entities) world.entities.set(id, entity);
      for (const [id, trip] of layer.trips) world.trips.set(id, trip);
    }
    return advanceWorld(world, [], t);
  }

  async eventsBetween(t0: number, t1: number): Promise<FeedEvent[]> {
    const lists = await Promise.all(this.replays.map((r) => r.eventsBetween(t0, t1)));
    if (lists.length === 1) return lists[0]!;
    return lists
      .flatMap((events, layer) => events.map((event, order) => ({ event, layer, order })))
      .sort((a, b) => a.event.t - b.event.t || a.layer - b.layer || a.order - b.order)
      .map((x) => x.event);
  }

  onEvents(listener: (events: FeedEvent[]) => void): () => void {
    return this.live.onEvents(listener);
  }

  async close(): Promise<void> {
    await Promise.all([...this.replays.map((r) => r.close()), this.live.close()]);
  }
}
