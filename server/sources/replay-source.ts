/** A FeedSource that replays a recording; the room's clock decides the instant, rate and direction. */
import type { FeedEvent, WorldState } from '../../src/protocol/feed.js';
import { Recording } from '../recording/recording-reader.js';
import type { FeedSource } from './feed-source.js';

/** Options of a replay. */
export interface ReplayOptions {
  /** Start again from the beginning at the end (the wall runs all day). */
  loop: boolean;
}

/** Replays a recording folder. */
export class ReplaySource implements FeedSource {
  readonly kind = 'replay' as const;

  private constructor(
    readonly recording: Recording,
    readonly options: ReplayOptions,
  ) {}

  /** Opens the recording in `dir`. */
  static async open(dir: string, options: ReplayOptions = { loop: true }): Promise<ReplaySource> {
    return new ReplaySource(await Recording.open(dir), options);
  }

  span(): { startMs: number; endMs: number } {
    return { startMs: this.recording.startMs, endMs: this.recording.endMs };
  }

  stateAt(t: number): Promise<WorldState> {
    return this.recording.stateAt(t);
  }

  eventsBetween(t0: number, t1: number): Promise<FeedEvent[]> {
    return this.recording.eventsBetween(t0, t1);
  }

  close(): Promise<void> {
    return this.recording.close();
  }
}
