/** Ground layer: the table top (pack outline), green and water areas, one batched primitive per kind. */
import {
  ArcType,
  Cartesian3,
  Color,
  GeometryInstance,
  JulianDate,
  Material,
  MaterialAppearance,
  Math as CesiumMath,
  PolygonGeometry,
  PolygonHierarchy,
  PolylineGeometry,
  PolylineMaterialAppearance,
  Primitive,
  ShadowMode,
} from 'cesium';
import type { GroundProperties } from '../../protocol/city-pack';
import { fetchPackFeatures, type PackFeature } from '../../connection/city-pack-source';
import { nightFactor, sunElevationDeg } from '../../scene/sun-position';
import { cleanLine } from '../../city/clean-line';
import { defineLayer } from '../define-layer';

/** Props of the ground layer. */
export interface GroundLayerProps {
  /** Colour of the pack's outline, the "table top" the city stands on. */
  tableColour: string;
  waterColour: string;
  greenColour: string;
  /** Width in pixels of rivers mapped as lines. */
  riverWidth: number;
  /** How much darker the ground gets at night (0 none, 1 black). */
  nightDimming: number;
}

/** Defaults of the ground layer. */
export const GROUND_LAYER_DEFAULTS: GroundLayerProps = {
  tableColour: '#1d2c42',
  waterColour: '#2a6f9e',
  greenColour: '#3f7a4c',
  riverWidth: 3,
  nightDimming: 0.55,
};

type Ring = [number, number][];
type PolygonKind = 'outline' | 'green' | 'water';

/** Height of each kind above the ellipsoid, metres: apart enough that none z-fights. */
export const GROUND_HEIGHTS: Record<PolygonKind, number> = { outline: 0.2, green: 0.6, water: 1.0 };

/** The polygons (rings) of each kind, from Polygon and MultiPolygon features. */
export function groundPolygonsByKind(features: PackFeature<GroundProperties>[]): Record<PolygonKind, Ring[][]> {
  const byKind: Record<PolygonKind, Ring[][]> = { outline: [], green: [], water: [] };
  for (const feature of features) {
    const list = byKind[feature.properties.kind];
    if (!list) continue;
    if (feature.geometry.type === 'Polygon') list.push(feature.geometry.coordinates);
    else if (feature.geometry.type === 'MultiPolygon') list.push(...feature.geometry.coordinates);
  }
  return byKind;
}

function polygonInstance(rings: Ring[], height: number): GeometryInstance | null {
  const [outer, ...holes] = rings;
  if (!outer || outer.length < 4) return null;
  const toPositions = (ring: Ring) => Cartesian3.fromDegreesArray(ring.flat());
  return new GeometryInstance({
    geometry: new PolygonGeometry({
      polygonHierarchy: new PolygonHierarchy(
        toPositions(outer),
        holes.filter((h) => h.length >= 4).map((h) => new PolygonHierarchy(toPositions(h))),
      ),
      height,
      // ~50 m facets: with the default 1° a flat 4 km polygon sags decimetres below the curved surface.
      granularity: CesiumMath.toRadians(0.0005),
      vertexFormat: MaterialAppearance.MaterialSupport.BASIC.vertexFormat,
    }),
  });
}

function colourMaterial(css: string): Material {
  return Material.fromType('Color', { color: Color.fromCssColorString(css) });
}

/** The ground layer. */
export const createGroundLayer = defineLayer<GroundLayerProps>({
  name: 'ground',
  defaults: GROUND_LAYER_DEFAULTS,
  async attach(ctx) {
    const { scene, props: options } = ctx;
    const features = await fetchPackFeatures<GroundProperties>(scene.pack, scene.pack.manifest.files.ground, ctx.signal);
    ctx.signal.throwIfAborted();
    const byKind = groundPolygonsByKind(features);
    const colours: Record<PolygonKind, string> = { outline: options.tableColour, green: options.greenColour, water: options.waterColour };
    const materials: { material: Material; base: Color }[] = [];
    const primitives: Primitive[] = [];
    for (const kind of ['outline', 'green', 'water'] as const) {
      const instances = byKind[kind].map((rings) => polygonInstance(rings, GROUND_HEIGHTS[kind])).filter((i): i is GeometryInstance => i !== null);
      if (instances.length === 0) continue;
      const material = colourMaterial(colours[kind]);
      materials.push({ material, base: Color.fromCssColorString(colours[kind]) });
      // Flat (unlit): a colour per kind, dimmed with the night below, reads the same from every angle.
      const appearance = new MaterialAppearance({ material, flat: true, faceForward: false, materialSupport: MaterialAppearance.MaterialSupport.BASIC });
      // The table and its water and green take the buildings' shadows.
      primitives.push(new Primitive({ geometryInstances: instances, appearance, asynchronous: true, shadows: ShadowMode.RECEIVE_ONLY }));
    }
    const rivers = features
      .filter((f) => f.properties.kind === 'water' && f.geometry.type === 'LineString')
      .flatMap((f) => cleanLine(f.geometry.coordinates as Ring))
      .map(
        (part) =>
          new GeometryInstance({
            geometry: new PolylineGeometry({
              positions: Cartesian3.fromDegreesArrayHeights(part.flatMap(([lon, lat]) => [lon, lat, GROUND_HEIGHTS.water])),
              width: options.riverWidth,
              arcType: ArcType.NONE,
              vertexFormat: PolylineMaterialAppearance.VERTEX_FORMAT,
            }),
          }),
      );
    if (rivers.length > 0) {
      const material = colourMaterial(options.waterColour);
      materials.push({ material, base: Color.fromCssColorString(options.waterColour) });
      primitives.push(new Primitive({ geometryInstances: rivers, appearance: new PolylineMaterialAppearance({ material }), asynchronous: true }));
    }
    const cesiumScene = ctx.viewer.scene;
    for (const primitive of primitives) ctx.add(primitive);

    const [lon, lat] = scene.pack.manifest.centre;
    let dim = -1;
    ctx.on(cesiumScene.preUpdate, (_scene: unknown, time: JulianDate) => {
      const next = Math.round(nightFactor(sunElevationDeg(JulianDate.toDate(time).getTime(), lon, lat)) * options.nightDimming * 50) / 50;
      if (next === dim) return;
      dim = next;
      for (const { material, base } of materials) Color.multiplyByScalar(base, 1 - dim, material.uniforms.color as Color).alpha = 1;
    });
    ctx.visible((visible) => {
      for (const primitive of primitives) primitive.show = visible;
      cesiumScene.requestRender();
    });
    ctx.readyWhenDrawn(primitives);
  },
});
