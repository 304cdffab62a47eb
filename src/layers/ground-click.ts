/** The map click (mouse or touch) of a layer: the point on the ground under it, in degrees, until the layer goes. */
import { Cartographic, Math as CesiumMath, ScreenSpaceEventHandler, ScreenSpaceEventType, type Cartesian2 } from 'cesium';
import type { LayerContext } from './define-layer';

/** Calls `apply(lon, lat)` with the ellipsoid point under each left click or tap on the canvas; a click off the globe is ignored. */
export function onGroundClick<Props extends object>(ctx: LayerContext<Props>, apply: (lon: number, lat: number) => void): void {
  const { viewer } = ctx;
  const handler = new ScreenSpaceEventHandler(viewer.canvas);
  ctx.onDispose(() => handler.destroy());
  handler.setInputAction((click: { position: Cartesian2 }) => {
    const ground = viewer.camera.pickEllipsoid(click.position, viewer.scene.globe.ellipsoid);
    if (!ground) return;
    const cartographic = Cartographic.fromCartesian(ground);
    apply(CesiumMath.toDegrees(cartographic.longitude), CesiumMath.toDegrees(cartographic.latitude));
  }, ScreenSpaceEventType.LEFT_CLICK);
}
