/** Creates an offline Cesium viewer: no ion, no online imagery/terrain/geocoder, render on demand. */
import { Color, Credit, EllipsoidTerrainProvider, Ion, ShadowMode, Viewer } from 'cesium';
import type { CityManifest } from '../protocol/city-pack';
import type { SceneOptions } from './scene-options';

/** Colour of the globe outside the pack: a deep night blue the city's table stands out from. */
export const GLOBE_COLOUR = '#0b1422';

/** Creates the viewer in a container; the caller destroys it. */
export function createOfflineViewer(container: HTMLElement, manifest: CityManifest, options: SceneOptions): Viewer {
  // No token: any accidental ion request fails instead of phoning home, and no token nag shows.
  Ion.defaultAccessToken = '';
  const viewer = new Viewer(container, {
    baseLayer: false,
    terrainProvider: new EllipsoidTerrainProvider(),
    geocoder: false,
    baseLayerPicker: false,
    animation: false,
    timeline: false,
    homeButton: false,
    navigationHelpButton: false,
    sceneModePicker: false,
    fullscreenButton: false,
    infoBox: false,
    selectionIndicator: false,
    vrButton: false,
    projectionPicker: false,
    // The wall rebuilds itself on a render error instead of showing a dialog nobody will close.
    showRenderLoopErrors: false,
    skyBox: false,
    requestRenderMode: true,
    // The sun moves the shadows and windows: redraw at least every 2 sim minutes of change.
    maximumRenderTimeChange: 120,
    msaaSamples: options.msaaSamples,
    shadows: options.shadows,
    terrainShadows: ShadowMode.RECEIVE_ONLY,
    // alpha: the page's backdrop (a dim exhibition room) shows around the table.
    contextOptions: { webgl: { alpha: true, preserveDrawingBuffer: options.test, powerPreference: 'high-performance' } },
  });
  const scene = viewer.scene;
  scene.backgroundColor = Color.TRANSPARENT;
  scene.globe.baseColor = Color.fromCssColorString(GLOBE_COLOUR);
  // The table is the pack's own ground polygon; a drawn globe's quantized tiles would poke through it
  // in patches a few decimetres high, so the globe only anchors the camera and is not drawn.
  scene.globe.show = false;
  scene.globe.depthTestAgainstTerrain = false;
  scene.fog.enabled = false;
  // Without a drawn globe the sky would fill the whole view: a dark room around a lit table instead.
  if (scene.skyAtmosphere) scene.skyAtmosphere.show = false;
  if (scene.sun) scene.sun.show = false;
  if (scene.moon) scene.moon.show = false;
  if (options.shadows) {
    const shadowMap = scene.shadowMap;
    shadowMap.softShadows = true;
    shadowMap.size = 2048;
    shadowMap.darkness = 0.45;
    shadowMap.maximumDistance = 6000;
    // Cesium's default bias is tuned for metre-scale scenes; over a 4 km city it leaves acne
    // (a hatching on every lit façade). No public API exposes the bias, hence the private field.
    const bias = (shadowMap as unknown as { _primitiveBias?: { depthBias: number; normalOffsetScale: number } })._primitiveBias;
    if (bias) {
      bias.depthBias = 0.0006;
      bias.normalOffsetScale = 4;
    }
  }
  // The pack's own attribution, shown with Cesium's on-screen credits.
  const { text, url } = manifest.attribution;
  viewer.creditDisplay.addStaticCredit(new Credit(`<a href="${encodeURI(url)}" target="_blank" rel="noopener">${escapeHtml(text)}</a>`, true));
  return viewer;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
