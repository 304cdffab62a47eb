/**
 * Congestion layer: every graph edge with a current TrafficFlowObserved drawn over its road in the
 * colour of its congestion level, in one batched polyline primitive. Colours change through
 * per-instance attributes when the feed changes (never per frame, never a rebuild).
 */
import { ArcType, Cartesian3, Color, ColorGeometryInstanceAttribute, GeometryInstance, PolylineColorAppearance, PolylineGeometry, Primitive, ShowGeometryInstanceAttribute } from 'cesium';
import type { TrafficFlowObserved } from '../../protocol/entities';
import { fetchPackGraph } from '../../connection/pack-graph';
import { entitiesOfType } from '../../store/feed-slice';
import { defineLayer } from '../define-layer';
import { CONGESTION_COLOURS, edgeClasses, type CongestionClass } from './congestion-style';
import { offsetLine } from './offset-line';

/** Props of the congestion layer. */
export interface CongestionLayerProps {
  /** Height above the ground (m), just over the roads. */
  height: number;
  /** Line width, px. */
  width: number;
  /** Sideways shift (m) to the right of travel, so both directions of a street show. */
  offset: number;
}

/** Defaults of the congestion layer. */
export const CONGESTION_LAYER_DEFAULTS: CongestionLayerProps = { height: 3, width: 4, offset: 3 };

/** The congestion layer. */
export const createCongestionLayer = defineLayer<CongestionLayerProps>({
  name: 'congestion',
  defaults: CONGESTION_LAYER_DEFAULTS,
  async attach(ctx) {
    const { scene, store, props: options } = ctx;
    const { graph } = await fetchPackGraph(scene.pack);
    ctx.signal.throwIfAborted();
    const edgeCount = graph.edges.from.length;
    const hidden = ShowGeometryInstanceAttribute.toValue(false);
    const instances: GeometryInstance[] = [];
    for (let edge = 0; edge < edgeCount; edge++) {
      const line = offsetLine(graph.shape.lon, graph.shape.lat, graph.edges.shapeStart[edge]!, graph.edges.shapeCount[edge]!, options.offset);
      instances.push(
        new GeometryInstance({
          id: edge,
          geometry: new PolylineGeometry({
            positions: Cartesian3.fromDegreesArrayHeights(line.flatMap(([lon, lat]) => [lon, lat, options.height])),
            width: options.width,
            arcType: ArcType.NONE,
            vertexFormat: PolylineColorAppearance.VERTEX_FORMAT,
          }),
          attributes: { color: ColorGeometryInstanceAttribute.fromColor(Color.WHITE), show: new ShowGeometryInstanceAttribute(false) },
        }),
      );
    }
    const primitive = ctx.add(new Primitive({ geometryInstances: instances, appearance: new PolylineColorAppearance({ translucent: false }), asynchronous: true }));

    const colours = Object.fromEntries(Object.entries(CONGESTION_COLOURS).map(([cls, css]) => [cls, ColorGeometryInstanceAttribute.toValue(Color.fromCssColorString(css))])) as Record<
      CongestionClass,
      Uint8Array
    >;
    const shownValue = ShowGeometryInstanceAttribute.toValue(true);
    const classes: (CongestionClass | null)[] = new Array(edgeCount).fill(null);
    const drawn: (CongestionClass | null)[] = new Array(edgeCount).fill(null);
    let primitiveReady = false;
    const apply = () => {
      if (!primitiveReady) return;
      for (let edge = 0; edge < edgeCount; edge++) {
        const cls = classes[edge]!;
        if (drawn[edge] === cls) continue;
        const attributes = primitive.getGeometryInstanceAttributes(edge) as { color: Uint8Array; show: Uint8Array };
        if (cls) attributes.color = colours[cls];
        attributes.show = cls ? shownValue : hidden;
        drawn[edge] = cls;
      }
      scene.viewer.scene.requestRender();
    };
    const sync = () => {
      if (edgeClasses(entitiesOfType(store.getState().feed, 'TrafficFlowObserved') as TrafficFlowObserved[], classes)) apply();
    };
    sync();
    ctx.subscribe((state, previous) => {
      if (state.feed.version !== previous.feed.version) sync();
    });
    ctx.readyWhenDrawn([primitive], () => {
      primitiveReady = true;
      apply();
    });
    ctx.visible((visible) => {
      primitive.show = visible;
      scene.viewer.scene.requestRender();
    });
  },
});
