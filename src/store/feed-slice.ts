/** Feed slice: the room's world as the server sends it — entities by id and the trajectory window. */
import type { StateCreator } from 'zustand/vanilla';
import type { Entity, EntityType } from '../protocol/entities';
import type { FeedDelta, FeedSnapshot, TripWindow } from '../protocol/feed-wire';
import type { AppState } from './app-store';

/** The world of the joined room. */
export interface FeedState {
  room: string | null;
  /** Sim time (epoch ms) the entities are as of. */
  t: number;
  entities: ReadonlyMap<string, Entity>;
  trips: TripWindow | null;
  /** Bumps on every change, so subscribers compare one number. */
  version: number;
}

/** Feed state and actions. */
export interface FeedSlice {
  feed: FeedState;
  /** Replaces the world with a snapshot (after joining or a jump of the clock). */
  applySnapshot: (snapshot: FeedSnapshot, trips: TripWindow) => void;
  /** Applies a delta: upserts replace, removes delete; idempotent, so a delta overlapping a snapshot is harmless. */
  applyDelta: (delta: FeedDelta) => void;
  /** Takes a new trajectory window. */
  setTripWindow: (trips: TripWindow) => void;
}

/** Creates the feed slice. */
export const createFeedSlice: StateCreator<AppState, [], [], FeedSlice> = (set) => ({
  feed: { room: null, t: 0, entities: new Map(), trips: null, version: 0 },
  applySnapshot: (snapshot, trips) =>
    set((state) => ({
      feed: { room: snapshot.room, t: snapshot.t, entities: new Map(snapshot.entities.map((e) => [e.id, e])), trips, version: state.feed.version + 1 },
    })),
  applyDelta: (delta) =>
    set((state) => {
      if (state.feed.room !== null && delta.room !== state.feed.room) return state;
      const entities = new Map(state.feed.entities);
      for (const event of delta.events) {
        if (event.op === 'upsert') entities.set(event.entity.id, event.entity);
        else entities.delete(event.id);
      }
      return { feed: { ...state.feed, t: delta.to, entities, version: state.feed.version + 1 } };
    }),
  setTripWindow: (trips) => set((state) => ({ feed: { ...state.feed, trips, version: state.feed.version + 1 } })),
});

/** The entities of one type in the feed, typed. */
export function entitiesOfType<T extends EntityType>(feed: FeedState, type: T): Extract<Entity, { type: T }>[] {
  const out: Extract<Entity, { type: T }>[] = [];
  for (const entity of feed.entities.values()) if (entity.type === type) out.push(entity as Extract<Entity, { type: T }>);
  return out;
}
