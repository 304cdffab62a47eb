/** Polygon triangulation with holes, via earcut. */
import earcut from 'earcut';
import { signedArea, type Point2, type Ring } from './ring.js';

/** Triangles of a polygon as index triples into `vertices` (outer ring first, then each hole), all counter-clockwise. */
export function triangulatePolygon(outer: Ring, holes: Ring[]): { vertices: Point2[]; triangles: number[] } {
  const vertices: Point2[] = [...outer];
  const holeIndices: number[] = [];
  for (const hole of holes) {
    holeIndices.push(vertices.length);
    vertices.push(...hole);
  }
  const flat = new Array<number>(vertices.length * 2);
  vertices.forEach(([x, y], i) => {
    flat[2 * i] = x;
    flat[2 * i + 1] = y;
  });
  const triangles = earcut(flat, holeIndices, 2);
  // earcut does not promise a winding; make every triangle face up (counter-clockwise seen from above).
  for (let t = 0; t < triangles.length; t += 3) {
    const a = vertices[triangles[t]!]!;
    const b = vertices[triangles[t + 1]!]!;
    const c = vertices[triangles[t + 2]!]!;
    if (signedArea([a, b, c]) < 0) {
      const swap = triangles[t + 1]!;
      triangles[t + 1] = triangles[t + 2]!;
      triangles[t + 2] = swap;
    }
  }
  return { vertices, triangles };
}
