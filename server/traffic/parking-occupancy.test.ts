import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offStreetParkingSchema } from '../../src/protocol/entities.js';
import { applyMovement, NIGHT_OCCUPANCY, parkingEvents, parkingMovements, type ParkingLot, type ParkingMovement } from './parking-occupancy.js';

const lot = (capacity: number): ParkingLot => ({
  id: `urn:ngsi-ld:OffStreetParking:test:${capacity}`,
  name: undefined,
  lon: 121.5,
  lat: 31.2,
  capacity,
  occupied: Math.round(capacity * NIGHT_OCCUPANCY),
});

describe('parking occupancy', () => {
  it('stays within [0, capacity] under any arrivals and departures', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 86_400_000 }), lot: fc.nat(), delta: fc.constantFrom<1 | -1>(1, -1) }), { maxLength: 3000 }),
        (capacities, raw) => {
          const lots = capacities.map(lot);
          const movements: ParkingMovement[] = raw.map((m) => ({ ...m, lot: m.lot % lots.length })).sort((a, b) => a.t - b.t);
          const events = parkingEvents(lots, movements, 0, 86_400_000);
          for (const event of events) {
            if (event.op !== 'upsert' || event.entity.type !== 'OffStreetParking') continue;
            const e = event.entity;
            expect(offStreetParkingSchema.safeParse(e).success).toBe(true);
            expect(e.availableSpotNumber).toBeGreaterThanOrEqual(0);
            expect(e.availableSpotNumber).toBeLessThanOrEqual(e.totalSpotNumber);
            expect(e.occupancy!).toBeGreaterThanOrEqual(0);
            expect(e.occupancy!).toBeLessThanOrEqual(1);
          }
          for (const l of lots) expect(l.occupied >= 0 && l.occupied <= l.capacity).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses an arrival at a full lot and a departure from an empty one', () => {
    const full = { ...lot(2), occupied: 2 };
    expect(applyMovement(full, 1)).toBe(false);
    expect(full.occupied).toBe(2);
    const empty = { ...lot(2), occupied: 0 };
    expect(applyMovement(empty, -1)).toBe(false);
    expect(empty.occupied).toBe(0);
  });

  it('counts arrivals near a lot, never for taxis', () => {
    const lotOf = Int32Array.from([0, -1, 0]);
    const trips = Array.from({ length: 200 }, (_, i) => ({
      id: `v${i}`,
      category: i % 2 ? ('taxi' as const) : ('car' as const),
      edges: [1, 2],
      enter: [i * 1000, i * 1000 + 500],
      end: i * 1000 + 900,
    }));
    const movements = parkingMovements(trips, lotOf);
    expect(movements.every((m) => m.delta === 1 && m.lot === 0)).toBe(true);
    // About PARKING_SHARE of the 100 cars, and no taxi.
    expect(movements.length).toBeGreaterThan(40);
    expect(movements.length).toBeLessThan(80);
  });
});
