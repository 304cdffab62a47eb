/** What a click on the planner's map does (engine-free): place the event, or close or reopen the nearest road segment. */
import type { RoadGraphFile } from '../../protocol/city-pack';
import { nearestEdge, reverseEdge } from '../../city/nearest-edge';
import type { ClosedSegment, PlannerStore } from './planner-store';

/** The segment an edge belongs to: itself and the other direction of a two-way road. */
export function segmentOf(graph: RoadGraphFile, edge: number, roadName: (edge: number) => string | null): ClosedSegment {
  const other = reverseEdge(graph, edge);
  return { edges: other === null ? [edge] : [edge, other].sort((a, b) => a - b), road: roadName(edge), lengthM: graph.edges.lengthM[edge]! };
}

/** Applies a map click at lon/lat to the draft; false when it did nothing (no road near a closure click). */
export function pickOnMap(graph: RoadGraphFile, store: PlannerStore, roadName: (edge: number) => string | null, lon: number, lat: number): boolean {
  const state = store.getState();
  if (state.pickMode === 'event-point') {
    state.editEvent({ point: [Number(lon.toFixed(6)), Number(lat.toFixed(6))], placeOsmId: null });
    state.setPickMode('closure');
    return true;
  }
  const hit = nearestEdge(graph, lon, lat);
  if (!hit) return false;
  state.toggleSegment(segmentOf(graph, hit.edge, roadName));
  return true;
}
