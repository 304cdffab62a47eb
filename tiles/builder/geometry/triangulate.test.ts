import { describe, expect, it } from 'vitest';
import { pointInRing, signedArea, type Ring } from './ring.js';
import { triangulatePolygon } from './triangulate.js';

const square = (x0: number, y0: number, size: number): Ring => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
];

describe('triangulatePolygon', () => {
  it('covers a footprint with a hole exactly: triangle areas add up to outer minus hole, none inside the hole', () => {
    const outer = square(0, 0, 10);
    const hole = [...square(3, 3, 4)].reverse();
    const { vertices, triangles } = triangulatePolygon(outer, [hole]);
    let total = 0;
    for (let t = 0; t < triangles.length; t += 3) {
      const tri = [vertices[triangles[t]!]!, vertices[triangles[t + 1]!]!, vertices[triangles[t + 2]!]!];
      const area = signedArea(tri);
      expect(area).toBeGreaterThan(0); // every triangle faces up
      total += area;
      const centroid: [number, number] = [(tri[0]![0] + tri[1]![0] + tri[2]![0]) / 3, (tri[0]![1] + tri[1]![1] + tri[2]![1]) / 3];
      expect(pointInRing(centroid, hole)).toBe(false);
      expect(pointInRing(centroid, outer)).toBe(true);
    }
    expect(total).toBeCloseTo(100 - 16, 9);
  });

  it('faces every triangle up whatever the winding of the input', () => {
    const clockwise = [...square(0, 0, 5)].reverse();
    const { vertices, triangles } = triangulatePolygon(clockwise, []);
    expect(triangles).toHaveLength(6);
    for (let t = 0; t < triangles.length; t += 3) {
      expect(signedArea([vertices[triangles[t]!]!, vertices[triangles[t + 1]!]!, vertices[triangles[t + 2]!]!])).toBeGreaterThan(0);
    }
  });

  it('triangulates a concave L-shaped footprint without spilling outside it', () => {
    const l: Ring = [
      [0, 0],
      [10, 0],
      [10, 4],
      [4, 4],
      [4, 10],
      [0, 10],
    ];
    const { vertices, triangles } = triangulatePolygon(l, []);
    let total = 0;
    for (let t = 0; t < triangles.length; t += 3) total += signedArea([vertices[triangles[t]!]!, vertices[triangles[t + 1]!]!, vertices[triangles[t + 2]!]!]);
    expect(total).toBeCloseTo(signedArea(l), 9);
  });
});
