import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { routeTripSchema } from '../../src/protocol/feed.js';
import { readVehroutes, routeTripOf } from './vehroutes-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'sandtable-vehroutes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// As SUMO writes it: vehicles in order of arrival, exit times per edge.
const VEHROUTES = `<?xml version="1.0" encoding="UTF-8"?>
<routes>
    <vehicle id="v7" type="taxi" depart="120.00" arrival="190.00">
        <route edges="g4 g9" exitTimes="150.00 190.00"/>
    </vehicle>

    <vehicle id="v3" type="car" depart="72.00" departLane="0" arrival="146.00">
        <route edges="g2051 g2052 g499 g500" exitTimes="77.00 79.00 81.00 146.00"/>
    </vehicle>

    <vehicle id="v9" type="delivery" depart="100.00" arrival="101.00">
        <route edges="g1" exitTimes="100.00"/>
    </vehicle>
</routes>
`;

describe('vehroutes → RouteTrip', () => {
  const origin = Date.parse('2014-06-12T00:00:00+08:00');

  it('gives graph edge indices, entry times from exit times, sorted by start', async () => {
    const file = join(dir, 'vehroutes.xml');
    writeFileSync(file, VEHROUTES);
    const trips = await readVehroutes(file, origin);
    // v9 has no time on the road: not a trip.
    expect(trips.map((t) => t.id)).toEqual(['v3', 'v7']);
    const [car, taxi] = trips;
    expect(car!.edges).toEqual([2051, 2052, 499, 500]);
    expect(car!.enter).toEqual([72, 77, 79, 81].map((s) => origin + s * 1000));
    expect(car!.end).toBe(origin + 146_000);
    expect(car!.category).toBe('car');
    expect(taxi!.category).toBe('taxi');
    for (const trip of trips) {
      expect(routeTripSchema.safeParse(trip).success).toBe(true);
      expect(trip.enter.every((t, i) => i === 0 || t > trip.enter[i - 1]!)).toBe(true);
      expect(trip.end).toBeGreaterThan(trip.enter[trip.enter.length - 1]!);
    }
  });

  it('never lets an entry time go back, even if SUMO rounds two exits to one second', () => {
    const trip = routeTripOf('v1', 'car', 10, ['g1', 'g2', 'g3'], [12, 12, 15], 0)!;
    expect(trip.enter).toEqual([10_000, 12_000, 12_000]);
    expect(routeTripSchema.safeParse(trip).success).toBe(true);
    expect(routeTripOf('v2', 'car', 10, ['g1'], [], 0)).toBeNull();
  });
});
