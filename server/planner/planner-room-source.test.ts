import { describe, expect, it } from 'vitest';
import type { FeedEvent, WorldState } from '../../src/protocol/feed.js';
import type { FeedSource } from '../sources/feed-source.js';
import { LiveSource } from '../sources/live-source.js';
import { plannerRoomSource } from './planner-room-source.js';

/** A recording stand-in that counts how often it was let go. */
class CountingSource implements FeedSource {
  readonly kind = 'replay' as const;
  closed = 0;
  span(): null {
    return null;
  }
  async stateAt(t: number): Promise<WorldState> {
    return { t, entities: new Map(), trips: new Map() };
  }
  async eventsBetween(): Promise<FeedEvent[]> {
    return [];
  }
  async close(): Promise<void> {
    this.closed++;
  }
}

const window = { startMs: 0, endMs: 3_600_000 };

describe("a room's traffic view", () => {
  it('lets go of the recording it replaces, and of the one in force when the room closes', async () => {
    const room = plannerRoomSource([new CountingSource()], 0, new LiveSource());
    const first = new CountingSource();
    const second = new CountingSource();
    room.planner.setTrafficView({ scenarioId: 'a', window, recording: first });
    room.planner.setTrafficView({ scenarioId: 'a', window, recording: first });
    expect(first.closed).toBe(0);
    room.planner.setTrafficView({ scenarioId: 'b', window, recording: second });
    expect(first.closed).toBe(1);
    room.planner.setTrafficView(null);
    expect(second.closed).toBe(1);
    const third = new CountingSource();
    room.planner.setTrafficView({ scenarioId: 'c', window, recording: third });
    await room.planner.close();
    expect(third.closed).toBe(1);
    expect(room.planner.state().trafficView).toBeNull();
  });
});
