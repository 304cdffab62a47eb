/** Service requests layer: 12345/12319 cases (Open311) from the feed as points, open and closed. */
import { Cartesian3, Color, NearFarScalar, PointPrimitiveCollection, type PointPrimitive } from 'cesium';
import type { ServiceRequest } from '../../protocol/entities';
import { entitiesOfType } from '../../store/feed-slice';
import { defineLayer } from '../define-layer';
import { caseStyle, isNewCase, isPlaced } from './service-request-style';

/** Props of the service requests layer. */
export interface ServiceRequestsLayerProps {
  /** Height above the ground of the points, m. */
  height: number;
  /** How long a case that arrives live stays highlighted, real ms. */
  freshMs: number;
  /** A case requested this recently in sim time is highlighted, ms. */
  recentSimMs: number;
}

/** Defaults of the service requests layer. */
export const SERVICE_REQUESTS_LAYER_DEFAULTS: ServiceRequestsLayerProps = { height: 20, freshMs: 20_000, recentSimMs: 30 * 60_000 };

/** The service requests layer. */
export const createServiceRequestsLayer = defineLayer<ServiceRequestsLayerProps>({
  name: 'service-requests',
  defaults: SERVICE_REQUESTS_LAYER_DEFAULTS,
  attach(ctx) {
    const { store, props: options } = ctx;
    const points = new PointPrimitiveCollection();
    // One point per case, kept by id: the collection changes only where the feed did.
    const shown = new Map<string, { point: PointPrimitive; request: ServiceRequest; firstSeen: number }>();
    // Until the room's first snapshot, nothing on the map is "just arrived".
    let snapshotSeen = false;
    const sync = () => {
      const now = performance.now();
      const feed = store.getState().feed;
      const current = entitiesOfType(feed, 'ServiceRequest');
      const seen = new Set<string>();
      // A case with no coordinates (an address the city could not place) is listed, not drawn.
      for (const request of current.filter(isPlaced)) {
        seen.add(request.id);
        let entry = shown.get(request.id);
        if (!entry) {
          const point = points.add({
            position: Cartesian3.fromDegrees(request.long, request.lat, options.height),
            outlineColor: Color.fromCssColorString('#0b1320'),
            outlineWidth: 2,
            scaleByDistance: new NearFarScalar(500, 1.2, 8000, 0.6),
            disableDepthTestDistance: Number.POSITIVE_INFINITY,
          });
          // Cases already there when the wall joined did not just arrive.
          entry = { point, request, firstSeen: snapshotSeen ? now : -Infinity };
          shown.set(request.id, entry);
        }
        entry.request = request;
        const style = caseStyle(request, isNewCase(request, feed.t, options.recentSimMs, now - entry.firstSeen, options.freshMs));
        entry.point.color = Color.fromCssColorString(style.colour);
        entry.point.pixelSize = style.size;
      }
      for (const [id, entry] of shown) {
        if (seen.has(id)) continue;
        points.remove(entry.point);
        shown.delete(id);
      }
      if (feed.room !== null) snapshotSeen = true;
      ctx.viewer.scene.requestRender();
    };
    ctx.add(points);
    sync();
    ctx.subscribe((state, previous) => {
      if (state.feed.version !== previous.feed.version) sync();
    });
    // Fresh cases shrink back after a while even when the feed is quiet.
    const timer = setInterval(sync, options.freshMs / 2);
    ctx.onDispose(() => clearInterval(timer));
    ctx.visible((visible) => {
      points.show = visible;
      ctx.viewer.scene.requestRender();
    });
    ctx.ready();
  },
});
