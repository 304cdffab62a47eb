/** The wall surface: the city on the big screen, its HUD, the hub link, and self-healing. */
import 'cesium/Build/Cesium/Widgets/widgets.css';
import './wall.css';
import { render } from 'preact';
import { connectHub, pickRoom } from '../../connection/hub-connection';
import { translate, pickLocale } from '../../i18n/translate';
import { createDefaultLayerRegistry } from '../../layers/default-layers';
import { planTour } from '../../scene/camera-plan';
import { fetchCityPack, fetchPublicConfig } from '../../scene/city-pack-source';
import { startResilientWall } from '../../scene/resilient-wall';
import { parseSceneOptions } from '../../scene/scene-options';
import { createAppStore } from '../../store/app-store';
import { Hud } from '../../ui/hud';
import { markReady, markRebuilding, markTouring } from './wall-page';

async function main() {
  const options = parseSceneOptions(location.search);
  const store = createAppStore();
  store.getState().setLocale(pickLocale(options.lang));
  document.documentElement.lang = store.getState().locale;
  store.subscribe((state) => {
    document.documentElement.lang = state.locale;
  });
  let touring = false;
  markTouring(false);
  store.subscribe((state) => {
    if (state.camera.touring !== touring) markTouring((touring = state.camera.touring));
  });

  connectHub(store, 'wall', pickRoom(new URLSearchParams(location.search).get('room')));
  const hudRoot = document.getElementById('hud')!;
  render(<Hud store={store} manifest={null} views={[]} />, hudRoot);

  const cityId = options.city ?? (await fetchPublicConfig()).defaultCity;
  const pack = await fetchCityPack(cityId);
  document.title = `${translate(store.getState().locale, 'app.title')} · ${pack.manifest.name.zh}`;
  render(<Hud store={store} manifest={pack.manifest} views={planTour(pack.manifest, []).slice(0, 8)} />, hudRoot);

  startResilientWall(document.getElementById('scene')!, store, pack, createDefaultLayerRegistry(), options, {
    onReady: markReady,
    onRebuilding: markRebuilding,
  });
}

main().catch((error: unknown) => {
  console.error('the wall could not start', error);
  const message = document.getElementById('fatal');
  if (message) {
    message.textContent = translate(pickLocale(new URLSearchParams(location.search).get('lang')), 'app.loadFailed', { reason: String(error) });
    message.hidden = false;
  }
  // An unattended wall retries on its own: the server may just be restarting.
  setTimeout(() => location.reload(), 15_000);
});
