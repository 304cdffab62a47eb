/**
 * Homes and workplaces from the pack's buildings: each building's use class, height and footprint
 * (read back from the tiles' GLBs: the property table and the vertices of each feature) give a
 * floor area, and floor area is what sends and draws trips.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActivityKind, ActivityPoint } from './activity-points.js';

/** Activity of each use class, and per 100 m² of floor. "other" is mostly unclassified city blocks: a bit of both. */
export const USE_ACTIVITY: Record<string, { kind: ActivityKind; per100m2: number }[]> = {
  residential: [{ kind: 'home', per100m2: 1 }],
  office: [{ kind: 'work', per100m2: 1 }],
  commercial: [
    { kind: 'work', per100m2: 0.5 },
    { kind: 'shop', per100m2: 1 },
  ],
  government: [
    { kind: 'work', per100m2: 1 },
    { kind: 'service', per100m2: 0.5 },
  ],
  school: [{ kind: 'school', per100m2: 1 }],
  hospital: [
    { kind: 'service', per100m2: 1 },
    { kind: 'work', per100m2: 0.5 },
  ],
  industrial: [{ kind: 'work', per100m2: 0.3 }],
  other: [
    { kind: 'home', per100m2: 0.3 },
    { kind: 'work', per100m2: 0.3 },
  ],
};

/** Storey height used to turn a building's height into floors. */
const STOREY_M = 3.2;

interface TileNode {
  transform?: number[];
  content?: { uri: string };
  children?: TileNode[];
}

interface GlbJson {
  accessors: { bufferView: number; byteOffset?: number; count: number }[];
  bufferViews: { byteOffset?: number; byteLength: number; byteStride?: number }[];
  meshes: { primitives: { attributes: Record<string, number> }[] }[];
  extensions?: { EXT_structural_metadata?: { propertyTables: { count: number; properties: Record<string, { values: number; stringOffsets?: number }> }[] } };
}

/** WGS84 longitude/latitude (degrees) of an Earth-centred point. */
export function ecefToLonLat(x: number, y: number, z: number): [number, number] {
  const a = 6_378_137;
  const e2 = 6.69437999014e-3;
  const p = Math.hypot(x, y);
  let lat = Math.atan2(z, p * (1 - e2));
  for (let i = 0; i < 4; i++) {
    const n = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
    lat = Math.atan2(z + e2 * n * Math.sin(lat), p);
  }
  return [(Math.atan2(y, x) * 180) / Math.PI, (lat * 180) / Math.PI];
}

/** The buildings of one GLB as activity points, with `transform` taking tile coordinates to Earth-centred ones. */
export function glbActivities(glb: Uint8Array, transform: number[]): ActivityPoint[] {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength))) as GlbJson;
  const binStart = 20 + jsonLength + 8;
  const table = json.extensions?.EXT_structural_metadata?.propertyTables[0];
  if (!table) return [];
  const viewBytes = (index: number): DataView => {
    const bv = json.bufferViews[index]!;
    return new DataView(glb.buffer, glb.byteOffset + binStart + (bv.byteOffset ?? 0), bv.byteLength);
  };
  const strings = (name: string): string[] => {
    const property = table.properties[name]!;
    const values = viewBytes(property.values);
    const offsets = viewBytes(property.stringOffsets!);
    const decoder = new TextDecoder();
    return Array.from({ length: table.count }, (_, i) =>
      decoder.decode(new Uint8Array(values.buffer, values.byteOffset + offsets.getUint32(i * 4, true), offsets.getUint32(i * 4 + 4, true) - offsets.getUint32(i * 4, true))),
    );
  };
  const useClass = strings('use_class');
  const heights = viewBytes(table.properties.height!.values);
  // Per-feature centroid and footprint box from the vertices (glTF is y-up; tiles are z-up: north is −z).
  const sum = new Float64Array(table.count * 3);
  const count = new Float64Array(table.count);
  const box = Array.from({ length: table.count }, () => [Infinity, -Infinity, Infinity, -Infinity]);
  for (const mesh of json.meshes) {
    for (const primitive of mesh.primitives) {
      const positions = json.accessors[primitive.attributes.POSITION!]!;
      const ids = json.accessors[primitive.attributes._FEATURE_ID_0!]!;
      const p = viewBytes(positions.bufferView);
      const f = viewBytes(ids.bufferView);
      // glTF-Transform interleaves vertex attributes: step by the view's stride.
      const pStride = json.bufferViews[positions.bufferView]!.byteStride ?? 12;
      const fStride = json.bufferViews[ids.bufferView]!.byteStride ?? 4;
      for (let v = 0; v < positions.count; v++) {
        const feature = Math.round(f.getFloat32((ids.byteOffset ?? 0) + v * fStride, true));
        if (feature < 0 || feature >= table.count) continue;
        const base = (positions.byteOffset ?? 0) + v * pStride;
        const east = p.getFloat32(base, true);
        const north = -p.getFloat32(base + 8, true);
        const up = p.getFloat32(base + 4, true);
        sum[feature * 3]! += east;
        sum[feature * 3 + 1]! += north;
        sum[feature * 3 + 2]! += up;
        count[feature]!++;
        const b = box[feature]!;
        b[0] = Math.min(b[0]!, east);
        b[1] = Math.max(b[1]!, east);
        b[2] = Math.min(b[2]!, north);
        b[3] = Math.max(b[3]!, north);
      }
    }
  }
  const m = transform;
  const points: ActivityPoint[] = [];
  for (let i = 0; i < table.count; i++) {
    if (count[i] === 0) continue;
    const [x, y, z] = [sum[i * 3]! / count[i]!, sum[i * 3 + 1]! / count[i]!, sum[i * 3 + 2]! / count[i]!];
    // Column-major 4×4, as 3D Tiles writes it.
    const [lon, lat] = ecefToLonLat(m[0]! * x + m[4]! * y + m[8]! * z + m[12]!, m[1]! * x + m[5]! * y + m[9]! * z + m[13]!, m[2]! * x + m[6]! * y + m[10]! * z + m[14]!);
    const b = box[i]!;
    // A bounding box overstates a footprint; 0.7 is about what a block fills of its box.
    const floorArea = 0.7 * (b[1]! - b[0]!) * (b[3]! - b[2]!) * Math.max(1, Math.round(heights.getFloat32(i * 4, true) / STOREY_M));
    for (const activity of USE_ACTIVITY[useClass[i]!] ?? USE_ACTIVITY.other!) {
      points.push({ lon, lat, kind: activity.kind, weight: (floorArea / 100) * activity.per100m2 });
    }
  }
  return points;
}

/** Activity points of every building of a pack (empty when the pack has no tiles). */
export async function buildingActivities(packDir: string): Promise<ActivityPoint[]> {
  const tileset = JSON.parse(await readFile(join(packDir, 'tileset.json'), 'utf8').catch(() => '{}')) as { root?: TileNode };
  const points: ActivityPoint[] = [];
  const visit = async (node: TileNode, inherited: number[] | undefined): Promise<void> => {
    const transform = node.transform ?? inherited;
    if (node.content && transform) points.push(...glbActivities(new Uint8Array(await readFile(join(packDir, node.content.uri))), transform));
    for (const child of node.children ?? []) await visit(child, transform);
  };
  if (tileset.root) await visit(tileset.root, undefined);
  return points;
}
