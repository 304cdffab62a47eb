/**
 * The city pack: the files `npm run city -- build` writes to `tiles/<id>/` and the only thing the
 * front end and the server read about a city. Schemas here are the contract; types are inferred.
 *
 * Layout of a pack:
 *   manifest.json   CityManifest
 *   tileset.json    3D Tiles 1.1 tileset; buildings/*.glb glTF 2.0 with EXT_mesh_features +
 *                   EXT_structural_metadata (class "building", see BUILDING_PROPERTIES)
 *   roads.geojson   FeatureCollection<LineString, RoadProperties>
 *   graph.json      RoadGraphFile: the routable, directed road graph
 *   ground.geojson  FeatureCollection<Polygon | MultiPolygon | LineString, GroundProperties>
 *   places.geojson  FeatureCollection<Point, PlaceProperties>
 */
import { z } from 'zod';
import { fileIdSchema } from './ids';

/** Pack format version; bumped when a reader of an older pack would misread a newer one. */
export const CITY_PACK_FORMAT = 1;

/** Use classes a building is sorted into; the wall's palette has one colour for each. */
export const USE_CLASSES = ['residential', 'commercial', 'office', 'government', 'school', 'hospital', 'industrial', 'other'] as const;
export const useClassSchema = z.enum(USE_CLASSES);
export type UseClass = z.infer<typeof useClassSchema>;

/** Where a building's height came from. */
export const heightSourceSchema = z.enum(['height', 'levels', 'estimate']);
export type HeightSource = z.infer<typeof heightSourceSchema>;

/**
 * Where a feature's Chinese name came from: OSM as tagged, OSM converted from traditional to
 * simplified characters (OpenCC), or its category because OSM knows it only by a Latin name.
 */
export const nameZhSourceSchema = z.enum(['osm', 'opencc', 'category']);
export type NameZhSource = z.infer<typeof nameZhSourceSchema>;

/** Where a feature's English name came from: OSM, the pinyin of its Chinese name, or its category. */
export const nameEnSourceSchema = z.enum(['osm', 'pinyin', 'category']);
export type NameEnSource = z.infer<typeof nameEnSourceSchema>;

/**
 * The names of a feature: `name` as tagged; `name_zh` (simplified) and `name_en`, set whenever it has
 * any name; and their sources, null when it has none (docs/city-pack.md, "Names").
 */
const namesShape = {
  name: z.string().nullable(),
  name_zh: z.string().nullable(),
  name_en: z.string().nullable(),
  name_zh_source: nameZhSourceSchema.nullable(),
  name_en_source: nameEnSourceSchema.nullable(),
};

/** The name fields every named pack feature carries. */
export type FeatureNames = { [K in keyof typeof namesShape]: z.infer<(typeof namesShape)[K]> };

/** Per-building properties in each tile's property table (3D Tiles 1.1 structural metadata). */
export const BUILDING_PROPERTIES = {
  osm_id: 'STRING', // "way/123" or "relation/456"
  name: 'STRING',
  name_zh: 'STRING',
  name_en: 'STRING',
  name_zh_source: 'STRING', // one of nameZhSourceSchema, "" when unnamed
  name_en_source: 'STRING', // one of nameEnSourceSchema, "" when unnamed
  height: 'FLOAT32', // metres above ground of the top
  min_height: 'FLOAT32', // metres above ground of the bottom (building parts over a passage)
  levels: 'UINT16', // 0 where unknown
  use_class: 'STRING', // one of USE_CLASSES
  height_source: 'STRING', // one of heightSourceSchema
} as const;

/** Canonical ISO codes for display names. */
export const localizedNameSchema = z.object({ zh: z.string(), en: z.string() });
export type LocalizedName = z.infer<typeof localizedNameSchema>;

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/** A camera view: where the eye looks at, from how far, in which direction (degrees, metres). */
export const cameraViewSchema = z.object({
  id: z.string().min(1),
  name: localizedNameSchema,
  target: lonLat, // the point looked at, on the ground
  range: z.number().positive(), // eye distance from the target, metres
  heading: z.number(), // degrees clockwise from north
  pitch: z.number().min(-90).max(0), // degrees, negative looks down
});
export type CameraView = z.infer<typeof cameraViewSchema>;

/** POI categories; "government" includes administrative service halls. */
export const PLACE_CATEGORIES = ['government', 'hospital', 'school', 'mall', 'park', 'parking', 'bus_stop', 'police', 'library'] as const;
export const placeCategorySchema = z.enum(PLACE_CATEGORIES);
export type PlaceCategory = z.infer<typeof placeCategorySchema>;

