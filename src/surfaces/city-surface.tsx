/** A city surface (the wall, a kiosk): the city, its HUD with the guide panel, the hub link, and self-healing. */
import { render } from 'preact';
import { createClockController } from '../connection/clock-controller';
import { connectHub, pickRoom } from '../connection/hub-connection';
import { startRoutePoller } from '../connection/route-poller';
import { pickLocale, pickName, translate } from '../i18n/translate';
import { createDefaultLayerRegistry } from '../layers/default-layers';
import { planTour } from '../scene/camera-plan';
import { fetchCityPack, fetchPublicConfig } from '../connection/city-pack-source';
import { startResilientWall } from '../scene/resilient-wall';
import { parseSceneOptions } from '../scene/scene-options';
import { createAppStore } from '../store/app-store';
import { Hud } from '../ui/hud';
import { fetchNamedDays } from '../connection/fetch-named-days';
import { markReady, markRebuilding, markTouring } from './wall/wall-page';
import { whilePageShown } from './while-page-shown';
import { takeSessionToken } from './session-token';

/** Mounts a city surface — the wall or a kiosk — on the page: scene, HUD, hub link, self-healing. */
export async function mountCitySurface(surface: 'wall' | 'kiosk'): Promise<void> {
  document.documentElement.dataset.surface = surface;
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

  // Staff open a screen with ?operator=<OPERATOR_TOKEN> to steer its room's clock from it; the token
  // leaves the address at once and stays with the tab (a reload keeps it).
  const operatorToken = takeSessionToken('operator');
  const params = new URLSearchParams(location.search);
  const hub = operatorToken ? connectHub(store, surface, pickRoom(params.get('room')), operatorToken, 'operator') : connectHub(store, surface, pickRoom(params.get('room')));
  // The guide's route follows its ends and the traffic; the route layer draws what it brings. The
  // surface is never torn down, so the poller stops with the page.
  whilePageShown(() => startRoutePoller(store));
  const hudRoot = document.getElementById('hud')!;
  render(<Hud store={store} manifest={null} views={[]} />, hudRoot);

  const cityId = options.city ?? (await fetchPublicConfig()).defaultCity;
  const pack = await fetchCityPack(cityId);
  document.title = `${translate(store.getState().locale, 'app.title')} · ${pickName(store.getState().locale, pack.manifest.name, pack.manifest.id)}`;
  const clockControl = operatorToken ? { controller: createClockController(hub.socket, true), namedDays: await fetchNamedDays(pack.manifest.id) } : undefined;
  render(<Hud store={store} manifest={pack.manifest} views={planTour(pack.manifest, []).slice(0, 8)} {...(clockControl ? { clockControl } : {})} />, hudRoot);

  startResilientWall(document.getElementById('scene')!, store, pack, createDefaultLayerRegistry(), options, {
    onReady: markReady,
    onRebuilding: markRebuilding,
  });
}

/** Starts a city surface; an unattended screen that fails to start retries by itself. */
export function startCitySurface(surface: 'wall' | 'kiosk'): void {
  mountCitySurface(surface).catch((error: unknown) => {
    console.error(`the ${surface} could not start`, error);
    const message = document.getElementById('fatal');
    if (message) {
      message.textContent = translate(pickLocale(new URLSearchParams(location.search).get('lang')), 'app.loadFailed', { reason: String(error) });
      message.hidden = false;
    }
    // An unattended screen retries on its own: the server may just be restarting.
    setTimeout(() => location.reload(), 15_000);
  });
}
