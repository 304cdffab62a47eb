/** The one interface every source of city events implements: a recording replayed, or live input. */
import type { FeedEvent, WorldState } from '../../src/protocol/feed.js';

/** A source of feed events in sim time. */
export interface FeedSource {
  readonly kind: 'replay' | 'live';
  /** Sim time the source covers, or null when it has no end (live). */
  span(): { startMs: number; endMs: number } | null;
  /** The world at sim time t. */
  stateAt(t: number): Promise<WorldState>;
  /** Events with t0 < t ≤ t1, in order. */
  eventsBetween(t0: number, t1: number): Promise<FeedEvent[]>;
  /** Live sources call back as events arrive; returns the unsubscribe function. */
  onEvents?(listener: (events: FeedEvent[]) => void): () => void;
  close(): Promise<void>;
}
