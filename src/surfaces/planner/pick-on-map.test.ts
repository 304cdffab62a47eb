import { describe, expect, it } from 'vitest';
import type { RoadGraphFile } from '../../protocol/city-pack';
import { pickOnMap, segmentOf } from './pick-on-map';
import { createPlannerStore } from './planner-store';

// A two-way street (edges 0 and 1) and a one-way street 200 m north of it (edge 2).
const graph = {
  edges: { from: [0, 1, 2], to: [1, 0, 3], lengthM: [190, 190, 190], shapeStart: [0, 2, 4], shapeCount: [2, 2, 3] },
  shape: { lon: [121.0, 121.002, 121.002, 121.0, 121.0, 121.001, 121.002], lat: [31.0, 31.0, 31.0, 31.0, 31.0018, 31.0018, 31.0018] },
} as unknown as RoadGraphFile;
const roadName = (edge: number) => (edge === 2 ? 'North Street' : null);

describe('a click on the planner map', () => {
  it('closes both directions of a two-way road, a one-way road alone, and reopens a closed one', () => {
    const store = createPlannerStore();
    expect(pickOnMap(graph, store, roadName, 121.001, 31.0002)).toBe(true);
    expect(pickOnMap(graph, store, roadName, 121.0015, 31.0017)).toBe(true);
    expect(store.getState().draft.segments).toEqual([
      { edges: [0, 1], road: null, lengthM: 190 },
      { edges: [2], road: 'North Street', lengthM: 190 },
    ]);
    // The same road clicked again (a little elsewhere) reopens it; the other stays closed.
    expect(pickOnMap(graph, store, roadName, 121.0005, 30.9999)).toBe(true);
    expect(store.getState().draft.segments.map((s) => s.edges)).toEqual([[2]]);
  });

  it('does nothing away from every road', () => {
    const store = createPlannerStore();
    expect(pickOnMap(graph, store, roadName, 121.001, 31.0009)).toBe(false);
    expect(store.getState().draft.segments).toEqual([]);
  });

  it('places the event at the point once, then closes roads again', () => {
    const store = createPlannerStore();
    store.getState().setPickMode('event-point');
    expect(pickOnMap(graph, store, roadName, 121.0010004, 31.0002)).toBe(true);
    expect(store.getState().draft.event).toMatchObject({ point: [121.001, 31.0002], placeOsmId: null });
    expect(store.getState().draft.segments).toEqual([]);
    expect(store.getState().pickMode).toBe('closure');
    pickOnMap(graph, store, roadName, 121.001, 31.0002);
    expect(store.getState().draft.segments).toHaveLength(1);
  });

  it('describes a segment as its edges in order, its road and its length', () => {
    expect(segmentOf(graph, 1, roadName)).toEqual({ edges: [0, 1], road: null, lengthM: 190 });
  });
});
