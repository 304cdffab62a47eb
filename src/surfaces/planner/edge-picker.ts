/** Cesium adapter: a click on the map closes (or reopens) the nearest road segment; closed segments are drawn red. */
import { ArcType, BoundingSphere, Cartesian3, HeadingPitchRange, Cartographic, Color, Material, Math as CesiumMath, PolylineCollection, ScreenSpaceEventHandler, ScreenSpaceEventType, type Viewer } from 'cesium';
import type { RoadGraphFile } from '../../protocol/city-pack';
import { edgeLine, nearestEdge, reverseEdge } from './nearest-edge';
import type { ClosedSegment, PlannerStore } from './planner-store';

/** The segment an edge belongs to: itself and the other direction of a two-way road. */
export function segmentOf(graph: RoadGraphFile, edge: number, roadName: (edge: number) => string | null): ClosedSegment {
  const other = reverseEdge(graph, edge);
  return { edges: other === null ? [edge] : [edge, other].sort((a, b) => a - b), road: roadName(edge), lengthM: graph.edges.lengthM[edge]! };
}

/** Attaches the picker and the highlight; returns the function that removes both. */
export function attachEdgePicker(viewer: Viewer, graph: RoadGraphFile, store: PlannerStore, roadName: (edge: number) => string | null): { pickAt: (lon: number, lat: number) => boolean; dispose: () => void } {
  const lines = viewer.scene.primitives.add(new PolylineCollection()) as PolylineCollection;
  const material = Material.fromType('Color', { color: Color.fromCssColorString('#ff3b3b') });
  const draw = (segments: ClosedSegment[]) => {
    lines.removeAll();
    for (const segment of segments) {
      const line = edgeLine(graph, segment.edges[0]!);
      // Lifted a little so it is not lost in the road surface.
      lines.add({ positions: line.map(([lon, lat]) => Cartesian3.fromDegrees(lon, lat, 6)), width: 9, material, arcType: ArcType.NONE });
    }
    viewer.scene.requestRender();
  };
  let shown = store.getState().draft.segments;
  draw(shown);
  const off = store.subscribe((s) => {
    if (s.draft.segments !== shown) draw((shown = s.draft.segments));
  });

  const pickAt = (lon: number, lat: number): boolean => {
    const state = store.getState();
    if (state.pickMode === 'event-point') {
      state.editEvent({ point: [Number(lon.toFixed(6)), Number(lat.toFixed(6))], placeOsmId: null });
      state.setPickMode('closure');
      return true;
    }
    const hit = nearestEdge(graph, lon, lat);
    if (!hit) return false;
    store.getState().toggleSegment(segmentOf(graph, hit.edge, roadName));
    return true;
  };
  const handler = new ScreenSpaceEventHandler(viewer.canvas);
  handler.setInputAction((click: { position: import('cesium').Cartesian2 }) => {
    const point = viewer.camera.pickEllipsoid(click.position, viewer.scene.globe.ellipsoid);
    if (!point) return;
    const c = Cartographic.fromCartesian(point);
    pickAt(CesiumMath.toDegrees(c.longitude), CesiumMath.toDegrees(c.latitude));
  }, ScreenSpaceEventType.LEFT_CLICK);

  /** Looks at the closed segments from the south-west, high enough to see the roads around them. */
  const focus = () => {
    const points = store.getState().draft.segments.flatMap((s) => edgeLine(graph, s.edges[0]!)).map(([lon, lat]) => Cartesian3.fromDegrees(lon, lat, 0));
    if (points.length === 0) return;
    const sphere = BoundingSphere.fromPoints(points);
    viewer.camera.flyToBoundingSphere(sphere, { offset: new HeadingPitchRange(CesiumMath.toRadians(20), CesiumMath.toRadians(-42), Math.max(1800, sphere.radius * 3.5)), duration: 1.5 });
  };
  let loads = store.getState().loads;
  const offLoads = store.subscribe((s) => {
    if (s.loads !== loads) {
      loads = s.loads;
      focus();
    }
  });

  return {
    pickAt,
    dispose: () => {
      off();
      offLoads();
      handler.destroy();
      if (!viewer.isDestroyed()) viewer.scene.primitives.remove(lines);
    },
  };
}
