/** Buildings layer: the pack's 3D Tiles, coloured by use class, with lit windows at night. */
import { Cesium3DTileset, Cesium3DTileStyle, JulianDate, ShadowMode } from 'cesium';
import type { AppStore } from '../../store/app-store';
import { nightFactor, sunElevationDeg } from '../../scene/sun-position';
import { bindVisibility } from '../layer-binding';
import type { LayerScene, LiveLayer } from '../live-layer';
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

/** Creates the buildings layer; the tileset is also exposed for picking and readiness. */
export function createBuildingsLayer(props: Partial<BuildingsLayerProps> = {}): LiveLayer & { tileset(): Cesium3DTileset | null } {
  const options = { ...BUILDINGS_LAYER_DEFAULTS, ...props };
  const cleanups: (() => void)[] = [];
  let disposed = false;
  let tileset: Cesium3DTileset | null = null;

  return {
    name: 'buildings',
    tileset: () => tileset,
    async attach(scene: LayerScene, store: AppStore) {
      const loaded = await Cesium3DTileset.fromUrl(scene.pack.baseUrl + scene.pack.manifest.files.tileset, {
        maximumScreenSpaceError: options.maximumScreenSpaceError,
        shadows: ShadowMode.ENABLED,
      });
      if (disposed || scene.viewer.isDestroyed()) {
        loaded.destroy();
        return;
      }
      tileset = loaded;
      loaded.style = new Cesium3DTileStyle(buildingStyleJson(options.colours));
      const cesiumScene = scene.viewer.scene;
      cesiumScene.primitives.add(loaded);
      cleanups.push(() => {
        cesiumScene.primitives.remove(loaded);
        tileset = null;
      });

      const removeLoaded = loaded.initialTilesLoaded.addEventListener(() => store.getState().setLayerReady('buildings', true));
      cleanups.push(removeLoaded);

      if (options.nightWindows) {
        const shader = createWindowShader();
        loaded.customShader = shader;
        const [lon, lat] = scene.pack.manifest.centre;
        let night = -1;
        // Follow the sun at the city: only touch the uniform when it visibly changes.
        const removeUpdate = cesiumScene.preUpdate.addEventListener((_scene, time: JulianDate) => {
          const next = Math.round(nightFactor(sunElevationDeg(JulianDate.toDate(time).getTime(), lon, lat)) * 50) / 50;
          if (next !== night) {
            night = next;
            shader.setUniform('u_night', night);
          }
        });
        cleanups.push(removeUpdate);
      }
      cleanups.push(
        bindVisibility(store, 'buildings', (visible) => {
          loaded.show = visible;
          cesiumScene.requestRender();
        }),
      );
    },
    dispose() {
      disposed = true;
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    },
  };
}
