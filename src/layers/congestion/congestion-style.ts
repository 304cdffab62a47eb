/**
 * Congestion colours: a TrafficFlowObserved's GTFS-realtime CongestionLevel mapped to four classes
 * (free / slow / congested / jammed) and the graph edge it describes. Engine-free.
 */
import type { TrafficFlowObserved } from '../../protocol/entities';

/** The classes drawn, lightest first. */
export const CONGESTION_CLASSES = ['free', 'slow', 'congested', 'jammed'] as const;
export type CongestionClass = (typeof CONGESTION_CLASSES)[number];

/** GTFS-realtime CongestionLevel → class; UNKNOWN_CONGESTION_LEVEL draws nothing. */
export const CLASS_OF_LEVEL: Record<NonNullable<TrafficFlowObserved['congestionLevel']>, CongestionClass | null> = {
  UNKNOWN_CONGESTION_LEVEL: null,
  RUNNING_SMOOTHLY: 'free',
  STOP_AND_GO: 'slow',
  CONGESTION: 'congested',
  SEVERE_CONGESTION: 'jammed',
};

/** Colour of each class: the green-amber-orange-red of traffic maps. */
export const CONGESTION_COLOURS: Record<CongestionClass, string> = {
  free: '#22c55e',
  slow: '#facc15',
  congested: '#f97316',
  jammed: '#dc2626',
};

/** The class of an observation, or null when it carries no usable level. */
export function congestionClass(flow: Pick<TrafficFlowObserved, 'congestionLevel'>): CongestionClass | null {
  return flow.congestionLevel ? CLASS_OF_LEVEL[flow.congestionLevel] : null;
}

/** The graph edge an observation describes: `refRoadSegment` "g<i>", else the id's ":g<i>" suffix; null if neither. */
export function edgeOfFlow(flow: Pick<TrafficFlowObserved, 'refRoadSegment' | 'id'>, edgeCount: number): number | null {
  const match = /^g(\d+)$/.exec(flow.refRoadSegment) ?? /:g(\d+)$/.exec(flow.id);
  if (!match) return null;
  const edge = Number(match[1]);
  return edge < edgeCount ? edge : null;
}

/**
 * The class of every edge from the current observations (the latest `dateObserved` wins where two
 * describe one edge); edges without one are null. Writes into `out` and returns whether anything changed.
 */
export function edgeClasses(flows: Iterable<TrafficFlowObserved>, out: (CongestionClass | null)[]): boolean {
  const latest = new Map<number, { at: string; cls: CongestionClass | null }>();
  for (const flow of flows) {
    const edge = edgeOfFlow(flow, out.length);
    if (edge === null) continue;
    const held = latest.get(edge);
    if (held && held.at > flow.dateObserved) continue;
    latest.set(edge, { at: flow.dateObserved, cls: congestionClass(flow) });
  }
  let changed = false;
  for (let edge = 0; edge < out.length; edge++) {
    const cls = latest.get(edge)?.cls ?? null;
    if (out[edge] !== cls) {
      out[edge] = cls;
      changed = true;
    }
  }
  return changed;
}
