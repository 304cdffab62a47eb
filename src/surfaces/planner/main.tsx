/** The planner surface: the city (the wall's scene and layers) beside the what-if console, behind the planner token. */
// First: zod must be jitless before any schema is made (the pages' CSP has no 'unsafe-eval').
import '../jitless-zod';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import './planner.css';
import { Cartesian3, SceneTransforms } from 'cesium';
import { render } from 'preact';
import { defaultCommute } from '../../city/default-commute';
import { createClockController } from '../../connection/clock-controller';
import { connectHub, pickRoom } from '../../connection/hub-connection';
import { startRoutePoller } from '../../connection/route-poller';
import { localName } from '../../i18n/local-name';
import { pickLocale, pickName, translate } from '../../i18n/translate';
import { createDefaultLayerRegistry } from '../../layers/default-layers';
import type { PlaceProperties, RoadProperties } from '../../protocol/city-pack';
import { fetchCityPack, fetchPackFeatures, fetchPublicConfig } from '../../connection/city-pack-source';
import { fetchPackGraph } from '../../connection/pack-graph';
import { startResilientWall } from '../../scene/resilient-wall';
import { parseSceneOptions } from '../../scene/scene-options';
import { createAppStore } from '../../store/app-store';
import { fetchNamedDays } from '../../connection/fetch-named-days';
import { eventPlaces } from './event-places';
import { markReady, markRebuilding } from '../wall/wall-page';
import { createClosuresLayer } from './closures-layer';
import { pickOnMap, segmentOf } from './pick-on-map';
import { PlannerConsole } from './planner-console';
import { PlannerContext, type EventPlace } from './planner-context';
import { attachPlannerLink, checkToken } from './planner-link';
import { createPlannerStore } from './planner-store';
import { TokenForm } from './token-form';
import { whilePageShown } from '../while-page-shown';
import { forgetSessionToken, keepSessionToken, takeSessionToken } from '../session-token';

/** The address parameter (and session key) of the planner token. */
const PLANNER_TOKEN = 'token';
const params = new URLSearchParams(location.search);
const locale = pickLocale(params.get('lang'));
const room = pickRoom(params.get('room'));
const root = document.getElementById('app')!;

/** Shows the token form; a submitted token is kept for the tab's session (never in the address) and tried. */
function askForToken(error: string | null): void {
  document.documentElement.dataset.ready = 'true';
  render(
    <TokenForm
      locale={locale}
      error={error}
      onSubmit={(token) => {
        keepSessionToken(PLANNER_TOKEN, token);
        void start(token);
      }}
    />,
    root,
  );
}

async function start(token: string): Promise<void> {
  render(<p class="planner-connecting">{translate(locale, 'planner.connecting')}</p>, root);
  const refusal = await checkToken(room, token);
  if (refusal) return (forgetSessionToken(PLANNER_TOKEN), askForToken(refusal));

  // A planner's view does not tour (the idle timer must stay under setTimeout's 2^31 ms).
  const options = { ...parseSceneOptions(location.search), idleSeconds: 1_000_000 };
  const app = createAppStore();
  app.getState().setLocale(locale);
  document.documentElement.lang = locale;
  const hub = connectHub(app, 'planner', room, token);
  // The guide's route for the route layer; the planner is never torn down, so the poller stops with the page.
  whilePageShown(() => startRoutePoller(app));
  const store = createPlannerStore();

  const cityId = options.city ?? (await fetchPublicConfig()).defaultCity;
  const pack = await fetchCityPack(cityId);
  document.title = `${translate(locale, 'planner.title')} · ${pickName(locale, pack.manifest.name, pack.manifest.id)}`;
  const [{ graph }, placeFeatures, roadFeatures] = await Promise.all([
    fetchPackGraph(pack),
    fetchPackFeatures<PlaceProperties>(pack, pack.manifest.files.places),
    fetchPackFeatures<RoadProperties>(pack, pack.manifest.files.roads),
  ]);
  const roadName = (edge: number): string | null => {
    const p = roadFeatures[graph.edges.road[edge]!]?.properties;
    return p ? localName(p, locale) || null : null;
  };
  const points = placeFeatures.flatMap((f) => (f.geometry.type === 'Point' ? [{ lonLat: f.geometry.coordinates as [number, number], p: f.properties }] : []));
  const places: EventPlace[] = eventPlaces(
    points.map(({ p }) => p),
    locale,
  );
  const commute = defaultCommute(points.map(({ lonLat, p }) => ({ lonLat, category: p.category, named: Boolean(p.name) })));

  // The console needs the simulated day, which the room's planner state brings.
  const dayStartMs = await new Promise<number>((resolve) => {
    const link = attachPlannerLink(hub.socket, app, store, { dayStartMs: 0, route: null, describe: (edge) => segmentOf(graph, edge, roadName) });
    const off = store.subscribe((s) => {
      if (!s.room) return;
      off();
      link.close();
      resolve(s.room.dayStartMs);
    });
  });
  const link = attachPlannerLink(hub.socket, app, store, { dayStartMs, route: commute && { from: commute.home, to: commute.work }, describe: (edge) => segmentOf(graph, edge, roadName) });

  render(
    <div class="planner-layout">
      <div class="planner-scene" id="scene" />
      <PlannerContext.Provider
        value={{ app, store, link, places, dayStartMs, namedDays: await fetchNamedDays(pack.manifest.id), clock: createClockController(hub.socket, false), timeZone: pack.manifest.timeZone }}
      >
        <PlannerConsole />
      </PlannerContext.Provider>
    </div>,
    root,
  );
  // A planner reads flows and closures: the visitor's parking signs and 12345 cases stay off here,
  // declared hidden before the scene so no frame shows them and a rebuilt scene keeps them off.
  for (const name of ['parking', 'service-requests']) app.getState().declareLayer(name, false);
  // The closures are a registered layer: a rebuilt scene attaches them again from the planner store.
  const registry = createDefaultLayerRegistry().register('closures', createClosuresLayer, { graph, planner: store, roadName });
  // Self-healing as on the wall: a lost context or a render error rebuilds the scene; the console,
  // its store (closures, event, demand, window) and the hub session live outside it and stay.
  document.documentElement.dataset.ready = 'false';
  startResilientWall(document.getElementById('scene')!, app, pack, registry, options, { onReady: markReady, onRebuilding: markRebuilding });
  if (options.test) {
    (window as unknown as { sandtablePlanner?: unknown }).sandtablePlanner = {
      store,
      pickAt: (lon: number, lat: number) => pickOnMap(graph, store, roadName, lon, lat),
      // Tests turn graph points into screen positions to click, as a user would.
      cesium: { Cartesian3, SceneTransforms },
    };
  }
  document.documentElement.dataset.console = 'true';
}

// `?token=…` leaves the address as soon as it is read; a reload finds it in the tab's session.
const token = takeSessionToken(PLANNER_TOKEN);
if (token) void start(token).catch((error: unknown) => askForToken(String(error)));
else askForToken(null);
