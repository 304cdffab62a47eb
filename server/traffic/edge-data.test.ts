import { describe, expect, it } from 'vitest';
import { trafficFlowObservedSchema } from '../../src/protocol/entities.js';
import { congestionLevel, FlowEvents, isCongested, type EdgeSample } from './edge-data.js';

const sample = (edge: number, begin: number, speedRelative: number, speed = 10): EdgeSample => ({
  edge,
  begin,
  end: begin + 300,
  speed,
  speedRelative,
  occupancy: 0.1,
  density: 10,
  vehicles: 5,
  sampledSeconds: 60,
  timeLoss: 5,
});

describe('congestion from edge data', () => {
  it('grades speed against free flow', () => {
    expect(congestionLevel(0.9)).toBe('RUNNING_SMOOTHLY');
    expect(congestionLevel(0.6)).toBe('STOP_AND_GO');
    expect(congestionLevel(0.4)).toBe('CONGESTION');
    expect(congestionLevel(0.1)).toBe('SEVERE_CONGESTION');
    expect(congestionLevel(undefined)).toBe('UNKNOWN_CONGESTION_LEVEL');
    expect(isCongested(0.49)).toBe(true);
    expect(isCongested(0.5)).toBe(false);
  });

  it('sends a segment only when it changes and removes it when it empties', () => {
    const flows = new FlowEvents('test', 0);
    flows.add(sample(1, 0, 0.9));
    flows.add(sample(2, 0, 0.3));
    flows.add(sample(1, 300, 0.9)); // unchanged: nothing
    flows.add(sample(2, 300, 0.8)); // recovered: an upsert
    flows.add(sample(2, 600, 0.8)); // segment 1 is gone: a remove
    const events = flows.finish();
    expect(events.map((e) => (e.op === 'upsert' ? `up ${e.entity.id} ${e.t}` : e.op === 'remove' ? `rm ${e.id} ${e.t}` : ''))).toEqual([
      'up urn:ngsi-ld:TrafficFlowObserved:test:g1 300000',
      'up urn:ngsi-ld:TrafficFlowObserved:test:g2 300000',
      'up urn:ngsi-ld:TrafficFlowObserved:test:g2 600000',
      'rm urn:ngsi-ld:TrafficFlowObserved:test:g1 900000',
    ]);
    for (const event of events) if (event.op === 'upsert') expect(trafficFlowObservedSchema.safeParse(event.entity).success).toBe(true);
    const first = events[1]!;
    expect(first.op === 'upsert' && first.entity).toMatchObject({ congested: true, congestionLevel: 'CONGESTION', averageVehicleSpeed: 36, refRoadSegment: 'g2' });
  });
});
