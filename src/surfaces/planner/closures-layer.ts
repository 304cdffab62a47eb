/**
 * The planner's closures layer: closed road segments drawn red, and the map click that closes (or
 * reopens) the nearest segment or places the event. A registered live layer, so a rebuilt scene
 * (after a lost WebGL context or a render error) attaches it again and redraws the draft's closures.
 */
import { ArcType, BoundingSphere, Cartesian3, Color, HeadingPitchRange, Material, Math as CesiumMath, PolylineCollection } from 'cesium';
import { defineLayer } from '../../layers/define-layer';
import { onGroundClick } from '../../layers/ground-click';
import type { RoadGraphFile } from '../../protocol/city-pack';
import { edgeLine } from '../../city/nearest-edge';
import { pickOnMap } from './pick-on-map';
import type { ClosedSegment, PlannerStore } from './planner-store';

/** Props of the closures layer: what it reads (the pack's graph, the planner's draft, how to name a road) and how it draws. */
export interface ClosuresLayerProps {
  /** The pack's road graph and the planner's store; the planner passes both when it registers the layer. */
  graph: RoadGraphFile | null;
  planner: PlannerStore | null;
  roadName: (edge: number) => string | null;
  /** Line colour and width (px). */
  colour: string;
  width: number;
  /** Height above the ground (m): lifted a little so the line is not lost in the road surface. */
  height: number;
}

/** Defaults of the closures layer. */
export const CLOSURES_LAYER_DEFAULTS: ClosuresLayerProps = { graph: null, planner: null, roadName: () => null, colour: '#ff3b3b', width: 9, height: 6 };

/** The `id` every drawn closure line carries: the graph edges of its segment. */
export interface ClosureLineId {
  closedSegment: number[];
}

/** The closures layer over the planner's draft. */
export const createClosuresLayer = defineLayer<ClosuresLayerProps>({
  name: 'closures',
  defaults: CLOSURES_LAYER_DEFAULTS,
  attach(ctx) {
    const { viewer } = ctx;
    const { graph, planner } = ctx.props;
    if (!graph || !planner) throw new Error('the closures layer needs the pack graph and the planner store (props graph, planner)');
    const lines = ctx.add(new PolylineCollection());
    const draw = (segments: ClosedSegment[]) => {
      const { width, height } = ctx.props;
      const colour = Color.fromCssColorString(ctx.props.colour);
      lines.removeAll();
      for (const segment of segments) {
        const id: ClosureLineId = { closedSegment: segment.edges };
        lines.add({
          id,
          positions: edgeLine(graph, segment.edges[0]!).map(([lon, lat]) => Cartesian3.fromDegrees(lon, lat, height)),
          width,
          // A material per line: a removed polyline destroys its material, so a shared one would
          // leave the next line drawing with a destroyed object (Cesium's "This object was destroyed").
          material: Material.fromType('Color', { color: colour }),
          arcType: ArcType.NONE,
        });
      }
      viewer.scene.requestRender();
    };
    draw(planner.getState().draft.segments);
    ctx.subscribe(planner, (s, previous) => {
      if (s.draft.segments !== previous.draft.segments) draw(s.draft.segments);
    });
    ctx.onProps(() => draw(planner.getState().draft.segments));

    onGroundClick(ctx, (lon, lat) => pickOnMap(graph, planner, ctx.props.roadName, lon, lat));

    // A loaded scenario: look at its closures from the south-west, high enough to see the roads around them.
    ctx.subscribe(planner, (s, previous) => {
      if (s.loads === previous.loads) return;
      const points = s.draft.segments.flatMap((segment) => edgeLine(graph, segment.edges[0]!)).map(([lon, lat]) => Cartesian3.fromDegrees(lon, lat, 0));
      if (points.length === 0) return;
      const sphere = BoundingSphere.fromPoints(points);
      viewer.camera.flyToBoundingSphere(sphere, { offset: new HeadingPitchRange(CesiumMath.toRadians(20), CesiumMath.toRadians(-42), Math.max(1800, sphere.radius * 3.5)), duration: 1.5 });
    });

    ctx.visible((visible) => {
      lines.show = visible;
      viewer.scene.requestRender();
    });
    ctx.ready();
  },
});
