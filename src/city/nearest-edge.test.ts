import { describe, expect, it } from 'vitest';
import { edgeDistance, edgeLine, nearestEdge, reverseEdge } from './nearest-edge';

// Two parallel streets 200 m apart (0 → 1 and back, 2 → 3), 0.001° ≈ 95 m east at this latitude.
const graph = {
  edges: { from: [0, 1, 2], to: [1, 0, 3], shapeStart: [0, 2, 4], shapeCount: [2, 2, 3] },
  shape: { lon: [121.0, 121.002, 121.002, 121.0, 121.0, 121.001, 121.002], lat: [31.0, 31.0, 31.0, 31.0, 31.0018, 31.0018, 31.0018] },
};

describe('nearestEdge', () => {
  it('picks the street a click lies next to, and nothing far from every road', () => {
    expect(nearestEdge(graph as never, 121.001, 31.0002)?.edge).toBe(0);
    expect(nearestEdge(graph as never, 121.0015, 31.0016)).toMatchObject({ edge: 2 });
    expect(nearestEdge(graph as never, 121.001, 31.0009)).toBeNull();
  });

  it('finds the other direction of a two-way road and an edge polyline', () => {
    expect(reverseEdge(graph as never, 0)).toBe(1);
    expect(reverseEdge(graph as never, 2)).toBeNull();
    expect(edgeLine(graph as never, 2)).toHaveLength(3);
  });

  it('measures the distance to one edge, to its nearest stretch', () => {
    // Edge 2 runs 0.0018° (200 m) north of edge 0; 0.001° of longitude is 95 m at this latitude.
    expect(edgeDistance(graph as never, 0, 121.001, 31.0)).toBeCloseTo(0, 6);
    expect(edgeDistance(graph as never, 2, 121.001, 31.0)).toBeCloseTo(200.2, 0);
    expect(edgeDistance(graph as never, 0, 121.003, 31.0)).toBeCloseTo(95.3, 0);
  });
});
