/**
 * Extrudes building footprints into flat-shaded prisms: walls with outward normals, a flat roof,
 * and a floor under parts that float (min_height > 0). Footprints come in the city's local frame;
 * `place` maps each vertex into the tile's own east-north-up frame, and the output is in glTF's
 * y-up convention: (x, y, z) = (east, up, −north).
 */
import type { Building } from './buildings.js';
import { triangulatePolygon } from './geometry/triangulate.js';
import type { Ring } from './geometry/ring.js';

/** Maps a point of the city frame (metres east, north, and height) into a tile's east-north-up frame. */
export type PlaceVertex = (x: number, y: number, height: number) => [number, number, number];

/** Growing vertex/index arrays for one tile's mesh. */
export class MeshAccumulator {
  constructor(private readonly place: PlaceVertex) {}

  positions: number[] = [];
  normals: number[] = [];
  featureIds: number[] = [];
  indices: number[] = [];

  /** Number of vertices so far. */
  get vertexCount(): number {
    return this.featureIds.length;
  }

  private vertex(x: number, y: number, height: number, normal: [number, number, number], feature: number): number {
    const [east, north, up] = this.place(x, y, height);
    this.positions.push(east, up, -north);
    this.normals.push(normal[0], normal[2], -normal[1]);
    this.featureIds.push(feature);
    return this.featureIds.length - 1;
  }

  private walls(ring: Ring, bottom: number, top: number, feature: number): void {
    for (let i = 0; i < ring.length; i++) {
      const [x0, y0] = ring[i]!;
      const [x1, y1] = ring[(i + 1) % ring.length]!;
      const dx = x1 - x0;
      const dy = y1 - y0;
      const length = Math.hypot(dx, dy);
      if (length < 1e-6) continue;
      // Counter-clockwise outer rings and clockwise holes both put the solid on the left: outward is right.
      const normal: [number, number, number] = [dy / length, -dx / length, 0];
      const a = this.vertex(x0, y0, bottom, normal, feature);
      const b = this.vertex(x1, y1, bottom, normal, feature);
      const c = this.vertex(x1, y1, top, normal, feature);
      const d = this.vertex(x0, y0, top, normal, feature);
      this.indices.push(a, b, c, a, c, d);
    }
  }

  private cap(outer: Ring, holes: Ring[], z: number, up: boolean, feature: number): void {
    const { vertices, triangles } = triangulatePolygon(outer, holes);
    const base = this.vertexCount;
    for (const [x, y] of vertices) this.vertex(x, y, z, [0, 0, up ? 1 : -1], feature);
    for (let t = 0; t < triangles.length; t += 3) {
      const [i, j, k] = [base + triangles[t]!, base + triangles[t + 1]!, base + triangles[t + 2]!];
      if (up) this.indices.push(i, j, k);
      else this.indices.push(i, k, j);
    }
  }

  /** Appends one building as feature `feature`. */
  addBuilding(building: Building, feature: number): void {
    for (const footprint of building.footprints) {
      this.walls(footprint.outer, building.minHeight, building.height, feature);
      for (const hole of footprint.holes) this.walls(hole, building.minHeight, building.height, feature);
      this.cap(footprint.outer, footprint.holes, building.height, true, feature);
      if (building.minHeight > 0) this.cap(footprint.outer, footprint.holes, building.minHeight, false, feature);
    }
  }
}
