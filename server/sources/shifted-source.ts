/**
 * A source seen through a time shift: the room at instant t sees the inner source at t + shift.
 * Used to lay any day of the six-year weather series under the day being replayed.
 */
import type { FeedEvent, WorldState } from '../../src/protocol/feed.js';
import type { FeedSource } from './feed-source.js';

/** A source whose time runs `shiftMs` ahead of (or behind) the room's clock; the shift can change. */
export class ShiftedSource implements FeedSource {
  readonly kind = 'replay' as const;

  constructor(
    private readonly inner: FeedSource,
    public shiftMs = 0,
  ) {}

  span(): { startMs: number; endMs: number } | null {
    const span = this.inner.span();
    return span && { startMs: span.startMs - this.shiftMs, endMs: span.endMs - this.shiftMs };
  }

  async stateAt(t: number): Promise<WorldState> {
    const world = await this.inner.stateAt(t + this.shiftMs);
    // Trips and entities keep their own timestamps; only the instant is the room's.
    return { ...world, t };
  }

  async eventsBetween(t0: number, t1: number): Promise<FeedEvent[]> {
    const shift = this.shiftMs;
    if (shift === 0) return this.inner.eventsBetween(t0, t1);
    return (await this.inner.eventsBetween(t0 + shift, t1 + shift)).map((event) => ({ ...event, t: event.t - shift }));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
