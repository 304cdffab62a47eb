/**
 * Splits buildings into a quadtree of 3D Tiles 1.1 tiles: internal tiles are empty and refine by
 * ADD; each leaf holds up to `maxPerTile` buildings in one GLB, in its own east-north-up frame.
 *
 * Geometric error of an internal tile = the largest dimension (height or footprint diagonal) of any
 * building beneath it: what the viewer would miss by not loading its children. So at the default
 * screen-space error a block appears once its biggest building would span about 16 pixels.
 */
import { BUILDING_PROPERTIES } from '../../src/protocol/city-pack.js';
import type { Building } from './buildings.js';
import { MeshAccumulator } from './extrude.js';
import { enuFrameAt, geodeticToEcef } from './geometry/ecef.js';
import type { LocalFrame } from '../../src/city/local-frame.js';
import { writeBuildingGlb, type PropertyColumns } from './glb-writer.js';

/** A node of the quadtree, in the city's local frame. */
export interface QuadNode {
  level: number;
  x: number;
  y: number;
  /** [minX, minY, maxX, maxY] metres. */
  bounds: [number, number, number, number];
  buildings: Building[];
  children: QuadNode[];
}

/** Partitions buildings by centroid until no leaf holds more than maxPerTile (or maxDepth is reached). */
export function buildQuadtree(buildings: Building[], maxPerTile: number, maxDepth = 12): QuadNode {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of buildings) {
    minX = Math.min(minX, b.centroid[0]);
    minY = Math.min(minY, b.centroid[1]);
    maxX = Math.max(maxX, b.centroid[0]);
    maxY = Math.max(maxY, b.centroid[1]);
  }
  const size = Math.max(maxX - minX, maxY - minY, 1) * 1.0001;
  const split = (node: QuadNode): QuadNode => {
    if (node.buildings.length <= maxPerTile || node.level >= maxDepth) return node;
    const [x0, y0, x1, y1] = node.bounds;
    const mx = (x0 + x1) / 2;
    const my = (y0 + y1) / 2;
    const quadrants: QuadNode[] = [0, 1, 2, 3].map((q) => {
      const east = q % 2 === 1;
      const north = q >= 2;
      return {
        level: node.level + 1,
        x: node.x * 2 + (east ? 1 : 0),
        y: node.y * 2 + (north ? 1 : 0),
        bounds: [east ? mx : x0, north ? my : y0, east ? x1 : mx, north ? y1 : my],
        buildings: [],
        children: [],
      };
    });
    for (const b of node.buildings) {
      const q = (b.centroid[0] >= mx ? 1 : 0) + (b.centroid[1] >= my ? 2 : 0);
      quadrants[q]!.buildings.push(b);
    }
    node.children = quadrants.filter((c) => c.buildings.length > 0).map(split);
    node.buildings = [];
    return node;
  };
  return split({ level: 0, x: 0, y: 0, bounds: [minX, minY, minX + size, minY + size], buildings: [...buildings], children: [] });
}

/** Number of leaf tiles under (and including) a node. */
export function countLeaves(node: QuadNode): number {
  return node.children.length === 0 ? 1 : node.children.reduce((sum, child) => sum + countLeaves(child), 0);
}

/** A written tile file: its path inside the pack and its bytes. */
export interface TileFile {
  path: string;
  bytes: Uint8Array;
}

