import { describe, expect, it } from 'vitest';
import { createLocalFrame, haversineMetres, METRES_PER_DEGREE, metresBetween, metresToSegment, nearestWithin } from './local-frame';

describe('the local frame of a city', () => {
  it('agrees with the great circle within 0.2 % across the district', () => {
    // Across the river, Bund to Lujiazui, and 1.1 km north-south.
    for (const [a, b] of [
      [
        [121.4905, 31.2406],
        [121.4997, 31.2397],
      ],
      [
        [121.49, 31.24],
        [121.49, 31.25],
      ],
    ] as [number, number][][]) {
      expect(Math.abs(metresBetween(a![0], a![1], b![0], b![1]) / haversineMetres(a![0], a![1], b![0], b![1]) - 1)).toBeLessThan(0.002);
    }
  });

  it('measures to the nearest point of a segment, ends included', () => {
    expect(metresToSegment(121.495, 31.241, 121.49, 31.24, 121.5, 31.24)).toBeCloseTo(111.3, 0);
    expect(metresToSegment(121.51, 31.24, 121.49, 31.24, 121.5, 31.24)).toBeCloseTo(metresBetween(121.51, 31.24, 121.5, 31.24), 3);
  });

  it('finds the nearest accepted item within reach, or none', () => {
    const items = [
      { at: [121.49, 31.24] as const, ok: false },
      { at: [121.491, 31.24] as const, ok: true },
      { at: [121.5, 31.24] as const, ok: true },
    ];
    expect(
      nearestWithin(
        items,
        (i) => i.at,
        121.49,
        31.24,
        500,
        (i) => i.ok,
      ),
    ).toBe(items[1]);
    expect(
      nearestWithin(
        items,
        (i) => i.at,
        121.49,
        31.24,
        50,
        (i) => i.ok,
      ),
    ).toBeNull();
  });

  it('projects to metres east and north of its origin and back', () => {
    const frame = createLocalFrame(121.5, 31.24);
    const [x, y] = frame.toLocal(121.51, 31.25);
    expect(y).toBeCloseTo(0.01 * METRES_PER_DEGREE, 6);
    expect(x).toBeCloseTo(0.01 * METRES_PER_DEGREE * Math.cos((31.24 * Math.PI) / 180), 6);
    const [lon, lat] = frame.toLonLat(x, y);
    expect(lon).toBeCloseTo(121.51, 12);
    expect(lat).toBeCloseTo(31.25, 12);
    // Metres in the frame are the metres measured between points near its origin.
    expect(Math.hypot(...frame.toLocal(121.5, 31.2401))).toBeCloseTo(metresBetween(121.5, 31.24, 121.5, 31.2401), 6);
  });

  it('measures the great circle on the same Earth radius', () => {
    expect(haversineMetres(121.49, 31.24, 121.49, 31.25)).toBeCloseTo(0.01 * METRES_PER_DEGREE, 6);
    expect(Math.abs(haversineMetres(121.4905, 31.2406, 121.4997, 31.2397) / metresBetween(121.4905, 31.2406, 121.4997, 31.2397) - 1)).toBeLessThan(1e-6);
  });
});