export const manifestSchema = z.object({
  format: z.literal(CITY_PACK_FORMAT),
  id: fileIdSchema('a city id'),
  name: localizedNameSchema,
  /** [west, south, east, north] in degrees, WGS84. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  centre: lonLat,
  /** IANA time zone of the city's local time (the clock, the daily profiles, the weather day). */
  timeZone: z.string().min(1),
  crs: z.object({
    /** Coordinates in the pack: always WGS84 longitude/latitude, heights in metres above the ellipsoid surface. */
    coordinates: z.literal('EPSG:4326'),
    /** The datum the source declared or the builder was told; the builder never shifts coordinates. */
    sourceDatum: z.string(),
    note: z.string(),
  }),
  defaultView: cameraViewSchema,
  views: z.array(cameraViewSchema),
  files: z.object({
    tileset: z.string(),
    roads: z.string(),
    graph: z.string(),
    ground: z.string(),
    places: z.string(),
  }),
  counts: z.object({
    buildings: z.number().int().nonnegative(),
    buildingsByUse: z.record(z.string(), z.number().int().nonnegative()),
    buildingsByHeightSource: z.record(z.string(), z.number().int().nonnegative()),
    roads: z.number().int().nonnegative(),
    roadKm: z.number().nonnegative(),
    graphNodes: z.number().int().nonnegative(),
    graphEdges: z.number().int().nonnegative(),
    /** Share of drivable road length inside the largest strongly connected component. */
    graphLargestComponentShare: z.number().min(0).max(1),
    places: z.number().int().nonnegative(),
    placesByCategory: z.record(z.string(), z.number().int().nonnegative()),
    water: z.number().int().nonnegative(),
    green: z.number().int().nonnegative(),
    tiles: z.number().int().nonnegative(),
  }),
  /** Tallest building top, metres, so clients can bound the camera and the scene. */
  maxHeight: z.number().nonnegative(),
  source: z.object({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    generator: z.string(),
  }),
  builtAt: z.string(),
  builder: z.string(),
  attribution: z.object({
    text: z.string(),
    licence: z.string(),
    url: z.string(),
  }),
});
export type CityManifest = z.infer<typeof manifestSchema>;

export const roadPropertiesSchema = z.object({
  osm_id: z.string(),
  class: z.string(), // the highway=* value
  ...namesShape,
  lanes: z.number().int().positive(),
  oneway: z.boolean(),
  maxspeed: z.number().positive(), // km/h
  drivable: z.boolean(),
  bridge: z.boolean(),
  tunnel: z.boolean(),
  /** Which of lanes/maxspeed/oneway were defaulted from the class rather than tagged. */
  inferred: z.array(z.enum(['lanes', 'maxspeed', 'oneway'])),
});
export type RoadProperties = z.infer<typeof roadPropertiesSchema>;

export const groundPropertiesSchema = z.object({
  kind: z.enum(['water', 'green', 'outline']),
  subkind: z.string(), // e.g. river, park, grass; "bounds" for the outline
  osm_id: z.string().nullable(),
  ...namesShape,
});
export type GroundProperties = z.infer<typeof groundPropertiesSchema>;

export const placePropertiesSchema = z.object({
  osm_id: z.string(),
  category: placeCategorySchema,
  /** The OSM tag that decided the category, e.g. "amenity=hospital". */
  tag: z.string(),
  ...namesShape,
  /** Parking only: number of spaces, and whether it was tagged or estimated. */
  capacity: z.number().int().nonnegative().nullable(),
  capacity_source: z.enum(['tag', 'area', 'default']).nullable(),
  /** Footprint area in m² for places mapped as areas, else null. */
  area: z.number().nonnegative().nullable(),
});
export type PlaceProperties = z.infer<typeof placePropertiesSchema>;

/**
 * The routable graph, as flat parallel arrays (one JSON.parse, no object per edge).
 * Edge i runs from node edges.from[i] to node edges.to[i]; its polyline is
 * shape.lon/lat[edges.shapeStart[i] .. edges.shapeStart[i] + edges.shapeCount[i]).
 * edges.road[i] is the index of the feature in roads.geojson that the edge lies on.
 */
export const roadGraphSchema = z.object({
  format: z.literal(CITY_PACK_FORMAT),
  nodes: z.object({
    lon: z.array(z.number()),
    lat: z.array(z.number()),
    osmNode: z.array(z.number()),
  }),
  edges: z.object({
    from: z.array(z.number().int().nonnegative()),
    to: z.array(z.number().int().nonnegative()),
    lengthM: z.array(z.number().nonnegative()),
    freeFlowS: z.array(z.number().nonnegative()),
    speedKph: z.array(z.number().positive()),
    lanes: z.array(z.number().int().positive()),
    road: z.array(z.number().int().nonnegative()),
    shapeStart: z.array(z.number().int().nonnegative()),
    shapeCount: z.array(z.number().int().min(2)),
  }),
  shape: z.object({ lon: z.array(z.number()), lat: z.array(z.number()) }),
});
export type RoadGraphFile = z.infer<typeof roadGraphSchema>;

/** roads.geojson as the browser reads it: each road's properties (geometry is drawn from graph.json, not read here). */
export const roadsFileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ properties: roadPropertiesSchema })),
});
export type RoadsFile = z.infer<typeof roadsFileSchema>;
