/** How a building's use class and height are decided from its OSM tags (documented in docs/city-pack.md). */
import type { HeightSource, UseClass } from '../../src/protocol/city-pack.js';
import type { Tags } from './osm-reader.js';

/** Storey height used to turn levels into metres. */
export const METRES_PER_LEVEL = 3.2;

const BUILDING_USE: Record<string, UseClass> = {
  residential: 'residential',
  apartments: 'residential',
  house: 'residential',
  detached: 'residential',
  semidetached_house: 'residential',
  terrace: 'residential',
  dormitory: 'residential',
  bungalow: 'residential',
  commercial: 'commercial',
  retail: 'commercial',
  shop: 'commercial',
  supermarket: 'commercial',
  mall: 'commercial',
  hotel: 'commercial',
  kiosk: 'commercial',
  office: 'office',
  government: 'government',
  public: 'government',
  civic: 'government',
  townhall: 'government',
  school: 'school',
  university: 'school',
  college: 'school',
  kindergarten: 'school',
  hospital: 'hospital',
  clinic: 'hospital',
  industrial: 'industrial',
  warehouse: 'industrial',
  factory: 'industrial',
  manufacture: 'industrial',
};

const AMENITY_USE: Record<string, UseClass> = {
  townhall: 'government',
  courthouse: 'government',
  police: 'government',
  fire_station: 'government',
  post_office: 'government',
  embassy: 'government',
  school: 'school',
  university: 'school',
  college: 'school',
  kindergarten: 'school',
  library: 'school',
  hospital: 'hospital',
  clinic: 'hospital',
  doctors: 'hospital',
  restaurant: 'commercial',
  cafe: 'commercial',
  bank: 'commercial',
  fast_food: 'commercial',
  cinema: 'commercial',
  marketplace: 'commercial',
  bar: 'commercial',
  pub: 'commercial',
};

const LANDUSE_USE: Record<string, UseClass> = {
  residential: 'residential',
  commercial: 'commercial',
  retail: 'commercial',
  industrial: 'industrial',
};

/** Words in a building's name that say what it is used for (zh and en), checked in this order. */
const NAME_USE: [RegExp, UseClass][] = [
  [/医院|卫生|诊所|hospital|clinic|medical/i, 'hospital'],
  [/学校|小学|中学|大学|学院|幼儿园|school|college|university|kindergarten/i, 'school'],
  [/政府|人民法院|检察院|公安|派出所|税务|海关|委员会|管理局|服务中心|government|court|customs|bureau|police/i, 'government'],
  [/公寓|小区|新村|花园|里弄|住宅|apartment|residen|villa/i, 'residential'],
  [/酒店|宾馆|饭店|商场|广场|百货|购物|市场|hotel|mall|plaza|shopping|market|store/i, 'commercial'],
  [/大厦|大楼|中心|银行|金融|办公|写字楼|tower|building|centre|center|bank|financial|office/i, 'office'],
  [/仓库|工厂|厂房|warehouse|factory/i, 'industrial'],
];

/** What a building is used for, from the tags of one object (itself, or a point of interest inside it). */
function useFromTags(tags: Tags): UseClass | null {
  const byBuilding = BUILDING_USE[tags.building ?? tags['building:part'] ?? ''];
  if (byBuilding) return byBuilding;
  if (tags.office === 'government' || tags.government) return 'government';
  const byAmenity = AMENITY_USE[tags.amenity ?? ''];
  if (byAmenity) return byAmenity;
  if (tags.office) return 'office';
  if (tags.shop || tags.tourism === 'hotel') return 'commercial';
  return null;
}

/** What surrounds a building and what it contains, for classifying it. */
export interface UseContext {
  /** landuse=* of the smallest classified land-use area around the building, or null. */
  landuse: string | null;
  /** Tags of the points of interest that stand inside the footprint. */
  contained: Tags[];
}

/**
 * The use class of a building, first match wins: its own tags (building=*, amenity, office, shop,
 * tourism); the points of interest inside it; words in its name; the land use around it; else "other".
 */
export function useClassOf(tags: Tags, context: UseContext = { landuse: null, contained: [] }): UseClass {
  const own = useFromTags(tags);
  if (own) return own;
  for (const poi of context.contained) {
    const inside = useFromTags(poi);
    if (inside) return inside;
  }
  const name = [tags.name, tags['name:zh'], tags['name:en']].filter(Boolean).join(' ');
  if (name) {
    for (const [pattern, use] of NAME_USE) if (pattern.test(name)) return use;
  }
  if (context.landuse) return LANDUSE_USE[context.landuse] ?? 'other';
  return 'other';
}

