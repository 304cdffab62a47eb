/** Buildings layer: the pack's 3D Tiles, coloured by use class, with lit windows at night. */
import { Cesium3DTileset, Cesium3DTileStyle, JulianDate, ShadowMode } from 'cesium';
import { nightFactor, sunElevationDeg } from '../../scene/sun-position';
import { defineLayer } from '../define-layer';
import { buildingStyleJson, USE_CLASS_COLOURS } from './palette';
import { createWindowShader } from './window-shader';

/** Props of the buildings layer. */
export interface BuildingsLayerProps {
  /** Colours by use class. */
  colours: typeof USE_CLASS_COLOURS;
  /** Tile refinement: lower is sharper and slower. */
  maximumScreenSpaceError: number;
  /** Light windows at night (the shader also carries the fill light). */
  nightWindows: boolean;
}

/** Defaults of the buildings layer. */
export const BUILDINGS_LAYER_DEFAULTS: BuildingsLayerProps = {
  colours: USE_CLASS_COLOURS,
  maximumScreenSpaceError: 8,
  nightWindows: true,
};

/** The buildings layer. */
export const createBuildingsLayer = defineLayer<BuildingsLayerProps>({
  name: 'buildings',
  defaults: BUILDINGS_LAYER_DEFAULTS,
  async attach(ctx) {
    const { scene, props: options } = ctx;
    const loaded = await Cesium3DTileset.fromUrl(scene.pack.baseUrl + scene.pack.manifest.files.tileset, {
      maximumScreenSpaceError: options.maximumScreenSpaceError,
      shadows: ShadowMode.ENABLED,
    });
    loaded.style = new Cesium3DTileStyle(buildingStyleJson(options.colours));
    // Added, or destroyed at once if the layer went while the tileset loaded.
    ctx.add(loaded);
    const cesiumScene = ctx.viewer.scene;
    ctx.on(loaded.initialTilesLoaded, () => ctx.ready());

    if (options.nightWindows) {
      const shader = createWindowShader();
      loaded.customShader = shader;
      const [lon, lat] = scene.pack.manifest.centre;
      let night = -1;
      // Follow the sun at the city: only touch the uniform when it visibly changes.
      ctx.on(cesiumScene.preUpdate, (_scene: unknown, time: JulianDate) => {
        const next = Math.round(nightFactor(sunElevationDeg(JulianDate.toDate(time).getTime(), lon, lat)) * 50) / 50;
        if (next !== night) {
          night = next;
          shader.setUniform('u_night', night);
        }
      });
    }
    ctx.visible((visible) => {
      loaded.show = visible;
      cesiumScene.requestRender();
    });
  },
});
