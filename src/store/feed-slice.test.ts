import { describe, expect, it } from 'vitest';
import type { Entity } from '../protocol/entities';
import { encodeTripWindow } from '../protocol/feed-wire';
import { createAppStore } from './app-store';
import { entitiesOfType } from './feed-slice';

const parking = (id: string, available: number): Entity => ({ id, type: 'OffStreetParking', totalSpotNumber: 10, availableSpotNumber: available });
const emptyWindow = encodeTripWindow([], 0, 1, [0, 0]);

describe('feed slice', () => {
  const make = createAppStore;

  it('replaces the world on a snapshot and applies deltas idempotently', () => {
    const store = make();
    store.getState().applySnapshot({ room: 'main', t: 10, entities: [parking('a', 1), parking('b', 2)], trips: emptyWindow }, emptyWindow);
    const delta = {
      room: 'main',
      from: 10,
      to: 20,
      events: [
        { op: 'upsert' as const, t: 15, entity: parking('a', 5) },
        { op: 'remove' as const, t: 16, id: 'b' },
      ],
    };
    store.getState().applyDelta(delta);
    store.getState().applyDelta(delta); // the same delta twice changes nothing more
    const feed = store.getState().feed;
    expect([...feed.entities.keys()]).toEqual(['a']);
    expect(entitiesOfType(feed, 'OffStreetParking')[0]!.availableSpotNumber).toBe(5);
    expect(feed.t).toBe(20);
  });

  it('ignores a delta of another room and bumps the version on every change', () => {
    const store = make();
    store.getState().applySnapshot({ room: 'main', t: 0, entities: [], trips: emptyWindow }, emptyWindow);
    const version = store.getState().feed.version;
    store.getState().applyDelta({ room: 'other', from: 0, to: 1, events: [{ op: 'upsert', t: 1, entity: parking('x', 1) }] });
    expect(store.getState().feed.entities.size).toBe(0);
    store.getState().setTripWindow(emptyWindow);
    expect(store.getState().feed.version).toBe(version + 1);
  });
});
