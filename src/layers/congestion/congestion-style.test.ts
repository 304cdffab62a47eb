import { describe, expect, it } from 'vitest';
import type { TrafficFlowObserved } from '../../protocol/entities';
import { CONGESTION_CLASSES, CONGESTION_COLOURS, congestionClass, edgeClasses, edgeOfFlow } from './congestion-style';

const flow = (edge: number, level: TrafficFlowObserved['congestionLevel'], at = '2014-06-12T08:00:00.000Z'): TrafficFlowObserved => ({
  id: `urn:ngsi-ld:TrafficFlowObserved:shanghai-bund:g${edge}`,
  type: 'TrafficFlowObserved',
  dateObserved: at,
  refRoadSegment: `g${edge}`,
  ...(level ? { congestionLevel: level } : {}),
});

describe('congestion colours', () => {
  it('maps the GTFS-realtime levels to free, slow, congested and jammed', () => {
    expect(congestionClass(flow(0, 'RUNNING_SMOOTHLY'))).toBe('free');
    expect(congestionClass(flow(0, 'STOP_AND_GO'))).toBe('slow');
    expect(congestionClass(flow(0, 'CONGESTION'))).toBe('congested');
    expect(congestionClass(flow(0, 'SEVERE_CONGESTION'))).toBe('jammed');
    expect(congestionClass(flow(0, 'UNKNOWN_CONGESTION_LEVEL'))).toBeNull();
    expect(congestionClass(flow(0, undefined))).toBeNull();
    expect(new Set(CONGESTION_CLASSES.map((c) => CONGESTION_COLOURS[c])).size).toBe(4);
  });

  it('finds the edge from refRoadSegment or the id, and rejects edges the graph lacks', () => {
    expect(edgeOfFlow(flow(12, 'CONGESTION'), 100)).toBe(12);
    expect(edgeOfFlow({ refRoadSegment: 'elsewhere', id: 'x:g7' }, 100)).toBe(7);
    expect(edgeOfFlow(flow(120, 'CONGESTION'), 100)).toBeNull();
    expect(edgeOfFlow({ refRoadSegment: 'road-3', id: 'x' }, 100)).toBeNull();
  });

  it('keeps the latest observation per edge and reports whether anything changed', () => {
    const out: ReturnType<typeof congestionClass>[] = new Array(4).fill(null);
    expect(edgeClasses([flow(1, 'CONGESTION', '2014-06-12T08:05:00.000Z'), flow(1, 'RUNNING_SMOOTHLY', '2014-06-12T08:00:00.000Z'), flow(3, 'SEVERE_CONGESTION')], out)).toBe(true);
    expect(out).toEqual([null, 'congested', null, 'jammed']);
    expect(edgeClasses([flow(1, 'CONGESTION', '2014-06-12T08:05:00.000Z'), flow(3, 'SEVERE_CONGESTION')], out)).toBe(false);
    expect(edgeClasses([], out)).toBe(true);
    expect(out).toEqual([null, null, null, null]);
  });
});
