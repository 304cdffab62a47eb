/** The planner surface: the city (the wall's scene and layers) beside the what-if console, behind the planner token. */
import 'cesium/Build/Cesium/Widgets/widgets.css';
import './planner.css';
import { namedDaysFileSchema, type NamedDay } from '../../weather/named-days-file';
import { render } from 'preact';
import { defaultCommute } from '../../city/default-commute';
import { createClockController } from '../../connection/clock-controller';
import { connectHub, pickRoom } from '../../connection/hub-connection';
import { localName } from '../../i18n/local-name';
import { pickLocale, pickName, translate } from '../../i18n/translate';
import { createDefaultLayerRegistry } from '../../layers/default-layers';
import type { PlaceProperties, RoadProperties } from '../../protocol/city-pack';
import { fetchCityPack, fetchPackFeatures, fetchPublicConfig } from '../../scene/city-pack-source';
import { fetchPackGraph } from '../../scene/pack-graph';
import { parseSceneOptions } from '../../scene/scene-options';
import { createWallScene } from '../../scene/wall-scene';
import { createAppStore } from '../../store/app-store';
import { attachEdgePicker, segmentOf } from './edge-picker';
import { eventPlaces } from './event-places';
import { PlannerConsole } from './planner-console';
import { PlannerContext, type EventPlace } from './planner-context';
import { attachPlannerLink, checkToken } from './planner-link';
import { createPlannerStore } from './planner-store';
import { TokenForm } from './token-form';

const params = new URLSearchParams(location.search);
const locale = pickLocale(params.get('lang'));
const room = pickRoom(params.get('room'));
const root = document.getElementById('app')!;

/** Shows the token form; a submitted token goes into the URL and is tried. */
function askForToken(error: string | null): void {
  document.documentElement.dataset.ready = 'true';
  render(
    <TokenForm
      locale={locale}
      error={error}
      onSubmit={(token) => {
        params.set('token', token);
        history.replaceState(null, '', `${location.pathname}?${params}`);
        void start(token);
      }}
    />,
    root,
  );
}

async function start(token: string): Promise<void> {
  render(<p class="planner-connecting">{translate(locale, 'planner.connecting')}</p>, root);
  const refusal = await checkToken(room, token);
  if (refusal) return askForToken(refusal);

  // A planner's view does not tour (the idle timer must stay under setTimeout's 2^31 ms).
  const options = { ...parseSceneOptions(location.search), idleSeconds: 1_000_000 };
  const app = createAppStore();
  app.getState().setLocale(locale);
  document.documentElement.lang = locale;
  const hub = connectHub(app, 'planner', room, token);
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
  const places: EventPlace[] = eventPlaces(points.map(({ p }) => p), locale);
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

  /** The named days of the city's weather series, or none when it has no series or the file is not valid. */
  async function fetchNamedDays(city: string): Promise<NamedDay[]> {
    const response = await fetch(`/tiles/recordings/${city}/weather/days.json`).catch(() => null);
    if (!response?.ok) return [];
    const parsed = namedDaysFileSchema.safeParse(await response.json().catch(() => null));
    return parsed.success ? parsed.data.days : [];
  }

  render(
    <div class="planner-layout">
      <div class="planner-scene" id="scene" />
      <PlannerContext.Provider value={{ app, store, link, places, dayStartMs, namedDays: await fetchNamedDays(pack.manifest.id), clock: createClockController(hub.socket, false), timeZone: pack.manifest.timeZone }}>
        <PlannerConsole />
      </PlannerContext.Provider>
    </div>,
    root,
  );
  const scene = createWallScene(document.getElementById('scene')!, app, pack, createDefaultLayerRegistry(), options, {
    onReady: () => (document.documentElement.dataset.ready = 'true'),
    onBroken: (reason) => console.warn(`the planner's scene broke: ${reason}`),
  });
  // A planner reads flows and closures: the visitor's parking signs and 12345 cases stay off here.
  for (const name of ['parking', 'service-requests']) app.getState().setLayerVisible(name, false);
  const picker = attachEdgePicker(scene.viewer, graph, store, roadName);
  if (options.test) (window as unknown as { sandtablePlanner?: unknown }).sandtablePlanner = { store, pickAt: picker.pickAt };
  document.documentElement.dataset.console = 'true';
}

const token = params.get('token');
if (token) void start(token).catch((error: unknown) => askForToken(String(error)));
else askForToken(null);
