/** Roads layer: every road of the pack as one batched polyline primitive, styled by class. */
import { ArcType, Cartesian3, Color, ColorGeometryInstanceAttribute, GeometryInstance, PolylineColorAppearance, PolylineGeometry, Primitive } from 'cesium';
import type { RoadProperties } from '../../protocol/city-pack';
import { fetchPackFeatures } from '../../connection/city-pack-source';
import { defineLayer } from '../define-layer';
import { cleanLine } from '../../city/clean-line';
import { roadStyleFor } from './road-style';

/** Props of the roads layer. */
export interface RoadsLayerProps {
  /** Height above the ground in metres, over the water and green polygons. */
  height: number;
  /** Multiplies every road width (a 4K wall wants wider lines than a laptop). */
  widthScale: number;
  /** Leave out footways, paths and steps. */
  hidePaths: boolean;
}

/** Defaults of the roads layer. */
export const ROADS_LAYER_DEFAULTS: RoadsLayerProps = { height: 1.5, widthScale: 1, hidePaths: false };

/** The roads layer. */
export const createRoadsLayer = defineLayer<RoadsLayerProps>({
  name: 'roads',
  defaults: ROADS_LAYER_DEFAULTS,
  async attach(ctx) {
    const { scene, props: options } = ctx;
    const features = await fetchPackFeatures<RoadProperties>(scene.pack, scene.pack.manifest.files.roads, ctx.signal);
    ctx.signal.throwIfAborted();
    const instances: GeometryInstance[] = [];
    const sorted = features
      .filter((f) => f.geometry.type === 'LineString' && !f.properties.tunnel)
      .map((f) => ({ feature: f, style: roadStyleFor(f.properties.class) }))
      .filter(({ style }) => !(options.hidePaths && style.rank === 0))
      .sort((a, b) => a.style.rank - b.style.rank);
    for (const { feature, style } of sorted) {
      // Higher ranks sit a few centimetres higher so junctions draw main roads on top.
      const height = options.height + style.rank * 0.1 + (feature.properties.bridge ? 4 : 0);
      const colour = ColorGeometryInstanceAttribute.fromColor(Color.fromCssColorString(style.colour));
      for (const part of cleanLine(feature.geometry.coordinates as [number, number][])) {
        instances.push(
          new GeometryInstance({
            geometry: new PolylineGeometry({
              positions: Cartesian3.fromDegreesArrayHeights(part.flatMap(([lon, lat]) => [lon, lat, height])),
              width: style.width * options.widthScale,
              arcType: ArcType.NONE,
              vertexFormat: PolylineColorAppearance.VERTEX_FORMAT,
            }),
            attributes: { color: colour },
          }),
        );
      }
    }
    if (instances.length === 0) return ctx.ready();
    const primitive = ctx.add(new Primitive({ geometryInstances: instances, appearance: new PolylineColorAppearance(), asynchronous: true }));
    ctx.visible((visible) => {
      primitive.show = visible;
      ctx.viewer.scene.requestRender();
    });
    ctx.readyWhenDrawn([primitive]);
  },
});
