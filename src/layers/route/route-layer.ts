/**
 * Route layer: the travel guide's fastest route under current traffic as one polyline, home and
 * destination markers, and the map pick that moves them. It only draws: the route poller
 * (src/connection/route-poller.ts) asks the server and puts the reply in the guide slice.
 */
import { Cartesian3, Color, LabelCollection, LabelStyle, Material, PointPrimitiveCollection, PolylineCollection } from 'cesium';
import { defaultCommute } from '../../city/default-commute';
import { nearestPlaceName, type NamedPlace } from '../../city/nearest-place';
import { translate } from '../../i18n/translate';
import type { PlaceProperties } from '../../protocol/city-pack';
import type { RouteReply } from '../../protocol/guide';
import { fetchPackFeatures } from '../../connection/city-pack-source';
import { defineLayer } from '../define-layer';
import { onGroundClick } from '../ground-click';

/** Props of the route layer. */
export interface RouteLayerProps {
  /** Line width (px) and colour. */
  width: number;
  colour: string;
  /** Height above the ground (m), over the congestion lines. */
  height: number;
}

/** Defaults of the route layer. */
export const ROUTE_LAYER_DEFAULTS: RouteLayerProps = { width: 9, colour: '#e879f9', height: 5 };

/** Size (px) of the home and destination dots. */
const END_POINT_PX = 16;

const CJK = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** The route layer. */
export const createRouteLayer = defineLayer<RouteLayerProps>({
  name: 'route',
  defaults: ROUTE_LAYER_DEFAULTS,
  async attach(ctx) {
    const { viewer, scene, store } = ctx;
    const lines = new PolylineCollection();
    const line = lines.add({ positions: [], width: ctx.props.width, material: Material.fromType('Color', { color: Color.fromCssColorString(ctx.props.colour) }), show: false });
    const ends = new PointPrimitiveCollection();
    const labels = new LabelCollection();
    const endPoint = (colour: string) =>
      ends.add({
        position: Cartesian3.ZERO,
        pixelSize: END_POINT_PX,
        color: Color.fromCssColorString(colour),
        outlineColor: Color.WHITE,
        outlineWidth: 3,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
        show: false,
      });
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
    for (const primitive of [lines, ends, labels]) ctx.add(primitive);
    ctx.onDispose(() => scene.labels.removeAll(labels));

    // An end at a named place says which, in the locale: "Home · Gucheng Park".
    const places = await fetchPackFeatures<PlaceProperties>(scene.pack, scene.pack.manifest.files.places, ctx.signal).catch(() => []);
    ctx.signal.throwIfAborted();
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
        point.position = label.label.position = Cartesian3.fromDegrees(lonLat[0], lonLat[1], ctx.props.height + 2);
        const name = nearestPlaceName(namedPlaces, lonLat, locale);
        label.label.text = name ? translate(locale, end === 'home' ? 'route.homeAt' : 'route.destinationAt', { name }) : translate(locale, end === 'home' ? 'route.home' : 'route.destination');
      }
      viewer.scene.requestRender();
    };
    const drawRoute = (reply: RouteReply | null) => {
      line.show = Boolean(reply?.ok);
      if (reply?.ok) line.positions = Cartesian3.fromDegreesArrayHeights(reply.coordinates.flatMap(([lon, lat]) => [lon, lat, ctx.props.height]));
      viewer.scene.requestRender();
    };

    // The route itself comes from the route poller (src/connection/route-poller.ts) through the guide slice.
    ctx.subscribe((state, previous) => {
      if (state.guide !== previous.guide) {
        if (state.guide.route !== previous.guide.route) drawRoute(state.guide.route);
        drawEnds();
      } else if (state.locale !== previous.locale) {
        drawEnds();
      }
    });
    // A surface may restyle the route in place.
    ctx.onProps((props) => {
      line.width = props.width;
      (line.material.uniforms as { color: Color }).color = Color.fromCssColorString(props.colour);
      drawEnds();
      drawRoute(store.getState().guide.route);
    });

    // Map pick: while an end is being chosen, a tap on the map sets it.
    onGroundClick(ctx, (lon, lat) => {
      const end = store.getState().guide.picking;
      if (end) store.getState().setGuideEnd(end, [Number(lon.toFixed(6)), Number(lat.toFixed(6))]);
    });

    ctx.visible((visible) => {
      lines.show = ends.show = labels.show = visible;
      viewer.scene.requestRender();
    });

    drawEnds();
    drawRoute(store.getState().guide.route);
    // The default commute, so a route shows from the start.
    if (!store.getState().guide.home && !store.getState().guide.destination) {
      const pair = defaultCommute(
        places.flatMap((f) =>
          f.geometry.type === 'Point' ? [{ lonLat: f.geometry.coordinates, category: f.properties.category, named: Boolean(f.properties.name || f.properties.name_zh || f.properties.name_en) }] : [],
        ),
      );
      if (pair && !store.getState().guide.home) {
        store.getState().setGuideEnd('home', pair.home);
        store.getState().setGuideEnd('destination', pair.work);
      }
    }
    ctx.ready();
  },
});