interface TileJson {
  boundingVolume: { region: number[] };
  geometricError: number;
  refine?: 'ADD';
  transform?: number[];
  content?: { uri: string };
  children?: TileJson[];
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function buildingSize(b: Building): number {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const f of b.footprints) {
    for (const [x, y] of f.outer) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return Math.max(b.height, Math.hypot(maxX - minX, maxY - minY));
}

function leafColumns(buildings: Building[]): PropertyColumns {
  const columns = Object.fromEntries(Object.keys(BUILDING_PROPERTIES).map((k) => [k, []])) as unknown as PropertyColumns;
  for (const b of buildings) {
    columns.osm_id.push(b.osmId);
    columns.name.push(b.name ?? '');
    columns.name_zh.push(b.nameZh ?? '');
    columns.name_en.push(b.nameEn ?? '');
    columns.name_zh_source.push(b.nameZhSource ?? '');
    columns.name_en_source.push(b.nameEnSource ?? '');
    columns.height.push(b.height);
    columns.min_height.push(b.minHeight);
    columns.levels.push(Math.min(b.levels, 65535));
    columns.use_class.push(b.useClass);
    columns.height_source.push(b.heightSource);
  }
  return columns;
}

/** Writes every leaf's GLB and returns them with the tileset.json, visiting leaves in a fixed order. */
export async function writeTileset(root: QuadNode, frame: LocalFrame, onLeaf?: (done: number, total: number) => void): Promise<{ tileset: unknown; files: TileFile[]; leaves: number }> {
  const files: TileFile[] = [];
  const toRad = Math.PI / 180;
  const totalLeaves = countLeaves(root);

  const visit = async (node: QuadNode): Promise<{ json: TileJson; error: number; region: number[] }> => {
    if (node.children.length === 0) {
      // Sort features by id so a tile's bytes do not depend on the order buildings were found in.
      const buildings = [...node.buildings].sort((a, b) => (a.osmId < b.osmId ? -1 : a.osmId > b.osmId ? 1 : 0));
      const region = [Infinity, Infinity, -Infinity, -Infinity, Infinity, -Infinity];
      for (const b of buildings) {
        for (const f of b.footprints) {
          for (const [x, y] of f.outer) {
            const [lon, lat] = frame.toLonLat(x, y);
            region[0] = Math.min(region[0]!, lon * toRad);
            region[1] = Math.min(region[1]!, lat * toRad);
            region[2] = Math.max(region[2]!, lon * toRad);
            region[3] = Math.max(region[3]!, lat * toRad);
          }
        }
        region[4] = Math.min(region[4]!, b.minHeight);
        region[5] = Math.max(region[5]!, b.height);
      }
      const centreLon = (region[0]! + region[2]!) / 2 / toRad;
      const centreLat = (region[1]! + region[3]!) / 2 / toRad;
      const enu = enuFrameAt(centreLon, centreLat);
      const mesh = new MeshAccumulator((x, y, height) => {
        const [lon, lat] = frame.toLonLat(x, y);
        return enu.fromEcef(geodeticToEcef(lon, lat, height));
      });
      buildings.forEach((b, i) => mesh.addBuilding(b, i));
      const uri = `buildings/${node.level}-${node.x}-${node.y}.glb`;
      files.push({ path: uri, bytes: await writeBuildingGlb(mesh, leafColumns(buildings), buildings.length) });
      onLeaf?.(files.length, totalLeaves);
      // The ellipsoid curves away under a flat tile: pad the region a little so culling never clips it.
      const paddedRegion = [region[0]! - 1e-7, region[1]! - 1e-7, region[2]! + 1e-7, region[3]! + 1e-7, Math.min(region[4]!, 0) - 1, region[5]! + 1];
      const json: TileJson = {
        boundingVolume: { region: paddedRegion.map((v) => round(v, 10)) },
        geometricError: 0,
        transform: enu.matrix().map((v) => round(v, 9)),
        content: { uri },
      };
      return { json, error: Math.max(...buildings.map(buildingSize)), region: paddedRegion };
    }
    const results: { json: TileJson; error: number; region: number[] }[] = [];
    for (const child of node.children) results.push(await visit(child));
    const region = [0, 1, 2, 3, 4, 5].map((i) => (i === 0 || i === 1 || i === 4 ? Math.min(...results.map((r) => r.region[i]!)) : Math.max(...results.map((r) => r.region[i]!))));
    const error = Math.max(...results.map((r) => r.error));
    return {
      json: { boundingVolume: { region: region.map((v) => round(v, 10)) }, geometricError: round(error, 2), children: results.map((r) => r.json) },
      error,
      region,
    };
  };

  const { json: rootJson, error } = await visit(root);
  rootJson.refine = 'ADD';
  if (root.children.length === 0) rootJson.geometricError = round(error, 2);
  const tileset = {
    asset: { version: '1.1', generator: 'sandtable city-pack builder' },
    geometricError: round(error * 2, 2),
    root: rootJson,
  };
  return { tileset, files, leaves: totalLeaves };
}
