/** Buildings of an extract: footprints in the local frame, use class, height and names. */
import type { HeightSource, LocalizedName, NameEnSource, NameZhSource, UseClass } from '../../src/protocol/city-pack.js';
import { buildingHeight, useClassOf } from './building-rules.js';
import type { LocalFrame } from '../../src/city/local-frame.js';
import { orient, pointInRing, ringCentroid, signedArea, type Point2, type Ring } from './geometry/ring.js';
import { buildingTerm } from './name-terms.js';
import { namesOf } from './names.js';
import { collectAreas, type AreaWarnings, type OsmArea } from './osm-areas.js';
import type { OsmDocument, Tags } from './osm-reader.js';

/** A footprint polygon in local metres: outer ring counter-clockwise, holes clockwise. */
export interface Footprint {
  outer: Ring;
  holes: Ring[];
}

/** One building (or building part) ready to be extruded. */
export interface Building {
  osmId: string;
  name: string | null;
  nameZh: string | null;
  nameEn: string | null;
  nameZhSource: NameZhSource | null;
  nameEnSource: NameEnSource | null;
  useClass: UseClass;
  height: number;
  minHeight: number;
  levels: number;
  heightSource: HeightSource;
  footprints: Footprint[];
  /** Footprint area, m² (outer minus holes). */
  area: number;
  /** Centroid in local metres, used for tiling. */
  centroid: Point2;
}

const isBuilding = (tags: Tags): boolean => (tags.building !== undefined && tags.building !== 'no') || (tags['building:part'] !== undefined && tags['building:part'] !== 'no');

const isClassifiedLanduse = (tags: Tags): boolean => ['residential', 'commercial', 'retail', 'industrial'].includes(tags.landuse ?? '');

function toFootprints(area: OsmArea, frame: LocalFrame): Footprint[] {
  const project = (ring: Ring): Ring => ring.map(([lon, lat]) => frame.toLocal(lon, lat));
  return area.polygons.map((p) => ({ outer: orient(project(p.outer), true), holes: p.holes.map((h) => orient(project(h), false)) })).filter((f) => Math.abs(signedArea(f.outer)) > 0.5); // slivers under 0.5 m² are cut artefacts
}

function footprintArea(footprints: Footprint[]): number {
  return footprints.reduce((sum, f) => sum + signedArea(f.outer) + f.holes.reduce((s, h) => s + signedArea(h), 0), 0);
}

function largestOuter(footprints: Footprint[]): Ring {
  return footprints.reduce((best, f) => (signedArea(f.outer) > signedArea(best) ? f.outer : best), footprints[0]!.outer);
}

/**
 * All buildings in the extract. Following the Simple 3D Buildings convention, an outline that
 * holds building:part pieces is not drawn itself (its parts are), and the parts inherit its name
 * and use where they carry none.
 */
export function extractBuildings(doc: OsmDocument, frame: LocalFrame, warnings: AreaWarnings, streetAt: (lon: number, lat: number) => LocalizedName | null = () => null): Building[] {
  const landuse = collectAreas(doc, isClassifiedLanduse, warnings).flatMap((area) => toFootprints(area, frame).map((f) => ({ ring: f.outer, landuse: area.tags.landuse!, area: signedArea(f.outer) })));
  // Smallest first, so a building takes the most specific land use around it.
  landuse.sort((a, b) => a.area - b.area);
  const landuseAt = (point: Point2): string | null => landuse.find((l) => pointInRing(point, l.ring))?.landuse ?? null;

  // Points of interest, to classify the building they stand in.
  const pois = doc.points.filter((p) => p.tags.amenity || p.tags.shop || p.tags.office || p.tags.tourism || p.tags.government).map((p) => ({ at: frame.toLocal(p.lon, p.lat), tags: p.tags }));
  const containedIn = (footprints: Footprint[]): Tags[] => pois.filter((p) => footprints.some((f) => pointInRing(p.at, f.outer) && !f.holes.some((h) => pointInRing(p.at, h)))).map((p) => p.tags);

  const areas = collectAreas(doc, isBuilding, warnings);
  const candidates = areas
    .map((area) => ({ area, footprints: toFootprints(area, frame) }))
    .filter((c) => c.footprints.length > 0)
    .map((c) => ({ ...c, isPart: c.area.tags.building === undefined, centroid: ringCentroid(largestOuter(c.footprints)) }));

  const parts = candidates.filter((c) => c.isPart);
  const outlineOf = new Map<(typeof candidates)[number], (typeof candidates)[number]>();
  const hasParts = new Set<(typeof candidates)[number]>();
  for (const outline of candidates) {
    if (outline.isPart) continue;
    for (const part of parts) {
      if (outline.footprints.some((f) => pointInRing(part.centroid, f.outer))) {
        hasParts.add(outline);
        if (!outlineOf.has(part)) outlineOf.set(part, outline);
      }
    }
  }

  const buildings: Building[] = [];
  for (const candidate of candidates) {
    if (hasParts.has(candidate)) continue;
    const parent = outlineOf.get(candidate);
    const tags: Tags = parent ? { ...parent.area.tags, ...candidate.area.tags } : candidate.area.tags;
    const area = footprintArea(candidate.footprints);
    const useClass = useClassOf(tags, { landuse: landuseAt(candidate.centroid), contained: containedIn(candidate.footprints) });
    const names = namesOf(candidate.area.tags.name ? candidate.area.tags : tags, buildingTerm(useClass), () => streetAt(...frame.toLonLat(...candidate.centroid)));
    // Parts never inherit the outline's height: each part is its own vertical extent.
    const h = buildingHeight(candidate.area.tags, useClass, area, candidate.area.osmId);
    buildings.push({
      osmId: candidate.area.osmId,
      name: names.name,
      nameZh: names.zh,
      nameEn: names.en,
      nameZhSource: names.zhSource,
      nameEnSource: names.enSource,
      useClass,
      height: h.height,
      minHeight: h.minHeight,
      levels: h.levels,
      heightSource: h.source,
      footprints: candidate.footprints,
      area,
      centroid: candidate.centroid,
    });
  }
  return buildings;
}
