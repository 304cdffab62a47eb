/**
 * Route layer: the travel guide's fastest route under current traffic (GET /api/route) as one
 * polyline, home and destination markers, and the map pick that moves them. The route is asked for
 * again when an end moves and every `refreshSimMs` of sim time, so it follows the traffic.
 */
import {
  Cartesian2,
  Cartesian3,
  Cartographic,
  Color,
  LabelCollection,
  LabelStyle,
  Material,
  Math as CesiumMath,
  PointPrimitiveCollection,
  PolylineCollection,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
} from 'cesium';
import { defaultCommute } from '../../city/default-commute';
import { nearestPlaceName, type NamedPlace } from '../../city/nearest-place';
import { translate } from '../../i18n/translate';
import type { PlaceProperties } from '../../protocol/city-pack';
import { simTimeAt } from '../../protocol/clock';
import type { RouteReply } from '../../protocol/guide';
import { fetchPackFeatures } from '../../scene/city-pack-source';
import type { AppStore } from '../../store/app-store';
import { bindVisibility } from '../layer-binding';
import type { LayerScene, LiveLayer } from '../live-layer';

/** Props of the route layer. */
export interface RouteLayerProps {
  /** Ask for the route again after this much sim time (ms): sim 5 minutes, the feed's flow interval. */
  refreshSimMs: number;
  /** Line width (px) and colour. */
  width: number;
  colour: string;
  /** Height above the ground (m), over the congestion lines. */
  height: number;
}

/** Defaults of the route layer. */
export const ROUTE_LAYER_DEFAULTS: RouteLayerProps = { refreshSimMs: 5 * 60_000, width: 9, colour: '#e879f9', height: 5 };

/** Size (px) of the home and destination dots. */
const END_POINT_PX = 16;