/** Parses an OSM length ("12", "12.5 m", "40 ft", "40'") into metres, or null. */
export function parseLength(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^\s*(-?\d+(?:[.,]\d+)?)\s*(m|metres|meters|ft|feet|')?\s*$/i.exec(value);
  if (!match) return null;
  const number = Number(match[1]!.replace(',', '.'));
  const unit = (match[2] ?? 'm').toLowerCase();
  const metres = unit === 'ft' || unit === 'feet' || unit === "'" ? number * 0.3048 : number;
  return Number.isFinite(metres) && metres >= 0 ? metres : null;
}

function parseCount(value: string | undefined): number | null {
  if (value === undefined) return null;
  const number = Number(value.trim().replace(',', '.'));
  return Number.isFinite(number) && number >= 0 && number < 300 ? Math.round(number) : null;
}

/**
 * Storeys estimated from footprint area for each use class: levels = base + perDecade × log10(area / 100 m²),
 * clamped to [1, max]. Larger footprints in a city centre carry taller buildings; the figures are
 * chosen so a 100 m² house is 2–3 storeys and a 5 000 m² office block about 14.
 */
const ESTIMATE: Record<UseClass, { base: number; perDecade: number; max: number }> = {
  residential: { base: 3, perDecade: 4, max: 24 },
  commercial: { base: 2, perDecade: 3, max: 12 },
  office: { base: 4, perDecade: 6, max: 30 },
  government: { base: 3, perDecade: 3, max: 12 },
  school: { base: 2, perDecade: 2, max: 6 },
  hospital: { base: 3, perDecade: 4, max: 16 },
  industrial: { base: 1, perDecade: 1, max: 3 },
  other: { base: 2, perDecade: 2, max: 8 },
};

/** Structures that are one low storey whatever their size. */
const ONE_STOREY = new Set(['garage', 'garages', 'shed', 'hut', 'kiosk', 'carport', 'roof', 'toilets', 'cabin', 'service', 'gatehouse']);

/** A small deterministic integer hash of an OSM id, to vary estimates without randomness. */
export function stableHash(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/** Levels estimated for a building with neither height nor levels tagged. */
export function estimateLevels(useClass: UseClass, footprintAreaM2: number, buildingValue: string, osmId: string): number {
  if (ONE_STOREY.has(buildingValue)) return 1;
  const rule = ESTIMATE[useClass];
  const raw = rule.base + rule.perDecade * Math.log10(Math.max(footprintAreaM2, 10) / 100);
  // −1, 0 or +1 storey by id, so neighbouring blocks of one size do not form a flat plateau.
  const jitter = (stableHash(osmId) % 3) - 1;
  return Math.min(rule.max, Math.max(1, Math.round(raw) + jitter));
}

/** The vertical extent of a building and where it came from. */
export interface BuildingHeight {
  /** Top, metres above ground. */
  height: number;
  /** Bottom, metres above ground (0 unless min_height or building:min_level). */
  minHeight: number;
  /** Storeys: tagged, else derived from the height, else estimated. */
  levels: number;
  source: HeightSource;
}

/**
 * Height rules, in order: the `height` tag; else `building:levels` × 3.2 m plus the roof
 * (`roof:height`, or `roof:levels` × 3.2 m); else an estimate from footprint area and use class.
 */
export function buildingHeight(tags: Tags, useClass: UseClass, footprintAreaM2: number, osmId: string): BuildingHeight {
  const taggedLevels = parseCount(tags['building:levels']);
  const roof = parseLength(tags['roof:height']) ?? (parseCount(tags['roof:levels']) ?? 0) * METRES_PER_LEVEL;
  const minHeight = parseLength(tags.min_height) ?? (parseCount(tags['building:min_level']) ?? 0) * METRES_PER_LEVEL;
  const tagged = parseLength(tags.height);

  let height: number;
  let source: HeightSource;
  let levels: number;
  if (tagged !== null && tagged > minHeight) {
    height = tagged;
    source = 'height';
    levels = taggedLevels ?? Math.max(1, Math.round((tagged - minHeight) / METRES_PER_LEVEL));
  } else if (taggedLevels !== null && taggedLevels > 0) {
    levels = taggedLevels;
    height = taggedLevels * METRES_PER_LEVEL + roof;
    source = 'levels';
  } else {
    levels = estimateLevels(useClass, footprintAreaM2, tags.building ?? tags['building:part'] ?? 'yes', osmId);
    height = levels * METRES_PER_LEVEL + roof;
    source = 'estimate';
  }
  // A part whose bottom is at or above its top (bad tags) keeps a visible 1 m slab.
  return { height: Math.max(height, minHeight + 1), minHeight, levels, source };
}
