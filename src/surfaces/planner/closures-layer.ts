/**
 * The planner's closures layer: closed road segments drawn red, and the map click that closes (or
 * reopens) the nearest segment or places the event. A registered live layer, so a rebuilt scene
 * (after a lost WebGL context or a render error) attaches it again and redraws the draft's closures.
 */
import {
  ArcType,
  BoundingSphere,
  Cartesian3,
  Cartographic,
  Color,
  HeadingPitchRange,
  Material,
  Math as CesiumMath,
  PolylineCollection,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
  type Cartesian2,
} from 'cesium';
import { bindVisibility } from '../../layers/layer-binding';
import type { LayerScene, LiveLayer } from '../../layers/live-layer';
import type { RoadGraphFile } from '../../protocol/city-pack';
import type { AppStore } from '../../store/app-store';
import { edgeLine } from '../../city/nearest-edge';
import { pickOnMap } from './pick-on-map';
import type { ClosedSegment, PlannerStore } from './planner-store';

/** What the layer reads: the pack's graph, the planner's draft, and how to name a road. */
export interface ClosuresLayerSources {
  graph: RoadGraphFile;
  planner: PlannerStore;
  roadName: (edge: number) => string | null;
}

/** Props of the closures layer. */
export interface ClosuresLayerProps {
  /** Line colour and width (px). */
  colour: string;
  width: number;
  /** Height above the ground (m): lifted a little so the line is not lost in the road surface. */
  height: number;
}

/** Defaults of the closures layer. */
export const CLOSURES_LAYER_DEFAULTS: ClosuresLayerProps = { colour: '#ff3b3b', width: 9, height: 6 };

/** The `id` every drawn closure line carries: the graph edges of its segment. */
export interface ClosureLineId {
  closedSegment: number[];
}

/** Creates the closures layer over the planner's draft. */
export function createClosuresLayer(sources: ClosuresLayerSources, props: Partial<ClosuresLayerProps> = {}): LiveLayer {
  const options = { ...CLOSURES_LAYER_DEFAULTS, ...props };
  const { graph, planner, roadName } = sources;
  const cleanups: (() => void)[] = [];

  return {
    name: 'closures',
    async attach(scene: LayerScene, store: AppStore) {
      const viewer = scene.viewer;
      const lines = viewer.scene.primitives.add(new PolylineCollection()) as PolylineCollection;
      cleanups.push(() => {
        if (!viewer.isDestroyed()) viewer.scene.primitives.remove(lines);
      });
      const colour = Color.fromCssColorString(options.colour);
      const draw = (segments: ClosedSegment[]) => {
        lines.removeAll();
        for (const segment of segments) {
          const id: ClosureLineId = { closedSegment: segment.edges };
          lines.add({
            id,
            positions: edgeLine(graph, segment.edges[0]!).map(([lon, lat]) => Cartesian3.fromDegrees(lon, lat, options.height)),
            width: options.width,
            // A material per line: a removed polyline destroys its material, so a shared one would
            // leave the next line drawing with a destroyed object (Cesium's "This object was destroyed").
            material: Material.fromType('Color', { color: colour }),
            arcType: ArcType.NONE,
          });
        }
        viewer.scene.requestRender();
      };
      let shown = planner.getState().draft.segments;
      draw(shown);
      cleanups.push(
        planner.subscribe((s) => {
          if (s.draft.segments !== shown) draw((shown = s.draft.segments));
        }),
      );

      const handler = new ScreenSpaceEventHandler(viewer.canvas);
      handler.setInputAction((click: { position: Cartesian2 }) => {
        const point = viewer.camera.pickEllipsoid(click.position, viewer.scene.globe.ellipsoid);
        if (!point) return;
        const c = Cartographic.fromCartesian(point);
        pickOnMap(graph, planner, roadName, CesiumMath.toDegrees(c.longitude), CesiumMath.toDegrees(c.latitude));
      }, ScreenSpaceEventType.LEFT_CLICK);
      cleanups.push(() => handler.destroy());

      // A loaded scenario: look at its closures from the south-west, high enough to see the roads around them.
      let loads = planner.getState().loads;
      cleanups.push(
        planner.subscribe((s) => {
          if (s.loads === loads) return;
          loads = s.loads;
          const points = s.draft.segments.flatMap((segment) => edgeLine(graph, segment.edges[0]!)).map(([lon, lat]) => Cartesian3.fromDegrees(lon, lat, 0));
          if (points.length === 0) return;
          const sphere = BoundingSphere.fromPoints(points);
          viewer.camera.flyToBoundingSphere(sphere, { offset: new HeadingPitchRange(CesiumMath.toRadians(20), CesiumMath.toRadians(-42), Math.max(1800, sphere.radius * 3.5)), duration: 1.5 });
        }),
      );

      cleanups.push(
        bindVisibility(store, 'closures', (visible) => {
          lines.show = visible;
          viewer.scene.requestRender();
        }),
      );
      store.getState().setLayerReady('closures', true);
    },
    dispose() {
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    },
  };
}