const CJK = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Creates the route layer. */
export function createRouteLayer(props: Partial<RouteLayerProps> = {}): LiveLayer {
  const options = { ...ROUTE_LAYER_DEFAULTS, ...props };
  const cleanups: (() => void)[] = [];
  let disposed = false;

  return {
    name: 'route',
    async attach(scene: LayerScene, store: AppStore) {
      const viewer = scene.viewer;
      const lines = new PolylineCollection();
      const line = lines.add({ positions: [], width: options.width, material: Material.fromType('Color', { color: Color.fromCssColorString(options.colour) }), show: false });
      const ends = new PointPrimitiveCollection();
      const labels = new LabelCollection();
      const endPoint = (colour: string) =>
        ends.add({ position: Cartesian3.ZERO, pixelSize: END_POINT_PX, color: Color.fromCssColorString(colour), outlineColor: Color.WHITE, outlineWidth: 3, disableDepthTestDistance: Number.POSITIVE_INFINITY, show: false });
      // Route ends lead the declutter: place names make room beside them, and nothing covers their dots.
      const endLabel = () =>
        scene.labels.add(
          labels,
          labels.add({
            position: Cartesian3.ZERO,
            text: '',
            font: `700 28px ${CJK}`,
            fillColor: Color.WHITE,
            outlineColor: Color.fromCssColorString('#0b1320'),
            outlineWidth: 4,
            style: LabelStyle.FILL_AND_OUTLINE,
            disableDepthTestDistance: Number.POSITIVE_INFINITY,
          }),
          { kind: 'route-end', anchorSize: END_POINT_PX + 8 },
        );
      const homePoint = endPoint('#f0abfc');
      const workPoint = endPoint('#a21caf');
      const homeLabel = endLabel();
      const workLabel = endLabel();
      for (const primitive of [lines, ends, labels]) {
        viewer.scene.primitives.add(primitive);
        cleanups.push(() => viewer.scene.primitives.remove(primitive));
      }
      cleanups.push(() => scene.labels.removeAll(labels));

      // An end at a named place says which, in the locale: "Home · Gucheng Park".
      const places = await fetchPackFeatures<PlaceProperties>(scene.pack, scene.pack.manifest.files.places, scene.signal).catch(() => []);
      if (disposed) return;
      const namedPlaces: NamedPlace[] = places.flatMap((f) => (f.geometry.type === 'Point' ? [{ lonLat: f.geometry.coordinates, names: f.properties }] : []));
      const drawEnds = () => {
        const { home, destination } = store.getState().guide;
        const locale = store.getState().locale;
        for (const [lonLat, point, label, end] of [
          [home, homePoint, homeLabel, 'home'],
          [destination, workPoint, workLabel, 'destination'],
        ] as const) {
          point.show = label.wanted = lonLat !== null;
          if (!lonLat) continue;
          point.position = label.label.position = Cartesian3.fromDegrees(lonLat[0], lonLat[1], options.height + 2);
          const name = nearestPlaceName(namedPlaces, lonLat, locale);
          label.label.text = name
            ? translate(locale, end === 'home' ? 'route.homeAt' : 'route.destinationAt', { name })
            : translate(locale, end === 'home' ? 'route.home' : 'route.destination');
        }
        viewer.scene.requestRender();
      };
      const drawRoute = (reply: RouteReply | null) => {
        line.show = Boolean(reply?.ok);
        if (reply?.ok) line.positions = Cartesian3.fromDegreesArrayHeights(reply.coordinates.flatMap(([lon, lat]) => [lon, lat, options.height]));
        viewer.scene.requestRender();
      };

      // Ask for the route; a newer request supersedes an older one still in flight.
      let asked = { home: null as [number, number] | null, destination: null as [number, number] | null, simTime: -Infinity };
      let request = 0;
      const refresh = async () => {
        const { guide, clock } = store.getState();
        if (!guide.home || !guide.destination || !clock.sync) return;
        const simTime = simTimeAt(clock.sync, Date.now(), clock.serverOffsetMs);
        const moved = guide.home !== asked.home || guide.destination !== asked.destination;
        if (!moved && Math.abs(simTime - asked.simTime) < options.refreshSimMs) return;
        asked = { home: guide.home, destination: guide.destination, simTime };
        const mine = ++request;
        const room = store.getState().feed.room ?? 'main';
        const query = `room=${encodeURIComponent(room)}&from=${guide.home.join(',')}&to=${guide.destination.join(',')}`;
        try {
          const response = await fetch(`/api/route?${query}`, { signal: scene.signal });
          const reply = (await response.json()) as RouteReply;
          if (mine === request && !disposed) store.getState().setGuideRoute(reply);
        } catch (error) {
          if (!disposed && mine === request) store.getState().setGuideRoute({ ok: false, error: String(error) });
        }
      };

      let heldGuide = store.getState().guide;
      let heldLocale = store.getState().locale;
      cleanups.push(
        store.subscribe((state) => {
          if (state.guide !== heldGuide) {
            const routeChanged = state.guide.route !== heldGuide.route;
            heldGuide = state.guide;
            if (routeChanged) drawRoute(state.guide.route);
            drawEnds();
            void refresh();
          } else if (state.locale !== heldLocale) {
            drawEnds();
          }
          heldLocale = state.locale;
        }),
      );
      // Sim time moves without store changes: look every couple of seconds whether a refresh is due.
      const timer = setInterval(() => void refresh(), 2_000);
      cleanups.push(() => clearInterval(timer));

      // Map pick: while an end is being chosen, a tap on the map sets it.
      const handler = new ScreenSpaceEventHandler(viewer.canvas);
      handler.setInputAction((click: { position: Cartesian2 }) => {
        const end = store.getState().guide.picking;
        if (!end) return;
        const ground = viewer.camera.pickEllipsoid(click.position, viewer.scene.globe.ellipsoid);
        if (!ground) return;
        const cartographic = Cartographic.fromCartesian(ground);
        store.getState().setGuideEnd(end, [Number(CesiumMath.toDegrees(cartographic.longitude).toFixed(6)), Number(CesiumMath.toDegrees(cartographic.latitude).toFixed(6))]);
      }, ScreenSpaceEventType.LEFT_CLICK);
      cleanups.push(() => handler.destroy());

      cleanups.push(
        bindVisibility(store, 'route', (visible) => {
          lines.show = ends.show = labels.show = visible;
          viewer.scene.requestRender();
        }),
      );

      drawEnds();
      drawRoute(store.getState().guide.route);
      // The default commute, so a route shows from the start.
      if (!store.getState().guide.home && !store.getState().guide.destination) {
        const pair = defaultCommute(
          places.flatMap((f) => (f.geometry.type === 'Point' ? [{ lonLat: f.geometry.coordinates, category: f.properties.category, named: Boolean(f.properties.name || f.properties.name_zh || f.properties.name_en) }] : [])),
        );
        if (pair && !store.getState().guide.home) {
          store.getState().setGuideEnd('home', pair.home);
          store.getState().setGuideEnd('destination', pair.work);
        }
      }
      store.getState().setLayerReady('route', true);
    },
    dispose() {
      disposed = true;
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    },
  };
}
