import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/protocol/entities.js';
import { advanceWorld, cloneWorld, emptyWorld, type FeedEvent, type WorldState } from '../../src/protocol/feed.js';
import type { FeedSource } from '../sources/feed-source.js';
import { isTrafficFlowId } from './planner-room-source.js';
import { WindowOverrideSource } from './window-override-source.js';

/** A recording in memory: the world at t is the events up to t. */
class ListSource implements FeedSource {
  readonly kind = 'replay' as const;
  constructor(private readonly events: FeedEvent[]) {}
  span() {
    return { startMs: 0, endMs: 100_000 };
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

const flow = (edge: number, t: number, speed: number): FeedEvent => ({
  op: 'upsert',
  t,
  entity: { id: `urn:ngsi-ld:TrafficFlowObserved:x:g${edge}`, type: 'TrafficFlowObserved', dateObserved: new Date(t).toISOString(), refRoadSegment: `g${edge}`, averageVehicleSpeed: speed },
});
const lot = (t: number, free: number): FeedEvent => ({
  op: 'upsert',
  t,
  entity: { id: 'urn:ngsi-ld:OffStreetParking:x:1', type: 'OffStreetParking', totalSpotNumber: 100, availableSpotNumber: free },
});
const trip = (id: string, t: number, end: number): FeedEvent => ({ op: 'trip', t, trip: { id, category: 'car', edges: [0], enter: [t], end } });

// Baseline: flows on edges 1 and 2 every 10 s, edge 3 removed at 45 s, a lot, trips. Scenario: other speeds, edge 4 only, its own trips.
const baseEvents: FeedEvent[] = [];
const scenarioEvents: FeedEvent[] = [];
for (let t = 0; t <= 100_000; t += 10_000) {
  baseEvents.push(flow(1, t, 40 + t / 10_000), flow(2, t, 30));
  scenarioEvents.push(flow(1, t, 10 + t / 10_000), flow(4, t, 5));
  baseEvents.push(lot(t + 5_000, 50 - t / 10_000));
  baseEvents.push(trip(`b${t}`, t + 1_000, t + 25_000));
  scenarioEvents.push(trip(`s${t}`, t + 2_000, t + 15_000));
}
baseEvents.push(flow(3, 10_000, 20), { op: 'remove', t: 45_000, id: 'urn:ngsi-ld:TrafficFlowObserved:x:g3' });
const sortByT = (events: FeedEvent[]) => events.sort((a, b) => a.t - b.t);
sortByT(baseEvents);
sortByT(scenarioEvents);

const WINDOW = { startMs: 30_000, endMs: 70_000 };
function make(): WindowOverrideSource {
  const source = new WindowOverrideSource(new ListSource(baseEvents), { replaces: isTrafficFlowId, trips: true });
  source.setOverride({ source: new ListSource(scenarioEvents), ...WINDOW });
  return source;
}
const ids = (world: WorldState) => [...world.entities.keys()].sort();
const speedOf = (world: WorldState, edge: number) => {
  const entity = world.entities.get(`urn:ngsi-ld:TrafficFlowObserved:x:g${edge}`) as (Entity & { averageVehicleSpeed?: number }) | undefined;
  return entity?.averageVehicleSpeed;
};

describe('WindowOverrideSource', () => {
  it('shows the baseline before the window, the override inside it from its first instant, and the baseline again from its end', async () => {
    const source = make();
    const before = await source.stateAt(WINDOW.startMs - 1);
    expect(speedOf(before, 1)).toBe(42);
    expect(speedOf(before, 4)).toBeUndefined();
    const atStart = await source.stateAt(WINDOW.startMs);
    expect(speedOf(atStart, 1)).toBe(13);
    expect(speedOf(atStart, 2)).toBeUndefined();
    expect(speedOf(atStart, 4)).toBe(5);
    const lastInside = await source.stateAt(WINDOW.endMs - 1);
    expect(speedOf(lastInside, 1)).toBe(16);
    const atEnd = await source.stateAt(WINDOW.endMs);
    expect(speedOf(atEnd, 1)).toBe(47);
    expect(speedOf(atEnd, 4)).toBeUndefined();
  });

  it('keeps what it does not replace (parking) from the baseline inside the window', async () => {
    const source = make();
    const inside = await source.stateAt(50_000);
    expect(inside.entities.get('urn:ngsi-ld:OffStreetParking:x:1')).toMatchObject({ availableSpotNumber: 46 });
  });

  it('takes trips from the override inside the window only', async () => {
    const source = make();
    expect([...(await source.stateAt(25_000)).trips.keys()].sort()).toEqual(['b10000', 'b20000']);
    expect([...(await source.stateAt(33_000)).trips.keys()].sort()).toEqual(['s20000', 's30000']);
    const crossing = await source.eventsBetween(25_000, 35_000);
    const trips = crossing.flatMap((e) => (e.op === 'trip' ? [e.trip.id] : []));
    // The baseline's trips up to the edge, then the scenario's under way at the edge.
    expect(trips).toEqual(['s20000', 's30000']);
  });

  it('replays across the edges to exactly the world stateAt gives (every pair of instants on a grid)', async () => {
    const source = make();
    const instants = [0, 9_999, 10_000, 25_000, 29_999, 30_000, 30_001, 35_000, 45_000, 50_000, 69_999, 70_000, 70_001, 85_000, 100_000];
    for (const t0 of instants) {
      for (const t1 of instants) {
        if (t1 <= t0) continue;
        const replayed = advanceWorld(cloneWorld(await source.stateAt(t0)), await source.eventsBetween(t0, t1), t1);
        const expected = await source.stateAt(t1);
        expect(Object.fromEntries(replayed.entities), `${t0} → ${t1}`).toEqual(Object.fromEntries(expected.entities));
        // Every trip the world has at t1 reached the replay (the side left may keep its last ones running out).
        for (const id of expected.trips.keys()) expect(replayed.trips.has(id), `${t0} → ${t1}: trip ${id}`).toBe(true);
      }
    }
  });

  it('gives events in time order', async () => {
    const events = await make().eventsBetween(0, 100_000);
    expect(events.every((e, i) => i === 0 || e.t >= events[i - 1]!.t)).toBe(true);
  });

  it('is the base itself without an override, and again after clearing it', async () => {
    const source = make();
    source.setOverride(null);
    const base = new ListSource(baseEvents);
    expect(ids(await source.stateAt(50_000))).toEqual(ids(await base.stateAt(50_000)));
    expect(await source.eventsBetween(20_000, 80_000)).toEqual(await base.eventsBetween(20_000, 80_000));
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => make().setOverride({ source: new ListSource([]), startMs: 10, endMs: 10 })).toThrow(/end after/);
  });
});
